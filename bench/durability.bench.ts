// What synchronous=FULL costs: one recorded answer per transaction (as each click is), through the
// store with its hash chain, under FULL (kakunin's setting) and NORMAL (better-sqlite3's default on a
// reopened file); beside it the floor, a bare better-sqlite3 one-row insert per transaction, WAL, same
// two settings, on the same disk in the same run.
//   npx tsx bench/durability.bench.ts [--commits 400]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createStore } from '../src/store/store.ts';
import { seedClinic } from '../test/store/helpers/seed.ts';

const { values } = parseArgs({ options: { commits: { type: 'string', default: '400' } } });
const COMMITS = Number(values.commits);
const dir = mkdtempSync(join(tmpdir(), 'kakunin-bench-durability-'));

type Sync = 'FULL' | 'NORMAL';

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const total = ms.reduce((a, b) => a + b, 0);
  return { median: q(0.5), p95: q(0.95), perSecond: (ms.length / total) * 1000 };
}

function kakunin(sync: Sync) {
  const store = createStore(join(dir, `kakunin-${sync}.sqlite`));
  store.db.pragma(`synchronous = ${sync}`);
  const { assessment, respondent } = seedClinic(store);
  const who = { personId: respondent.id, channel: 'slack' } as const;
  const ms: number[] = [];
  for (let i = 0; i < COMMITS; i++) {
    const start = performance.now();
    store.answers.apply(assessment.id, [{ itemId: 'devices', answer: { kind: 'number', value: i } }], who);
    ms.push(performance.now() - start);
  }
  store.close();
  return stats(ms);
}

function bare(sync: Sync) {
  const db = new Database(join(dir, `bare-${sync}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const one = db.transaction((v: string) => insert.run(v));
  const ms: number[] = [];
  for (let i = 0; i < COMMITS; i++) {
    const start = performance.now();
    one.immediate(`{"kind":"number","value":${i}}`);
    ms.push(performance.now() - start);
  }
  db.close();
  return stats(ms);
}

try {
  const rows: [string, ReturnType<typeof stats>][] = [];
  for (const sync of ['NORMAL', 'FULL'] as const) {
    rows.push([`bare insert, synchronous=${sync}`, bare(sync)]);
    rows.push([`kakunin answer, synchronous=${sync}`, kakunin(sync)]);
  }
  const fmt = (n: number) => n.toFixed(3).padStart(8);
  console.log(`${COMMITS} commits each, one per transaction (ms per commit)`);
  console.log(`${'case'.padEnd(36)}  median      p95   commits/s`);
  for (const [name, s] of rows) console.log(`${name.padEnd(36)} ${fmt(s.median)} ${fmt(s.p95)} ${s.perSecond.toFixed(0).padStart(10)}`);
  const by = Object.fromEntries(rows);
  const ratio = (a: string, b: string) => (by[a]!.median / by[b]!.median).toFixed(2);
  console.log(`FULL/NORMAL median: bare ×${ratio('bare insert, synchronous=FULL', 'bare insert, synchronous=NORMAL')}, kakunin ×${ratio('kakunin answer, synchronous=FULL', 'kakunin answer, synchronous=NORMAL')}`);
  console.log(`kakunin/bare median under FULL: ×${ratio('kakunin answer, synchronous=FULL', 'bare insert, synchronous=FULL')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
