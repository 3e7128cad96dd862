// What synchronous=FULL costs: one recorded answer per transaction (as each click is), through the
// store with its hash chain, under FULL (kakunin's setting) and NORMAL (better-sqlite3's default on a
// reopened file); beside it the floor, a bare better-sqlite3 one-row insert per transaction, WAL, same
// two settings, on the same disk in the same run. Then many people at once: answers through `durably`,
// whose commits share WAL syncs (group commit), beside the same answers and the bare insert each
// followed by its own fdatasync on the thread pool, as `durably` did before.
//   node bin/run.js bench/durability.bench.ts [--commits 400] [--people 300] [--each 5]
import { closeSync, fdatasync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import Database from 'better-sqlite3';
import { createStore } from '../src/store/store.ts';
import { seedClinic } from '../test/store/helpers/seed.ts';

const { values } = parseArgs({
  options: { commits: { type: 'string', default: '400' }, people: { type: 'string', default: '300' }, each: { type: 'string', default: '5' } },
});
const COMMITS = Number(values.commits);
const PEOPLE = Number(values.people);
const EACH = Number(values.each);
const syncFile = promisify(fdatasync);
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

let files = 0;
/** A fresh file for each run of each case. */
const freshFile = (name: string) => join(dir, `${name}-${++files}.sqlite`);

/** PEOPLE at once, each committing EACH times, every commit reported only once it is on disk. */
async function atOnce(commitDurably: (person: number, i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: PEOPLE }, async (_, person) => {
      for (let i = 0; i < EACH; i++) {
        await commitDurably(person, i);
        // The next click of the same person arrives later, after other people's.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }),
  );
  return (PEOPLE * EACH * 1000) / (performance.now() - start);
}

async function kakuninAtOnce(grouped: boolean): Promise<number> {
  const store = createStore(freshFile('kakunin-at-once'));
  const { assessment, respondent } = seedClinic(store);
  const who = { personId: respondent.id, channel: 'slack' } as const;
  const answer = (value: number) => store.answers.apply(assessment.id, [{ itemId: 'devices', answer: { kind: 'number', value } }], who);
  if (grouped) {
    const perSecond = await atOnce((person, i) => store.durably(() => answer(person * EACH + i)));
    store.close();
    return perSecond;
  }
  // As `durably` did before the group commit: the same switch to NORMAL and back around the commit,
  // then a sync of its own, so the two cases differ only in sharing syncs.
  answer(-1);
  const wal = openSync(`${store.db.name}-wal`, 'r');
  const perSecond = await atOnce((person, i) => {
    store.db.exec('PRAGMA synchronous = NORMAL');
    answer(person * EACH + i);
    store.db.exec('PRAGMA synchronous = FULL');
    return syncFile(wal);
  });
  closeSync(wal);
  store.close();
  return perSecond;
}

async function bareAtOnce(): Promise<number> {
  const path = freshFile('bare-at-once');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const one = db.transaction((v: string) => insert.run(v));
  one.immediate('{}');
  const wal = openSync(`${path}-wal`, 'r');
  const perSecond = await atOnce((person, i) => {
    one.immediate(`{"kind":"number","value":${person * EACH + i}}`);
    return syncFile(wal);
  });
  closeSync(wal);
  db.close();
  return perSecond;
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

  // Interleaved, twice each, so load from elsewhere falls on all three alike.
  const atOnceRuns: Record<'grouped' | 'own' | 'bare', number[]> = { grouped: [], own: [], bare: [] };
  for (let run = 0; run < 2; run++) {
    atOnceRuns.bare.push(await bareAtOnce());
    atOnceRuns.own.push(await kakuninAtOnce(false));
    atOnceRuns.grouped.push(await kakuninAtOnce(true));
  }
  const best = (xs: number[]) => Math.max(...xs).toFixed(0).padStart(10);
  console.log(`\n${PEOPLE} people at once, ${EACH} answers each, each reported once on disk (answers/s, best of 2)`);
  console.log(`${'bare insert, its own fdatasync'.padEnd(44)} ${best(atOnceRuns.bare)}`);
  console.log(`${'kakunin answer, its own fdatasync (before)'.padEnd(44)} ${best(atOnceRuns.own)}`);
  console.log(`${'kakunin answer, durably (syncs shared)'.padEnd(44)} ${best(atOnceRuns.grouped)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
