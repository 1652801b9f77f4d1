import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
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
    if (status >= 500) this.logger.error({ err: exception, requestId: request.id }, 'request failed');
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
    response.status(status).json(body);
  }

  private toResponse(exception: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
    if (exception instanceof AppError) {
      return { status: exception.status, body: { error: { code: exception.code, message: exception.message, details: exception.details } }, headers: exception.headers };
    }
    if (exception instanceof ZodValidationException) {
      const zodError = exception.getZodError() as ZodError;
      return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'The request is not valid', details: zodDetails(zodError) } } };
    }
    const bodyParser = exception as { type?: string; status?: number };
    if (bodyParser?.type === 'entity.parse.failed') {
      return { status: 400, body: { error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' } } };
    }
    if (bodyParser?.type === 'entity.too.large') {
      return { status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than allowed' } } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
      const message = status === 404 ? 'Not found' : exception.message;
      return { status, body: { error: { code, message } } };
    }
    const pg = exception as { code?: string; constraint?: string };
    if (pg?.code === '22P02') {
      return { status: 400, body: { error: { code: 'BAD_REQUEST', message: 'A value has an invalid format' } } };
    }
    if (pg?.code === '23505') {
      return { status: 409, body: { error: { code: 'CONFLICT', message: 'A record with the same unique value already exists' } } };
    }
    return { status: ERROR_STATUS.INTERNAL, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side' } } };
  }
}
