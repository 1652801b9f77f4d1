import type { Request } from 'express';
import { bodyParserFailure, nestsDeeperThan } from './json-body';

const deeper = (text: string, limit: number) => nestsDeeperThan(Buffer.from(text), limit);

describe('nestsDeeperThan', () => {
  it('counts the nesting of objects and arrays', () => {
    expect(deeper('{"a":[1,{"b":[]}]}', 4)).toBe(false);
    expect(deeper('{"a":[1,{"b":[]}]}', 3)).toBe(true);
    expect(deeper('[[],[],[],[]]', 2)).toBe(false);
    expect(deeper('1', 0)).toBe(false);
  });

  it('skips brackets inside strings, escaped quotes included', () => {
    expect(deeper('{"a":"[[[[{{{{"}', 1)).toBe(false);
    expect(deeper('{"a":"\\"[[[[","b":"\\\\"}', 1)).toBe(false);
    expect(deeper('{"a":"\\\\",  "b":[[[]]]}', 3)).toBe(true);
  });

  it('reads UTF-8 text byte by byte (no multi-byte character holds a bracket or a quote byte)', () => {
    expect(deeper('{"\u4e2d[":"\u{1F600}{"}', 1)).toBe(false);
  });
});

describe('bodyParserFailure', () => {
  const request = (headers: Record<string, string> = {}) => ({ headers }) as unknown as Request;
  const zlibError = Object.assign(new Error('incorrect header check'), { errno: -3, code: 'Z_DATA_ERROR', status: 400, expose: true });

  it('answers a body that fails to decompress with 415, only when the request declared a Content-Encoding', () => {
    expect(bodyParserFailure(zlibError, request({ 'content-encoding': 'gzip' }))).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      status: 415,
    });
    expect(bodyParserFailure(zlibError, request())).toBeUndefined();
  });

  it("maps body-parser's error types, and leaves other errors alone", () => {
    const typed = (type: string) => bodyParserFailure(Object.assign(new SyntaxError('x'), { type, status: 400 }), request())?.code;
    expect(typed('entity.parse.failed')).toBe('MALFORMED_JSON');
    expect(typed('entity.too.large')).toBe('PAYLOAD_TOO_LARGE');
    expect(typed('entity.too.deep')).toBe('VALIDATION_FAILED');
    expect(typed('encoding.unsupported')).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(bodyParserFailure(new Error('boom'), request())).toBeUndefined();
  });
});
