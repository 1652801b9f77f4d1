import { Teardown } from './teardown';

describe('Teardown', () => {
  it('runs every step in reverse order, even after one fails, and collects the failures', async () => {
    const ran: string[] = [];
    const teardown = new Teardown();
    teardown.add('first', () => ran.push('first'));
    teardown.add('broken', () => Promise.reject(new Error('boom')));
    teardown.add('last', async () => ran.push('last'));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await teardown.runAll();
    } finally {
      stderr.mockRestore();
    }
    expect(ran).toEqual(['last', 'first']);
    expect(teardown.errors).toEqual(['broken: boom']);
    await teardown.runAll();
    expect(ran).toEqual(['last', 'first']);
  });
});
