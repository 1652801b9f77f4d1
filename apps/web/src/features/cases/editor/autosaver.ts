export type SaveOutcome = { kind: 'saved'; version: number } | { kind: 'conflict'; latestVersion: number };

export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; latestVersion: number }
  | { kind: 'error'; error: unknown };

/** How a save ends the editing session: "Save version", with an optional name. */
export interface SaveOptions {
  endSession?: boolean;
  name?: string;
}

export interface AutosaverOptions<T> {
  /** The version the next save builds on (0 before the first). */
  baseVersion: number;
  /** Pause after the last edit before saving. */
  delayMs?: number;
  save(content: T, baseVersion: number, options: SaveOptions): Promise<SaveOutcome>;
  onStatus(status: AutosaveStatus): void;
  onSaved?(version: number, content: T): void;
}

/**
 * Saves a new version after the writer pauses typing. The editor's own state stays the source of
 * truth: the autosaver snapshots it when saving, so keystrokes typed while a save is in flight are
 * saved by the next one. On a version conflict it stops until the writer keeps theirs or ours.
 */
export class Autosaver<T> {
  private latest: T | undefined;
  private dirty = false;
  private inFlight: Promise<void> | null = null;
  private conflictWith: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private base: number;
  private readonly delayMs: number;

  constructor(private readonly options: AutosaverOptions<T>) {
    this.base = options.baseVersion;
    this.delayMs = options.delayMs ?? 1500;
  }

  get baseVersion(): number {
    return this.base;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  /** The editor calls this on every change with the whole new content. */
  edit(content: T): void {
    this.latest = content;
    this.dirty = true;
    if (this.conflictWith !== null) return;
    this.options.onStatus({ kind: 'pending' });
    this.schedule();
  }

  /** Saves at once (before a workflow action, on leaving the page). */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    await this.saveNow();
  }

  /** "Save version": saves `content` now, even unchanged, and ends the editing session (the next edit starts a version). */
  async saveVersion(content: T, name?: string): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    if (this.conflictWith !== null) return;
    this.latest = content;
    this.dirty = false;
    this.options.onStatus({ kind: 'saving' });
    this.inFlight = this.runSave(content, { endSession: true, ...(name ? { name } : {}) }).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Resolve a conflict by saving ours on top of the latest version. */
  keepMine(latestVersion: number): Promise<void> {
    this.conflictWith = null;
    this.base = latestVersion;
    this.dirty = this.latest !== undefined;
    return this.saveNow();
  }

  /** Resolve a conflict by dropping ours: the editor loads theirs. */
  keepTheirs(latestVersion: number): void {
    this.conflictWith = null;
    this.base = latestVersion;
    this.dirty = false;
    this.latest = undefined;
    this.options.onStatus({ kind: 'saved', version: latestVersion });
  }

  /** After an error: try again with what is in the editor now. */
  retry(): Promise<void> {
    return this.saveNow();
  }

  dispose(): void {
    this.clearTimer();
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveNow();
    }, this.delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private saveNow(): Promise<void> {
    // A save in flight re-checks `dirty` when it ends; a conflict waits for the writer.
    if (this.inFlight || this.conflictWith !== null || !this.dirty || this.latest === undefined) return this.inFlight ?? Promise.resolve();
    const content = this.latest;
    this.dirty = false;
    this.options.onStatus({ kind: 'saving' });
    this.inFlight = this.runSave(content).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async runSave(content: T, options: SaveOptions = {}): Promise<void> {
    let outcome: SaveOutcome;
    try {
      outcome = await this.options.save(content, this.base, options);
    } catch (error) {
      this.dirty = true;
      this.options.onStatus({ kind: 'error', error });
      return;
    }
    if (outcome.kind === 'conflict') {
      this.dirty = true;
      this.conflictWith = outcome.latestVersion;
      this.clearTimer();
      this.options.onStatus({ kind: 'conflict', latestVersion: outcome.latestVersion });
      return;
    }
    this.base = outcome.version;
    this.options.onSaved?.(outcome.version, content);
    if (this.dirty) {
      // Typed during the save: it goes out after the next pause.
      this.options.onStatus({ kind: 'pending' });
      this.schedule();
    } else {
      this.options.onStatus({ kind: 'saved', version: outcome.version });
    }
  }
}
