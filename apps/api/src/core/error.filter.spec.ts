import { Logger, type ArgumentsHost } from '@nestjs/common';
import { ErrorFilter } from './error.filter';

/** Runs the filter on one exception and returns the status and body it answered with. */
function answer(exception: unknown) {
  const sent: { status?: number; body?: { error: { code: string; message: string } } } = {};
  const response = {
    headersSent: false,
    setHeader: () => undefined,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: never) {
      sent.body = body;
    },
  };
  const request = { method: 'GET', path: '/api/v1/x' };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }) } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  return { status: sent.status, code: sent.body?.error.code };
}

/** The shape pg gives its errors: a message and PostgreSQL's SQLSTATE in `code`. */
const pgError = (code: string) => Object.assign(new Error('database refused the value'), { code, severity: 'ERROR' });

describe('ErrorFilter', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each(['22001', '22003', '22007', '22008', '22009', '22021', '22P02'])(
    'answers PostgreSQL data error %s with 400 VALIDATION_FAILED, and logs the gap',
    (code) => {
      expect(answer(pgError(code))).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(warn).toHaveBeenCalledTimes(1);
    },
  );

  it('keeps other database errors a 409 (unique) or a 500', () => {
    expect(answer(pgError('23505'))).toEqual({ status: 409, code: 'CONFLICT' });
    expect(answer(pgError('40001'))).toEqual({ status: 500, code: 'INTERNAL' });
    expect(answer(new Error('boom'))).toEqual({ status: 500, code: 'INTERNAL' });
  });

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a server shutting down (57P01)', pgError('57P01')],
    ['a server starting up (57P03)', pgError('57P03')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['a wrapped driver error', Object.assign(new Error('query failed'), { driverError: pgError('08006') })],
  ])('answers %s with 503 DATABASE_UNAVAILABLE', (_name, error) => {
    expect(answer(error)).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
  });
});
