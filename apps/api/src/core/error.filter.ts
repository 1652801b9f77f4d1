import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { StorageFullError } from '@poa/storage';
import { isDatabaseUnavailable } from './database-unavailable';
import { AppError, ERROR_STATUS, type ErrorCode } from './errors';

interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
}

export function zodDetails(error: ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : '(body)'),
    message: issue.message,
  }));
}

/**
 * PostgreSQL's data exceptions for a value it cannot take (bad syntax, out of range, too long, NUL). Validation
 * refuses such values first; this only keeps a missed case a 400, and is logged so the gap gets closed.
 */
const PG_DATA_ERRORS = new Set(['22001', '22003', '22007', '22008', '22009', '22021', '22P02']);

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** The one error shape: {"error": {"code", "message", "details"}}. Unknown errors become INTERNAL and are logged, never echoed. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const { status, body, headers } = this.toResponse(exception);
    body.error.requestId = request.id ? String(request.id) : undefined;
    if (body.error.code === 'STORAGE_FULL')
      this.logger.error({ requestId: request.id, error: (exception as Error).message }, 'the file store is full');
    else if (body.error.code === 'DATABASE_UNAVAILABLE')
      this.logger.warn({ requestId: request.id, error: (exception as Error).message }, 'the database is unreachable: answered 503');
    else if (status >= 500) this.logger.error({ err: exception, requestId: request.id }, 'request failed');
    else if (isPgDataError(exception))
      this.logger.warn(
        { err: exception, requestId: request.id, method: request.method, path: request.path },
        'the database refused a value that validation let through',
      );
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
    response.status(status).json(body);
  }

  private toResponse(exception: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
    if (exception instanceof AppError) {
      return {
        status: exception.status,
        body: { error: { code: exception.code, message: exception.message, details: exception.details } },
        headers: exception.headers,
      };
    }
    if (exception instanceof ZodValidationException) {
      const zodError = exception.getZodError() as ZodError;
      return {
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', message: 'The request is not valid', details: zodDetails(zodError) } },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
      const message = status === 404 ? 'Not found' : exception.message;
      return { status, body: { error: { code, message } } };
    }
    if (isPgDataError(exception)) {
      return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'A value has an invalid format or is out of range' } } };
    }
    if (exception instanceof StorageFullError) {
      return {
        status: ERROR_STATUS.STORAGE_FULL,
        body: { error: { code: 'STORAGE_FULL', message: 'The file store is full: nothing was saved; retry later' } },
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        status: ERROR_STATUS.DATABASE_UNAVAILABLE,
        body: { error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable for a moment; retry shortly' } },
        headers: { 'retry-after': '5' },
      };
    }
    if ((exception as { code?: unknown } | null)?.code === '23505') {
      return { status: 409, body: { error: { code: 'CONFLICT', message: 'A record with the same unique value already exists' } } };
    }
    return { status: ERROR_STATUS.INTERNAL, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side' } } };
  }
}

function isPgDataError(exception: unknown): boolean {
  const code = (exception as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PG_DATA_ERRORS.has(code);
}
