// Benchmark of the reminders runner's tick against a large schedule.
//   npx tsx bench/scheduler-tick.bench.ts [--facilities 10000] [--ticks 300]
// 10,000 facilities × 10 open 実施予定 items of a submitted checklist, scheduled through the real sync
// (7 reminders each: 700,000 rows), measured at 100,000 rows and at the full size. For each size:
//   - an empty tick (nothing due): the runner's whole tick, beside the floor — the same indexed
//     range query run bare with better-sqlite3 — and the query plan, which must use the index;
//   - a tick that finds 500 due reminders and claims them into DMs (sent to a sender that only counts).
// Target (issue 12): an empty tick under 5 ms at 100,000 rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFlowsDir } from '../src/flow/loader.ts';
import { createScheduler } from '../src/scheduler/scheduler.ts';
import type { ReminderSender } from '../src/scheduler/sender.ts';
import { createStore } from '../src/store/store.ts';
import { printFigures, type Figure } from './lib/figure-table.ts';
import { median, numberArg, quantile } from './lib/stats.ts';

const TARGET_EMPTY_TICK_MS = 5;
const FACILITIES = numberArg('--facilities', 10_000);
const TICKS = numberArg('--ticks', 300);
const ITEMS = ['technical.1', 'technical.2', 'technical.3', 'technical.4', 'technical.5', 'physical.1', 'physical.2', 'physical.3', 'physical.4', 'physical.5'];

const dir = mkdtempSync(join(tmpdir(), 'kakunin-bench-scheduler-'));
let now = new Date('2027-01-10T10:00:00+09:00');
const clock = () => now;
const flows = loadFlowsDir();
const flow = flows.get('mhlw-minimum-5.2')!;
const store = createStore(join(dir, 'bench.sqlite'), { now: clock });
const scheduler = createScheduler({ store, flows, clock });
let sent = 0;
const countingSender: ReminderSender = {
  canReach: () => true,
  send: () => Promise.resolve({ channelId: 'D0', ts: String(++sent) }),
  findDelivered: () => Promise.resolve(undefined),
};
let runner = scheduler.runner(countingSender);

const p99 = (xs: number[]) => quantile(xs, 0.99);
const figures: Figure[] = [];
const rows = () => Number(store.db.prepare('SELECT count(*) FROM reminders').pluck().get());

const org = store.organizations.ensureLocal('ベンチ医療グループ');
let built = 0;
function buildUpTo(facilities: number): number {
  const started = performance.now();
  const day = (n: number) => new Date(Date.UTC(2027, 2, 1) + (n % 300) * 86_400_000).toISOString().slice(0, 10);
  // 100 facilities per transaction: the set-up measures nothing, so it need not pay a commit per facility.
  while (built < facilities) {
    const end = Math.min(facilities, built + 100);
    store.transaction(() => {
      for (; built < end; built++) addFacility();
    });
  }
  function addFacility() {
    {
      const facility = store.facilities.ensure(org.id, `拠点 ${built}`);
      const person = store.people.ensureLocal(org.id, `担当 ${built}`, { role: 'manager' });
      const a = store.assessments.create({ organizationId: org.id, facilityId: facility.id, respondentId: person.id, flow, snapshotJson: '{}' });
      store.answers.apply(a.id, ITEMS.map((itemId, i) => ({ itemId, answer: { kind: 'planned' as const, date: day(built + i * 29) } })), { personId: person.id, channel: 'cli' });
      store.assessments.saveEngineState(a.id, { expectedRevision: 0, snapshotJson: '{}', status: 'submitted' });
      scheduler.sync.syncAssessment(org.id, a.id);
    }
  }
  return performance.now() - started;
}

async function measure(label: string): Promise<void> {
  // The daily pass (cycles, leads' digests) runs on the first tick of a day (of a process); measured apart.
  store.db.prepare("DELETE FROM scheduler_state WHERE name = 'synced_on'").run();
  // Every assessment here was scheduled by the sync as it was built: the upgrade's one-time backfill has nothing to do.
  store.db.prepare("INSERT OR REPLACE INTO scheduler_state (name, value) VALUES ('plans_backfilled_at', 'bench')").run();
  runner = scheduler.runner(countingSender);
  const syncStart = performance.now();
  await runner.tick(now);
  const firstTickMs = performance.now() - syncStart;

  const emptyTicks: number[] = [];
  for (let i = 0; i < TICKS; i++) {
    const t0 = performance.now();
    await runner.tick(now);
    emptyTicks.push(performance.now() - t0);
  }
  const floorQuery = store.db.prepare("SELECT id, due_at FROM reminders WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT 500");
  const floor: number[] = [];
  for (let i = 0; i < TICKS; i++) {
    const t0 = performance.now();
    floorQuery.all(now.toISOString());
    floor.push(performance.now() - t0);
  }
  const plan = store.db
    .prepare("EXPLAIN QUERY PLAN SELECT * FROM reminders WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT 500")
    .all(now.toISOString()) as { detail: string }[];

  console.log(`\n### ${label}: ${rows().toLocaleString()} reminder rows`);
  console.log(`first tick of the day (daily pass over every facility + tick): ${firstTickMs.toFixed(0)} ms`);
  console.log(`empty tick:  median ${median(emptyTicks).toFixed(3)} ms, p99 ${p99(emptyTicks).toFixed(3)} ms  (target < ${TARGET_EMPTY_TICK_MS} ms)`);
  console.log(`floor (bare indexed query): median ${median(floor).toFixed(3)} ms, p99 ${p99(floor).toFixed(3)} ms`);
  console.log(`query plan: ${plan.map((p) => p.detail).join(' | ')}`);
  if (plan.some((p) => /^SCAN reminders/.test(p.detail))) console.log('!! the due query scans the table');
  figures.push({
    name: `empty tick, ${rows().toLocaleString()} rows (median of ${TICKS})`,
    kakunin: median(emptyTicks),
    floor: median(floor),
    unit: 'ms',
    better: 'lower',
    absoluteMax: TARGET_EMPTY_TICK_MS,
    note: `p99 ${p99(emptyTicks).toFixed(3)} ms; plan: ${plan.map((p) => p.detail).join(' | ')}`,
  });
}

async function busyTick(): Promise<void> {
  // Move the clock so exactly the next 500 pending reminders are due, on a business morning.
  const next = store.db.prepare("SELECT due_at FROM reminders WHERE state = 'pending' ORDER BY due_at LIMIT 1 OFFSET 499").pluck().get() as string;
  now = new Date(next);
  // That morning's daily pass is measured above; here only finding, claiming and sending.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(now);
  store.db.prepare("INSERT OR REPLACE INTO scheduler_state (name, value) VALUES ('synced_on', ?)").run(day);
  runner = scheduler.runner(countingSender);
  const before = sent;
  const t0 = performance.now();
  const report = await runner.tick(now);
  const ms = performance.now() - t0;
  console.log(`busy tick at ${next}: ${report.sent} DMs (${sent - before} sends) for up to 500 due reminders, ${report.deferred} deferred, in ${ms.toFixed(1)} ms`);
}

const sizes = [...new Set([Math.min(FACILITIES, Math.ceil(100_000 / (ITEMS.length * 7))), FACILITIES])];
for (const facilities of sizes) {
  const buildMs = buildUpTo(facilities);
  console.log(`\nbuilt ${facilities.toLocaleString()} facilities × ${ITEMS.length} planned items through the real sync in ${(buildMs / 1000).toFixed(1)} s`);
  now = new Date('2027-01-10T10:00:00+09:00');
  await measure(`${facilities.toLocaleString()} facilities`);
}
await busyTick();
printFigures('scheduler tick', figures);
store.close();
rmSync(dir, { recursive: true, force: true });
