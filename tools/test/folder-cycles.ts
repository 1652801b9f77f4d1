/**
 * Folder-level import cycles: inside each app, a feature folder (the first folder under src/) may not import a
 * folder that imports it back, directly or through others. File-level cycles inside one folder are allowed.
 * Usage: tsx tools/test/folder-cycles.ts [src folder...] (default: every app). Exit 1 when a cycle exists.
 */
import path from 'node:path';
import madge from 'madge';

const DEFAULT_ROOTS = ['apps/api/src', 'apps/worker/src'];

/** The folder graph: an edge a -> b when a file in folder a imports a file in folder b (same root only). */
export function folderGraph(files: Record<string, string[]>): Map<string, Set<string>> {
  const folderOf = (file: string) => (file.includes('/') && !file.startsWith('..') ? file.split('/')[0] : null);
  const graph = new Map<string, Set<string>>();
  for (const [file, imports] of Object.entries(files)) {
    const from = folderOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const target of imports) {
      const to = folderOf(target);
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan): each one is a cycle. */
export function folderCycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indexOf.has(v)) visit(v);
  return cycles;
}

async function main() {
  const roots = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_ROOTS;
  let failed = false;
  for (const root of roots) {
    const result = await madge(root, {
      fileExtensions: ['ts'],
      tsConfig: path.resolve('tsconfig.base.json'),
      excludeRegExp: [/\.spec\.ts$/, /test-helpers\.ts$/],
    });
    const cycles = folderCycles(folderGraph(result.obj()));
    for (const cycle of cycles) {
      failed = true;
      const graph = folderGraph(result.obj());
      const edges = cycle.flatMap((a) => [...(graph.get(a) ?? [])].filter((b) => cycle.includes(b)).map((b) => `${a} -> ${b}`));
      console.log(`${root}: folders import each other in a circle: ${cycle.join(', ')} (${edges.join('; ')})`);
    }
    if (!cycles.length) console.log(`${root}: no folder-level import cycles`);
  }
  process.exit(failed ? 1 : 0);
}

if (require.main === module) void main();
