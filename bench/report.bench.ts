// Benchmark of the 90-item checklist PDF with a realistic mix of answers.
//   node bench/report.bench.ts [--warm-runs 30] [--cold-runs 20]
// Cold: the first render in a fresh process (reads the font from disk, parses it, loads the template).
// Warm: later renders in the same process (font bytes and parsed font cached).
// After start: the first render in a fresh process that has done what the app does at start-up
// (src/report/warm-up.ts) — what the first clinic to submit waits for.
// Targets (issue 3): warm median ≤ 150 ms, cold ≤ 1 s, file ≤ 300 KB; (issue 14) first render after
// start ≤ 1.5× a warm render.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { printFigures } from './lib/figure-table.ts';

const COLD_CHILD_FLAG = '--cold-child';
const AFTER_START_FLAG = '--after-start';
const TARGETS = { warmMedianMs: 150, coldMs: 1000, sizeBytes: 300 * 1024 };

const importStart = performance.now();
const { loadFlowFile } = await import('../src/flow/loader.ts');
const { renderChecklistPdf } = await import('../src/report/checklist-pdf.ts');
const { mixedAnswers } = await import('../test/report/fixtures/mixed-answers.ts');
const importMs = performance.now() - importStart;

const flow = loadFlowFile(fileURLToPath(new URL('../flows/mhlw-minimum-5.2.yaml', import.meta.url)));
const input = {
  flow,
  answers: mixedAnswers(flow),
  facilityName: '医療法人社団 さくら会 さくら内科クリニック',
  respondentName: '山田 花子（事務長）',
  updatedOn: '2026-11-22',
  assessmentId: 'asm-bench-0001',
};

async function timedRender(): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const pdf = await renderChecklistPdf(input);
  return { ms: performance.now() - start, bytes: pdf.byteLength };
}

if (process.argv.includes(COLD_CHILD_FLAG)) {
  if (process.argv.includes(AFTER_START_FLAG)) {
    const { warmUpReports } = await import('../src/report/warm-up.ts');
    const { loadFlowsDir } = await import('../src/flow/loader.ts');
    await warmUpReports(loadFlowsDir().values());
  }
  const first = await timedRender();
  process.stdout.write(JSON.stringify({ ...first, importMs }));
} else {
  await main();
}

async function main(): Promise<void> {
  const warmRuns = numberArg('--warm-runs', 30);
  const coldRuns = numberArg('--cold-runs', 20);

  const cold: { ms: number; importMs: number; wallMs: number }[] = [];
  const afterStart: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    for (const flags of [[COLD_CHILD_FLAG], [COLD_CHILD_FLAG, AFTER_START_FLAG]]) {
      const start = performance.now();
      // The child starts as `npm start` starts the app, through bin/run.js (the stripped sources and the
      // bundled PDF libraries), with this process's flags (tsx, if that is how it was started).
      const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('../bin/run.js', import.meta.url)), fileURLToPath(import.meta.url), ...flags], {
        encoding: 'utf8',
        cwd: fileURLToPath(new URL('..', import.meta.url)),
      });
      const result = JSON.parse(out) as { ms: number; importMs: number };
      if (flags.includes(AFTER_START_FLAG)) afterStart.push(result.ms);
      else cold.push({ ...result, wallMs: performance.now() - start });
    }
  }

  const firstInThisProcess = await timedRender();
  const warm: number[] = [];
  let size = firstInThisProcess.bytes;
  for (let i = 0; i < warmRuns; i++) {
    const run = await timedRender();
    warm.push(run.ms);
    size = run.bytes;
  }

  const coldMs = cold.map((c) => c.ms);
  const rows: [string, string, string][] = [
    [`cold first render (${coldRuns} fresh processes)`, `median ${fmt(median(coldMs))}  p95 ${fmt(p95(coldMs))}`, check(p95(coldMs) <= TARGETS.coldMs, '≤ 1000 ms')],
    ['  module import (per process)', `median ${fmt(median(cold.map((c) => c.importMs)))}`, ''],
    ['  whole process incl. node start', `median ${fmt(median(cold.map((c) => c.wallMs)))}`, ''],
    [`warm render (${warmRuns} runs)`, `median ${fmt(median(warm))}  p95 ${fmt(p95(warm))}`, check(median(warm) <= TARGETS.warmMedianMs, '≤ 150 ms median')],
    ['file size', `${(size / 1024).toFixed(1)} KB (${size} bytes)`, check(size <= TARGETS.sizeBytes, '≤ 300 KB')],
  ];
  console.log(`kakunin report benchmark — ${flow.id}, ${flow.sections.reduce((n, s) => n + (s.kind === 'items' ? s.items.length : 0), 0)} items, Node ${process.version}`);
  for (const [name, value, verdict] of rows) console.log(`${name.padEnd(44)} ${value.padEnd(30)} ${verdict}`);
  printFigures('first PDF after start vs a warm render', [
    {
      name: 'first render after start (fonts and templates loaded at start)',
      kakunin: median(afterStart),
      floor: median(warm),
      unit: 'ms',
      better: 'lower',
      target: 1.5,
      note: `median of ${coldRuns} fresh processes vs median of ${warmRuns} warm renders; after-start p95 ${fmt(p95(afterStart))}`,
    },
  ]);
  // bench/run.ts counts a non-zero exit as a failed benchmark.
  if (rows.some(([, , verdict]) => verdict.startsWith('OVER'))) process.exitCode = 1;
}

function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

function median(values: number[]): number {
  return quantile(values, 0.5);
}
function p95(values: number[]): number {
  return quantile(values, 0.95);
}
/** Nearest-rank quantile, so p95 is a value that was actually measured. */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
function fmt(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}
function check(ok: boolean, target: string): string {
  return `${ok ? 'ok' : 'OVER'} (target ${target})`;
}
