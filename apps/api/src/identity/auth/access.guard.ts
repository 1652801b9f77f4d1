import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { TenantContext, type TenantScope } from '@poa/db';
import type { Request, Response } from 'express';
import { AppError } from '../../core/errors';
import { RequestRateLimit } from '../../rate-limit/request-rate-limit';
import { ACCESS_KEY, type AccessRule } from '../../core/access.decorators';
import { principalHas, type Principal } from '../../core/permissions';
import { StaffJwtStrategy } from './strategies';

/**
 * The one guard on every route. A route must declare Public() or Can(permission); anything else is refused.
 * It authenticates with the API key, staff JWT or portal JWT strategy, checks the permission, then binds
 * the tenant context every repository reads.
 */
@Injectable()
export class AccessGuard extends AuthGuard(['api-key', 'jwt', 'portal-jwt']) {
  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimit: RequestRateLimit,
    private readonly staffJwt: StaffJwtStrategy,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new AppError('PERMISSION_NOT_DECLARED', 'This endpoint declares no permission and is refused by default');
    if (rule.public) return true;

    const request = context.switchToHttp().getRequest<Request & { user: Principal; tenantId?: string }>();
    // A staff access token is checked directly; everything else (API keys, portal tokens and cookies, bad tokens)
    // goes through the passport strategies.
    const staff = await this.staffJwt.authenticateBearer(request);
    if (staff === undefined) await super.canActivate(context);
    else request.user = this.handleRequest(null, staff) as Principal;
    const principal = request.user;
    if (!principalHas(principal, rule.permission)) {
      throw new AppError('FORBIDDEN', `This action needs the permission ${rule.permission}`);
    }
    request.tenantId = principal.tenantId;
    await this.rateLimit.consume(principal, request, context.switchToHttp().getResponse<Response>());
    TenantContext.bind(tenantScopeOf(principal, request));
    return true;
  }

  override handleRequest<T>(error: unknown, principal: T): T {
    if (error) throw error;
    if (!principal) throw new AppError('UNAUTHENTICATED', 'A valid access token or API key is required');
    return principal;
  }
}

/** The tenant context of an authenticated request: its tenant, who acts, from where. */
export function tenantScopeOf(principal: Principal, request: Request): TenantScope {
  return {
    tenantId: principal.tenantId,
    actor: {
      kind: principal.kind,
      id: principal.id,
      name: principal.name,
      role: principal.kind === 'user' ? principal.role : undefined,
      scopes: principal.kind === 'api_key' ? principal.scopes : undefined,
      clientId: principal.kind === 'contact' ? principal.clientId : undefined,
      email: principal.kind === 'api_key' ? undefined : principal.email,
    },
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent'] ?? null,
  };
}
