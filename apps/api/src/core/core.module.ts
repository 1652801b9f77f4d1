import {
  DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  RequestMethod,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@poa/config';
import { createDataSource, TenantDb } from '@poa/db';
import Redis from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { APP_CONFIG, REDIS } from './tokens';

/** The request in the log: its id, method and URL as received. */
const requestFields = (req: IncomingMessage & { id?: unknown; originalUrl?: string }) => ({
  id: req.id,
  method: req.method,
  url: req.originalUrl ?? req.url,
});
const responseFields = (res: ServerResponse) => ({ statusCode: res.statusCode });
export const withTenant = (req: IncomingMessage, fields: object) => {
  const tenantId = (req as { tenantId?: string }).tenantId;
  return tenantId ? { ...fields, tenantId } : fields;
};

/** The request's id: the caller's X-Request-Id when it looks like one, else a new uuid; echoed in x-request-id. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

const REDIS_READY_TIMEOUT_MS = 5000;

/** Connects once per process: config, PostgreSQL as the app role, Redis, structured logs with a request id. */
@Global()
@Module({})
export class CoreModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * Waits (up to 5 s) for Redis before the API listens. Without the offline queue a command sent
   * before the connection is ready fails, and the rate limiters would count those first requests in memory and the
   * next ones in Redis: a per-IP limit of 2 would let a third request through. A Redis that stays down does not
   * keep the API from starting: it then answers with the in-memory fallback and /health/ready says so.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.redis.status === 'ready') return;
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), REDIS_READY_TIMEOUT_MS);
      const onReady = () => done(true);
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        resolve(value);
      };
      this.redis.on('ready', onReady);
    });
    if (!ready) new Logger(CoreModule.name).warn(`Redis not ready after ${REDIS_READY_TIMEOUT_MS} ms: starting with in-memory rate limits`);
  }

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: requestId,
            // pino-http binds the serialised request to a child logger at the start of every request, whatever the
            // level: only what the request line needs (no headers, so no tokens or cookies to redact there).
            serializers: { req: requestFields, res: responseFields, err: stdSerializers.err },
            wrapSerializers: false,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            // A binding only when there is one: pino-http makes another child logger for any object given here.
            customProps: (req) => {
              const traceId = (req as { traceId?: string }).traceId;
              // pino-http's type says object; it skips the child logger for undefined.
              return (traceId ? { traceId } : undefined) as object;
            },
            // The tenant is known once the request is authenticated: it goes on the request's last line.
            customSuccessObject: (req, _res, fields) => withTenant(req, fields),
            customErrorObject: (req, _res, _error, fields) => withTenant(req, fields),
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({}),
          dataSourceFactory: async () =>
            createDataSource({
              url: config.DATABASE_URL,
              poolSize: config.DATABASE_POOL_SIZE,
              applicationName: 'poa-desk-api',
            }).initialize(),
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: TenantDb, inject: [DataSource], useFactory: (ds: DataSource) => new TenantDb(ds) },
        {
          provide: REDIS,
          useFactory: () =>
            // Fail fast while Redis is down (no offline queue) and keep reconnecting in the background.
            new Redis(config.REDIS_URL, {
              // Commands issued in the same tick (concurrent requests' rate-limit counts) go out in one write.
              enableAutoPipelining: true,
              maxRetriesPerRequest: 1,
              enableOfflineQueue: false,
              lazyConnect: false,
              retryStrategy: (n) => Math.min(n * 200, 2000),
            }),
        },
      ],
      exports: [APP_CONFIG, TenantDb, REDIS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
