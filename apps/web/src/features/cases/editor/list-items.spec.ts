import { move, removeAt, replaceAt } from './list-items';

describe('list item edits', () => {
  const list = ['a', 'b', 'c'];

  it('moves items up and down without mutating the original', () => {
    expect(move(list, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(list, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('ignores moves past either end', () => {
    expect(move(list, 0, -1)).toEqual(list);
    expect(move(list, 2, 1)).toEqual(list);
  });

  it('replaces and removes by index', () => {
    expect(replaceAt(list, 2, 'z')).toEqual(['a', 'b', 'z']);
    expect(removeAt(list, 0)).toEqual(['b', 'c']);
  });
});
