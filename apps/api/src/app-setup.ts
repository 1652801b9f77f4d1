import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '@poa/config';
import { TenantContext } from '@poa/db';
import cookieParser from 'cookie-parser';
import { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule } from './app.module';
import { ApiMetrics } from './observability/api-metrics';
import { httpObservability } from './observability/http-observability';
import { applySecurityHeaders } from './core/security-headers';
import { serveWeb } from './core/web-app';
import { jsonBody } from './core/json-body';
import { FastCaseReads } from './fast-reads/fast-case-reads';
import { findUnstorable } from './core/unstorable-text';
import { API_VERSION, documentSuccessAnswers, finishOpenApiDocument } from './core/openapi';

export const API_PREFIX = 'api/v1';
const DOCS_PATH = 'api/docs';

/** Builds the Nest application exactly as production runs it; main.ts and the integration tests both use this. */
export async function createApp(config: AppConfig, opts: { logger?: boolean } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
    logger: opts.logger === false ? false : undefined,
  });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  // req.ip (rate limits, audit, approval proofs) honours X-Forwarded-For only from the proxies TRUST_PROXY names.
  app.set('trust proxy', config.TRUST_PROXY.length > 0 ? config.TRUST_PROXY : false);
  app.disable('x-powered-by');
  // API answers are no-store (security-headers.ts) and the page embeds a fresh nonce: a hash of every body is waste.
  // PDF downloads set their own ETag and answer 304 themselves (send-pdf.ts).
  app.set('etag', false);
  app.use(httpObservability(app.get(ApiMetrics)));
  applySecurityHeaders(app, config, `/${DOCS_PATH}`);
  app.use(jsonBody());
  app.use(parseQueryOnce);
  app.use(rejectNulCharacters);
  app.use(cookieParser());
  // Every request gets an empty tenant slot that the AccessGuard fills; repositories throw while it is empty.
  app.use((_req: Request, _res: Response, next: NextFunction) => TenantContext.openRequest(next));
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready'] });
  app.enableShutdownHooks();

  const document = buildOpenApi(app);
  app.use('/api/openapi.json', (req: Request, res: Response, next: NextFunction) => (req.method === 'GET' ? res.json(document) : next()));
  // BaseLayout: the page without Swagger's top bar, whose logo is an SVG with an inline <style> the CSP refuses.
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: 'api/docs-json', swaggerOptions: { layout: 'BaseLayout' } });

  serveWeb(app, config);
  const server = app.getHttpServer();
  // Idle keep-alive connections outlive the clients' and proxies' own idle timeouts (load balancers commonly keep
  // 60 s): with Node's 5 s default the server can close a connection just as a client reuses it (a client whose own
  // idle timer ran late, e.g. on a busy machine), and that request fails with a reset instead of an answer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  app.get(FastCaseReads).install(server, app.getHttpAdapter().getInstance());
  return app;
}

/** Express 5 parses the query string again at every read of req.query (Nest, validation, logging): parse it once. */
function parseQueryOnce(req: Request, _res: Response, next: NextFunction) {
  Object.defineProperty(req, 'query', { value: req.query, writable: true, configurable: true, enumerable: true });
  next();
}

/**
 * PostgreSQL text cannot hold U+0000, nor jsonb a lone surrogate ("\ud800" in JSON): refuse them in any body or query
 * field (400) rather than fail in the database.
 */
function rejectNulCharacters(req: Request, res: Response, next: NextFunction) {
  const field = findUnstorable(req.body, []) ?? findUnstorable(req.query, []);
  if (!field) return next();
  res.status(400).json({
    error: {
      code: 'VALIDATION_FAILED',
      message: 'The request is not valid',
      details: [{ field, message: 'must not contain the NUL character (U+0000) or a lone UTF-16 surrogate' }],
    },
  });
}

export function buildOpenApi(app: NestExpressApplication): OpenAPIObject {
  const spec = new DocumentBuilder()
    .setTitle('POA Desk API')
    .setDescription(
      'Multi-tenant API for agencies that write Amazon Plans of Action. Authenticate with a staff access token ' +
        '(POST /api/v1/auth/login) or an API key (`Authorization: Bearer poa_...`). Every error has the shape ' +
        '`{"error": {"code", "message", "details"}}`. Lists use cursor pagination: `{data, nextCursor}`. ' +
        'Rate limits: each API key, staff user and portal contact may make RATE_LIMIT_PER_MINUTE requests a minute (600 by default), ' +
        'counted across all API replicas; answers carry `X-RateLimit-Limit` and `X-RateLimit-Remaining`, and over the limit the API ' +
        'answers 429 `RATE_LIMITED` with `Retry-After` (seconds). Idempotency: every POST and PUT accepts an `Idempotency-Key` header (1-255 ' +
        'visible ASCII characters, per API key or user); the same key with the same body (uploaded files included) returns the first answer (status and body, ' +
        "header `Idempotent-Replayed: true`) for 24 hours, with a different body 422 `IDEMPOTENCY_KEY_REUSED` (`details`: the first request's `{method, path, at}`), and while the first " +
        'request is still running 409 `IDEMPOTENCY_IN_PROGRESS`. Answers holding a secret shown once (API keys, webhook signing secrets, ' +
        'invite and log-in links, tokens) are not replayed: 409 `IDEMPOTENCY_SECRET_NOT_REPLAYED`, the rest of the answer in `details.answer`. Webhooks: see POST /api/v1/webhooks.',
    )
    .setVersion(API_VERSION)
    .addServer('/', 'The POA Desk serving this document (paths start with /api/v1)')
    .addBearerAuth()
    .addCookieAuth('poa_refresh', { type: 'apiKey', in: 'cookie', description: 'The refresh token cookie set by log-in' }, 'poa_refresh')
    .addCookieAuth(
      'poa_portal',
      { type: 'apiKey', in: 'cookie', description: 'The portal session cookie set by POST /api/v1/portal/session' },
      'poa_portal',
    )
    .build();
  spec.info.license = { name: 'Proprietary: for the agency running this POA Desk and the systems it connects to' };
  documentSuccessAnswers(app);
  return finishOpenApiDocument(cleanupOpenApiDoc(SwaggerModule.createDocument(app, spec)));
}
