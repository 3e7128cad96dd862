// The answer path: one `interact` per answer through the assessment service (engine + SQLite, one
// transaction each, committed before the next question is returned), beside the floor of the same
// work with nothing in between: raw better-sqlite3 writing one answer-sized row per transaction into
// a file opened with the same pragmas (configureConnection: WAL, synchronous=FULL), on the same disk, in
// the same process. A second row repeats both without the fsync (NORMAL): what kakunin adds beside the disk. The two are interleaved
// (one answer, then one floor transaction) so load from elsewhere on the machine falls on both alike.
//
//   node bench/engine-store.bench.ts [--assessments 6] [--runs 3]
//
// Target (issue 14): kakunin ≥ 0.3× the floor's rate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Interaction } from '../src/engine/events.ts';
import { loadFlowsDir } from '../src/flow/loader.ts';
import { createAssessmentService } from '../src/service/assessment-service.ts';
import type { Participant } from '../src/service/interaction.ts';
import { configureConnection } from '../src/store/database.ts';
import { createStore } from '../src/store/store.ts';
import { mixedAnswers } from '../test/report/fixtures/mixed-answers.ts';
import { printFigures } from './lib/figure-table.ts';
import { median, numberArg, spread } from './lib/stats.ts';

const FLOW_ID = 'mhlw-minimum-5.2';
const assessments = numberArg('--assessments', 6);
const runs = numberArg('--runs', 3);
const flows = loadFlowsDir();
const flow = flows.get(FLOW_ID)!;
const answers = mixedAnswers(flow);

/**
 * The floor: one answer-sized row upserted per IMMEDIATE transaction, raw, on a connection configured as
 * kakunin's are — above all `synchronous = FULL`: without it better-sqlite3's build skips the fsync per
 * commit in WAL mode, and the floor would be measuring a commit that a power cut can lose.
 */
function openFloor(dir: string, sync: Sync): { write(item: string): void; close(): void } {
  const db = new Database(join(dir, 'floor.sqlite'));
  configureConnection(db);
  db.pragma(`synchronous = ${sync}`);
  db.exec(`CREATE TABLE answers (assessment_id TEXT NOT NULL, item_id TEXT NOT NULL, answer_json TEXT NOT NULL,
    answered_at TEXT NOT NULL, PRIMARY KEY (assessment_id, item_id)) STRICT`);
  const upsert = db.prepare(
    `INSERT INTO answers VALUES (?, ?, ?, ?) ON CONFLICT (assessment_id, item_id) DO UPDATE SET answer_json = excluded.answer_json`,
  );
  const write = db.transaction((item: string) => upsert.run('as_floor', item, '{"kind":"done"}', new Date().toISOString()));
  return { write: (item) => void write.immediate(item), close: () => db.close() };
}

/** FULL is kakunin's setting; NORMAL (no fsync per commit) shows what the answer path costs besides the disk. */
type Sync = 'FULL' | 'NORMAL';

/** Each assessment walked from START to SUBMIT through the service; each ANSWER turn timed, and one floor write after it. */
function run(dir: string, sync: Sync): { kakunin: number; floor: number; count: number } {
  const store = createStore(join(dir, 'kakunin.sqlite'));
  store.db.pragma(`synchronous = ${sync}`);
  const floor = openFloor(dir, sync);
  const service = createAssessmentService({ store, flows });
  const org = store.organizations.ensureLocal();
  const facility = store.facilities.ensure(org.id, '本院');
  const manager = store.people.ensureLocal(org.id, '山田');
  const who: Participant = { organizationId: org.id, personId: manager.id, channel: 'terminal' };
  let answerMs = 0;
  let floorMs = 0;
  let count = 0;
  for (let n = 0; n < assessments; n++) {
    const id = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: manager.id, flowId: FLOW_ID }).assessment.id;
    const act = (i: Interaction) => {
      const turn = service.interact(who, id, i);
      if (!turn.accepted) throw new Error(`refused ${JSON.stringify(i)}: ${JSON.stringify(turn.prompt.error)}`);
      return turn;
    };
    let turn = act({ type: 'START' });
    while (turn.prompt.kind !== 'submitted') {
      const p = turn.prompt;
      if (p.kind === 'section-intro') turn = act({ type: 'CONTINUE' });
      else if (p.kind === 'review') turn = act({ type: 'SUBMIT' });
      else if (p.kind === 'question') {
        const answer = answers[p.item.id] ?? { kind: 'blank' as const };
        let start = performance.now();
        turn = act({ type: 'ANSWER', itemId: p.item.id, answer });
        answerMs += performance.now() - start;
        start = performance.now();
        floor.write(`item.${count}`);
        floorMs += performance.now() - start;
        count++;
      } else throw new Error(`unexpected prompt ${p.kind}`);
    }
  }
  store.close();
  floor.close();
  return { kakunin: count / (answerMs / 1000), floor: count / (floorMs / 1000), count };
}

const measured = { FULL: { kakunin: [] as number[], floor: [] as number[] }, NORMAL: { kakunin: [] as number[], floor: [] as number[] } };
let answered = 0;
for (let r = 0; r < runs; r++) {
  for (const sync of ['FULL', 'NORMAL'] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'kakunin-bench-engine-'));
    try {
      const result = run(dir, sync);
      answered = result.count;
      measured[sync].kakunin.push(result.kakunin);
      measured[sync].floor.push(result.floor);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
const noteOf = ({ kakunin, floor }: { kakunin: number[]; floor: number[] }) =>
  `median of ${runs} runs; spread kakunin ±${(spread(kakunin) * 50).toFixed(0)}%, floor ±${(spread(floor) * 50).toFixed(0)}%`;
printFigures(`engine + store, ${FLOW_ID}, ${answered} answers per run`, [
  {
    name: 'answers/s, one interact per answer vs raw single-row transactions (synchronous=FULL, as kakunin runs)',
    kakunin: median(measured.FULL.kakunin),
    floor: median(measured.FULL.floor),
    unit: '/s',
    better: 'higher',
    target: 0.3,
    note: noteOf(measured.FULL),
  },
  {
    name: 'the same without the fsync per commit (synchronous=NORMAL on both): the cost besides the disk',
    kakunin: median(measured.NORMAL.kakunin),
    floor: median(measured.NORMAL.floor),
    unit: '/s',
    better: 'higher',
    note: noteOf(measured.NORMAL),
  },
]);
