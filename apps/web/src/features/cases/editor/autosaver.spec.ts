import { Autosaver, type AutosaveStatus, type SaveOptions, type SaveOutcome } from './autosaver';

interface Call {
  content: string;
  base: number;
  options: SaveOptions;
  resolve(outcome: SaveOutcome): void;
  reject(error: unknown): void;
}

function setup(baseVersion = 0) {
  const calls: Call[] = [];
  const statuses: AutosaveStatus[] = [];
  const saved: [number, string][] = [];
  const saver = new Autosaver<string>({
    baseVersion,
    delayMs: 1500,
    save: (content, base, options) => new Promise((resolve, reject) => calls.push({ content, base, options, resolve, reject })),
    onStatus: (s) => statuses.push(s),
    onSaved: (version, content) => saved.push([version, content]),
  });
  return { saver, calls, statuses, saved, last: () => statuses[statuses.length - 1] };
}

/** Lets the promise callbacks of a settled save run. */
const settle = () => new Promise<void>((resolve) => jest.requireActual<typeof globalThis>('timers').setImmediate(resolve));

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('Autosaver', () => {
  it('"Save version" waits for the save in flight, then saves what is shown now and ends the session, even unchanged', async () => {
    const { saver, calls, last } = setup(2);
    saver.edit('typed');
    jest.advanceTimersByTime(1500);
    const done = saver.saveVersion('typed', 'Before review');
    calls[0].resolve({ kind: 'saved', version: 3 });
    await settle();
    expect(calls.map((c) => [c.content, c.base, c.options])).toEqual([
      ['typed', 2, {}],
      ['typed', 3, { endSession: true, name: 'Before review' }],
    ]);
    calls[1].resolve({ kind: 'saved', version: 3 });
    await done;
    expect(last()).toEqual({ kind: 'saved', version: 3 });
    expect(saver.hasUnsavedChanges).toBe(false);
  });

  it('saves once after the writer pauses, on the current base version', async () => {
    const { saver, calls, last } = setup(3);
    saver.edit('a');
    jest.advanceTimersByTime(1000);
    saver.edit('ab');
    jest.advanceTimersByTime(1000);
    expect(calls).toHaveLength(0);
    jest.advanceTimersByTime(500);
    expect(calls.map((c) => [c.content, c.base])).toEqual([['ab', 3]]);
    calls[0].resolve({ kind: 'saved', version: 4 });
    await settle();
    expect(last()).toEqual({ kind: 'saved', version: 4 });
    expect(saver.baseVersion).toBe(4);
  });

  it('never loses keystrokes typed while a save is in flight', async () => {
    const { saver, calls, saved, last } = setup();
    saver.edit('first');
    jest.advanceTimersByTime(1500);
    saver.edit('first and more');
    jest.advanceTimersByTime(1500);
    expect(calls).toHaveLength(1); // no second save while the first is in flight
    calls[0].resolve({ kind: 'saved', version: 1 });
    await settle();
    expect(last()).toEqual({ kind: 'pending' });
    jest.advanceTimersByTime(1500);
    expect(calls.map((c) => [c.content, c.base])).toEqual([
      ['first', 0],
      ['first and more', 1],
    ]);
    calls[1].resolve({ kind: 'saved', version: 2 });
    await settle();
    expect(saved).toEqual([
      [1, 'first'],
      [2, 'first and more'],
    ]);
    expect(saver.hasUnsavedChanges).toBe(false);
  });

  it('stops on a conflict, keeps editing locally, and re-saves ours on the latest version', async () => {
    const { saver, calls, last } = setup(1);
    saver.edit('mine');
    jest.advanceTimersByTime(1500);
    calls[0].resolve({ kind: 'conflict', latestVersion: 5 });
    await settle();
    expect(last()).toEqual({ kind: 'conflict', latestVersion: 5 });
    saver.edit('mine, still typing');
    jest.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(1);
    const kept = saver.keepMine(5);
    expect(calls[1]).toMatchObject({ content: 'mine, still typing', base: 5 });
    calls[1].resolve({ kind: 'saved', version: 6 });
    await kept;
    expect(last()).toEqual({ kind: 'saved', version: 6 });
  });

  it('drops ours when the writer keeps theirs', async () => {
    const { saver, calls, last } = setup(1);
    saver.edit('mine');
    jest.advanceTimersByTime(1500);
    calls[0].resolve({ kind: 'conflict', latestVersion: 2 });
    await settle();
    saver.keepTheirs(2);
    expect(last()).toEqual({ kind: 'saved', version: 2 });
    expect(saver.hasUnsavedChanges).toBe(false);
    saver.edit('theirs, edited');
    jest.advanceTimersByTime(1500);
    expect(calls[1]).toMatchObject({ content: 'theirs, edited', base: 2 });
  });

  it('reports an error and retries with the latest content', async () => {
    const { saver, calls, last } = setup();
    saver.edit('x');
    jest.advanceTimersByTime(1500);
    calls[0].reject(new Error('offline'));
    await settle();
    expect(last()).toMatchObject({ kind: 'error' });
    saver.edit('xy');
    const retried = saver.retry();
    expect(calls[1]).toMatchObject({ content: 'xy', base: 0 });
    calls[1].resolve({ kind: 'saved', version: 1 });
    await retried;
    expect(last()).toEqual({ kind: 'saved', version: 1 });
  });

  it('flush saves immediately without waiting for the pause', async () => {
    const { saver, calls } = setup();
    saver.edit('now');
    const flushed = saver.flush();
    await settle();
    expect(calls).toHaveLength(1);
    calls[0].resolve({ kind: 'saved', version: 1 });
    await flushed;
    jest.advanceTimersByTime(5000);
    expect(calls).toHaveLength(1);
  });
});
