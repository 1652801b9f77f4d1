import { AsyncLocalStorage } from 'node:async_hooks';

export type ActorKind = 'user' | 'api_key' | 'contact' | 'system';

/** Who is acting. Staff carry a role; API keys carry scopes; portal contacts are bound to one client. */
export interface Actor {
  kind: ActorKind;
  id: string | null;
  name: string;
  role?: string;
  scopes?: readonly string[];
  clientId?: string;
  email?: string;
}

export interface TenantScope {
  tenantId: string;
  actor: Actor;
  ip?: string | null;
  userAgent?: string | null;
}

export class MissingTenantContextError extends Error {
  constructor() {
    super('No tenant context: tenant-owned data can only be read or written inside TenantContext.run()');
    this.name = 'MissingTenantContextError';
  }
}

const storage = new AsyncLocalStorage<{ scope?: TenantScope }>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * The request-scoped tenant, read by every repository; `require()` throws when it is missing.
 * HTTP requests open an empty slot in a middleware (`openRequest`) and the auth guard fills it (`bind`):
 * a guard cannot wrap the handler, and AsyncLocalStorage.enterWith would not reach it.
 */
export const TenantContext = {
  run<T>(scope: TenantScope, fn: () => T): T {
    if (!isUuid(scope.tenantId)) throw new Error('TenantContext.run: tenantId must be a uuid');
    return storage.run({ scope }, fn);
  },
  openRequest<T>(fn: () => T): T {
    return storage.run({}, fn);
  },
  bind(scope: TenantScope): void {
    const slot = storage.getStore();
    if (!slot) throw new Error('TenantContext.bind: no request slot (is the tenant middleware installed?)');
    if (!isUuid(scope.tenantId)) throw new Error('TenantContext.bind: tenantId must be a uuid');
    slot.scope = scope;
  },
  current(): TenantScope | undefined {
    return storage.getStore()?.scope;
  },
  require(): TenantScope {
    const scope = storage.getStore()?.scope;
    if (!scope) throw new MissingTenantContextError();
    return scope;
  },
};
