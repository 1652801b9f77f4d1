/*
 * Where one warm render's time goes: PdfRenderer's own step log (ms) at concurrency 1, on the
 * render bench's document and browser. `prepared.*` is the spare context + page, made ahead of
 * time (off the job's path unless the job had to wait for it: `waitForPage`).
 * Run: npx tsx bench/pdf/profile.ts   (BENCH_PROFILE=40 renders after 10 warm-up renders)
 */
import os from 'node:os';
import { ensurePdfBrowser } from '../../tools/services/index';
import { PdfRenderer, renderPoaHtml } from '../../libs/pdf/src/index';
import { samplePoaDocument } from '../../libs/pdf/test/sample-poa';

const RENDERS = Number(process.env.BENCH_PROFILE ?? 40);
const WARMUP = 10;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const executablePath = await ensurePdfBrowser({ log: () => undefined });
  const input = renderPoaHtml(samplePoaDocument());
  const loadBefore = os.loadavg();
  const steps: Record<string, number[]> = {};
  const renderer = new PdfRenderer({
    executablePath,
    log: (_level, message, meta) => {
      if (message !== 'pdf rendered' || !meta) return;
      for (const [name, ms] of Object.entries(meta.stepMs as Record<string, number>)) (steps[name] ??= []).push(ms);
      (steps.renderMs ??= []).push(meta.renderMs as number);
    },
  });
  await renderer.start();
  for (let i = 0; i < WARMUP; i++) await renderer.render(input);
  for (const xs of Object.values(steps)) xs.length = 0;
  const wall: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    const started = performance.now();
    await renderer.render(input);
    wall.push(performance.now() - started);
  }
  await renderer.close();
  console.log(
    `PdfRenderer.render, concurrency 1, median of ${RENDERS} (ms); load ${loadBefore.map((l) => l.toFixed(2)).join(' ')} -> ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const [name, xs] of Object.entries(steps)) console.log(`  ${name.padEnd(26)} ${String(median(xs)).padStart(5)}`);
  console.log(`  ${'wall time of render()'.padEnd(26)} ${median(wall).toFixed(0).padStart(5)}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
