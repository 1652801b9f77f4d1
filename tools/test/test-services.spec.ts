import { withRedisDatabase } from '../../tests/setup/test-services';

describe('withRedisDatabase', () => {
  it('selects the logical database, replacing one already in the URL and keeping credentials', () => {
    expect(withRedisDatabase('redis://127.0.0.1:6379', 2)).toBe('redis://127.0.0.1:6379/2');
    expect(withRedisDatabase('redis://:secret@cache:6380/5', 1)).toBe('redis://:secret@cache:6380/1');
  });
});
