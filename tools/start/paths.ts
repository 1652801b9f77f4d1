import path from 'node:path';

/** The repository root (tools/start/ is two levels below it). */
export const REPO_ROOT = path.resolve(__dirname, '../..');

/** Preloaded by every compiled server process so that @poa/* imports resolve inside dist/server. */
export const REGISTER_PATHS = './tools/runtime/register-paths.cjs';

export const SERVER_ENTRIES = {
  api: 'dist/server/apps/api/src/main.js',
  worker: 'dist/server/apps/worker/src/main.js',
  cli: 'dist/server/apps/api/src/cli.js',
} as const;

export const WEB_DIST_DIR = 'dist/apps/web';

/** `node -r register-paths <entry> ...args`: how every compiled server program runs. */
export function nodeArgs(entry: string, ...args: string[]): string[] {
  return ['-r', REGISTER_PATHS, entry, ...args];
}
