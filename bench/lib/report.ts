import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  loadAvg: number[];
}

export function machineInfo(): MachineInfo {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAvg: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

export const loadAvg = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

/** Prints rows as an aligned text table (columns from the first row's keys). */
export function printTable(title: string, rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const cell = (v: string | number | undefined) => (v === undefined ? '' : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ');
  process.stdout.write(`\n${title}\n${line(columns)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const row of rows) process.stdout.write(`${line(columns.map((c) => cell(row[c])))}\n`);
}

/**
 * Where a bench writes one of its output files: beside the bench (the committed results), or, when BENCH_OUTPUT_DIR
 * is set (a test run of the quick forms), under `<BENCH_OUTPUT_DIR>/<bench folder>/`, leaving the committed files alone.
 */
export function benchOutput(benchDir: string, file: string): string {
  const root = process.env.BENCH_OUTPUT_DIR;
  if (!root) return path.join(benchDir, file);
  const dir = path.join(path.resolve(root), path.basename(benchDir));
  mkdirSync(dir, { recursive: true });
  return path.join(dir, file);
}

export function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

export const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
