import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission, Principal } from './permissions';

export const ACCESS_KEY = 'poa:access';
export type AccessRule = { public: true } | { public: false; permission: Permission };

/** Anyone may call this endpoint (health, sign-up, log-in...). */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);

/** The permission this endpoint needs. Endpoints without Public() or Can() are refused by the AccessGuard. */
export const Can = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { public: false, permission } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token or API key' }),
    ApiForbiddenResponse({ description: `FORBIDDEN: needs permission ${permission}` }),
  );

/** The authenticated principal of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest().user as Principal;
});
