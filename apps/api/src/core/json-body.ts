import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { AppError } from './errors';

/**
 * No request of the API nests objects and arrays more than a few levels; every step that walks a body after parsing
 * (the NUL check, validation) recurses, so a deeper body is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 32;
const MAX_BODY = '1mb';
const TOO_DEEP = 'entity.too.deep';

/** Whether a UTF-8 JSON text nests deeper than `limit`: one pass over the bytes, brackets inside strings skipped. */
export function nestsDeeperThan(json: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const byte = json[i];
    if (inString) {
      if (byte === 0x5c) i += 1;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x5b || byte === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/** Errors thrown in `verify` carry body-parser's `type` and `status`, as its own errors do. */
function bodyError(type: string, status: number, message: string): Error {
  return Object.assign(new Error(message), { type, status });
}

/**
 * express.json with the nesting limit (JSON is UTF-8, RFC 8259, which is also what the byte scan reads), then the
 * answer for a body that could not be read, as an AppError for the error filter. Passed on as it is, a JSON syntax
 * error would reach the filter as a plain 400: Nest turns any SyntaxError into a BadRequestException.
 */
export function jsonBody(): [RequestHandler, ErrorRequestHandler] {
  const parse = express.json({
    limit: MAX_BODY,
    verify: (_req, _res, body, encoding) => {
      if (!/^utf-?8$/i.test(encoding)) throw bodyError('charset.unsupported', 415, `unsupported charset "${encoding}"`);
      if (nestsDeeperThan(body, MAX_JSON_DEPTH)) throw bodyError(TOO_DEEP, 400, 'body nested too deep');
    },
  });
  const answer: ErrorRequestHandler = (error, req, _res, next) => next(bodyParserFailure(error, req) ?? error);
  return [parse, answer];
}

interface BodyParserError {
  type?: unknown;
  status?: unknown;
  code?: unknown;
  errno?: unknown;
}

/**
 * The answer for an error raised while reading the body, or undefined for any other error. A body that does not
 * decompress under its Content-Encoding fails inside zlib, with zlib's code and no type.
 */
export function bodyParserFailure(exception: unknown, req: Request): AppError | undefined {
  if (!exception || typeof exception !== 'object') return undefined;
  const error = exception as BodyParserError;
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError('MALFORMED_JSON', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is larger than 1 MB');
    case TOO_DEEP:
      return AppError.validation([
        { field: '(body)', message: `must not nest objects and arrays more than ${MAX_JSON_DEPTH} levels deep` },
      ]);
    case 'encoding.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Content-Encoding must be gzip, deflate, br or identity');
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'JSON bodies must be UTF-8');
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError('BAD_REQUEST', 'The request body was not received whole');
  }
  const encoded = (req.headers['content-encoding'] ?? 'identity').toLowerCase() !== 'identity';
  if (encoded && typeof error.errno === 'number' && typeof error.code === 'string' && error.status === 400) {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'The request body is not encoded as its Content-Encoding says');
  }
  return undefined;
}
