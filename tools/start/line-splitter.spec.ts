import { lineSplitter } from './line-splitter';

describe('lineSplitter', () => {
  it('emits whole lines across chunk boundaries, strips CR, and flushes the unterminated rest', () => {
    const lines: string[] = [];
    const splitter = lineSplitter((line) => lines.push(line));
    splitter.push('one\r\ntw');
    splitter.push(Buffer.from('o\nthr'));
    expect(lines).toEqual(['one', 'two']);
    splitter.flush();
    splitter.flush();
    expect(lines).toEqual(['one', 'two', 'thr']);
  });
});
