import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';

/** Where uploaded evidence and rendered PDFs live. Keys look like `<tenantId>/cases/<caseId>/<fileId>`. */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** The stored bytes; throws FileNotFoundError when the key is unknown. */
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
  /** Every key under `<prefix>/` (a tenant's id, say), in no particular order. */
  list(prefix: string): Promise<string[]>;
  /** Removes every file under `<prefix>/`; returns how many were removed. Removing nothing is not an error. */
  deletePrefix(prefix: string): Promise<number>;
}

export class FileNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored file under ${key}`);
    this.name = 'FileNotFoundError';
  }
}

/** The store has no room (ENOSPC, or a quota): nothing was stored under the key. */
export class StorageFullError extends Error {
  constructor(key: string, cause: unknown) {
    super(`No room to store ${key}`, { cause });
    this.name = 'StorageFullError';
  }
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Keys are built by the application, never taken from a request; still, refuse anything that could leave the root. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`Unsafe storage key: ${key}`);
  }
}

/** Files on the local disk under `<root>/<key>`; writes go to a temporary name first so a reader never sees half a file. */
export class LocalDiskStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    assertSafeKey(key);
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error(`Unsafe storage key: ${key}`);
    return path;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, data);
      await rename(temporary, path);
    } catch (error) {
      // A full disk leaves the partial temporary file behind: remove it, or it keeps the disk full.
      await unlink(temporary).catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new StorageFullError(key, error);
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') throw new FileNotFoundError(key);
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return false;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    try {
      const entries = await readdir(this.pathOf(prefix), { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile() && !entry.name.endsWith('.tmp'))
        .map((entry) =>
          join(entry.parentPath, entry.name)
            .slice(this.root.length + 1)
            .split(sep)
            .join('/'),
        );
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return [];
      throw error;
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    const keys = await this.list(prefix);
    await rm(this.pathOf(prefix), { recursive: true, force: true });
    return keys.length;
  }
}
