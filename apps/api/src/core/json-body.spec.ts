import { nestsDeeperThan } from './json-body';

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
