import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import Redis from 'ioredis';
import { from, mergeMap, Observable, of } from 'rxjs';
import type { Principal } from '../core/permissions';
import { AppError } from '../core/errors';
import { REDIS } from '../core/tokens';
import { sha256Hex } from '../common/hash';

/** How long a finished answer is replayed, and how long an unfinished request holds its key (a crashed replica's lock expires). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
const IN_FLIGHT_TTL_SECONDS = 120;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** PUT too: a CRM's upsert retried with its key gets the first answer, marked replayed, without a second write. */
const IDEMPOTENT_METHODS = new Set(['POST', 'PUT']);

/** The request that took the key, named in a 422 IDEMPOTENCY_KEY_REUSED (entries stored before it existed lack it). */
interface FirstRequest {
  method: string;
  path: string;
  /** When it arrived (ISO 8601). */
  at: string;
}

type Entry =
  | ({ state: 'in_flight'; fingerprint: string } & Partial<FirstRequest>)
  /** secretWithheld: the answer's one-time secret fields were removed before it was stored, so it is not replayed. */
  | ({ state: 'done'; fingerprint: string; status: number; body: unknown; secretWithheld?: boolean } & Partial<FirstRequest>);

const SECRET_FIELDS_KEY = 'poa:idempotency:secret-fields';

/**
 * The route's successful answer carries a secret shown once (an API key, a signing secret, an invite or log-in
 * link, a token) in these top-level fields: it is stored for idempotency without them, and the same request again
 * answers 409 IDEMPOTENCY_SECRET_NOT_REPLAYED with the rest of the first answer in `details` instead of a replay.
 */
export const SecretInAnswer = (...fields: string[]) => SetMetadata(SECRET_FIELDS_KEY, fields);

interface UploadedPart {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer?: Buffer;
}

/** Method, path, JSON body and every uploaded file (name, type, size and content hash). */
function fingerprintOf(request: Request & { file?: UploadedPart; files?: UploadedPart[] | Record<string, UploadedPart[]> }): string {
  const parts = [request.file, ...(Array.isArray(request.files) ? request.files : Object.values(request.files ?? {}).flat())].filter(
    (part) => part !== undefined,
  );
  const files = parts.map((part) => [
    part.fieldname,
    part.originalname,
    part.mimetype,
    part.size,
    part.buffer ? sha256Hex(part.buffer) : null,
  ]);
  return sha256Hex(
    `${request.method}\n${request.originalUrl.split('?')[0]}\n${JSON.stringify(request.body ?? null)}${files.length ? `\n${JSON.stringify(files)}` : ''}`,
  );
}

function withoutFields(body: unknown, fields: string[]): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  return Object.fromEntries(Object.entries(body).filter(([name]) => !fields.includes(name)));
}

/**
 * `Idempotency-Key` on POST and PUT: the first request with a key (per principal: agency + user, API key or contact) runs,
 * and its answer (any status but 5xx) is kept 24 h in Redis; the same key with the same method, path and body
 * gets that answer again (header `Idempotent-Replayed: true`); with another body 422 IDEMPOTENCY_KEY_REUSED;
 * while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. A 5xx or a dropped connection releases the key.
 *
 * The fingerprint covers uploaded files too (UploadInterceptor reads them first). Answers with a one-time secret
 * are never stored whole (SecretInAnswer). A replay comes after the guards: a revoked key or ended session gets
 * 401, never the stored answer.
 *
 * Registered before the response serializer so a replay is sent as stored; the answer is captured at res.json,
 * where both handler results and the error filter's bodies pass.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: Principal }>();
    const response = http.getResponse<Response>();
    const given = request.headers['idempotency-key'];
    if (!IDEMPOTENT_METHODS.has(request.method) || given === undefined || !request.user) return next.handle();
    const key = Array.isArray(given) ? given[0] : given;
    if (!KEY_PATTERN.test(key)) {
      throw AppError.validation([{ field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }]);
    }
    const principal = request.user;
    const redisKey = `idem:${principal.tenantId}:${principal.kind}:${principal.id}:${sha256Hex(key)}`;
    const fingerprint = fingerprintOf(request);
    const first: FirstRequest = { method: request.method, path: request.originalUrl.split('?')[0], at: new Date().toISOString() };
    const secretFields = this.reflector.get<string[] | undefined>(SECRET_FIELDS_KEY, context.getHandler()) ?? [];

    return from(this.begin(redisKey, fingerprint, first)).pipe(
      mergeMap((existing) => {
        if (existing) return this.replay(existing, fingerprint, response);
        this.captureAnswer(redisKey, fingerprint, first, response, secretFields);
        return next.handle();
      }),
    );
  }

  /** Takes the key (null) or returns what holds it. */
  private async begin(redisKey: string, fingerprint: string, first: FirstRequest): Promise<Entry | null> {
    try {
      const taken = await this.redis.set(
        redisKey,
        JSON.stringify({ state: 'in_flight', fingerprint, ...first } satisfies Entry),
        'EX',
        IN_FLIGHT_TTL_SECONDS,
        'NX',
      );
      if (taken === 'OK') return null;
      const raw = await this.redis.get(redisKey);
      // Expired between the two calls: the caller may try again at once.
      if (!raw) throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key just finished; retry');
      return JSON.parse(raw) as Entry;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('SERVICE_UNAVAILABLE', 'Idempotency keys cannot be checked right now; retry later', undefined, {
        'Retry-After': '5',
      });
    }
  }

  private replay(existing: Entry, fingerprint: string, response: Response): Observable<unknown> {
    if (existing.fingerprint !== fingerprint) {
      const { method, path, at } = existing;
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        method && path && at
          ? `This Idempotency-Key was used with a different request: ${method} ${path} at ${at}`
          : 'This Idempotency-Key was used with a different request',
        method && path && at ? { method, path, at } : undefined,
      );
    }
    if (existing.state === 'in_flight') {
      throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed', undefined, {
        'Retry-After': '1',
      });
    }
    if (existing.secretWithheld) {
      throw new AppError(
        'IDEMPOTENCY_SECRET_NOT_REPLAYED',
        'The first request with this Idempotency-Key succeeded; its answer held a secret that is shown only once, so it is not replayed. details.answer is that answer without the secret',
        { status: existing.status, answer: existing.body },
      );
    }
    response.status(existing.status);
    response.setHeader('Idempotent-Replayed', 'true');
    return of(existing.body);
  }

  /** Stores the answer once it is sent; releases the key on a 5xx or when the client goes away before the end. */
  private captureAnswer(redisKey: string, fingerprint: string, first: FirstRequest, response: Response, secretFields: string[]): void {
    let body: unknown = null;
    const json = response.json.bind(response);
    response.json = (value: unknown) => {
      body = value;
      return json(value);
    };
    let settled = false;
    response.once('finish', () => {
      settled = true;
      const status = response.statusCode;
      const withhold = secretFields.length > 0 && status < 300;
      const entry: Entry = withhold
        ? { state: 'done', fingerprint, status, body: withoutFields(body, secretFields), secretWithheld: true, ...first }
        : { state: 'done', fingerprint, status, body, ...first };
      const release =
        status >= 500 ? this.redis.del(redisKey) : this.redis.set(redisKey, JSON.stringify(entry), 'EX', IDEMPOTENCY_TTL_SECONDS);
      release.catch(() => undefined);
    });
    response.once('close', () => {
      if (!settled) this.redis.del(redisKey).catch(() => undefined);
    });
  }
}
