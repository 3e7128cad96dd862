// The answer path: one `interact` per answer through the assessment service (engine + SQLite, one
// transaction each, committed before the next question is returned), beside the floor of the same
// work with nothing in between: raw better-sqlite3 writing one answer-sized row per transaction into
// a file opened with the same pragmas, on the same disk, in the same process. The two are interleaved
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

/** The floor: one answer-sized row upserted per IMMEDIATE transaction, raw. */
function openFloor(dir: string): { write(item: string): void; close(): void } {
  const db = new Database(join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE answers (assessment_id TEXT NOT NULL, item_id TEXT NOT NULL, answer_json TEXT NOT NULL,
    answered_at TEXT NOT NULL, PRIMARY KEY (assessment_id, item_id)) STRICT`);
  const upsert = db.prepare(
    `INSERT INTO answers VALUES (?, ?, ?, ?) ON CONFLICT (assessment_id, item_id) DO UPDATE SET answer_json = excluded.answer_json`,
  );
  const write = db.transaction((item: string) => upsert.run('as_floor', item, '{"kind":"done"}', new Date().toISOString()));
  return { write: (item) => void write.immediate(item), close: () => db.close() };
}

/** Each assessment walked from START to SUBMIT through the service; each ANSWER turn timed, and one floor write after it. */
function run(dir: string): { kakunin: number; floor: number; count: number } {
  const store = createStore(join(dir, 'kakunin.sqlite'));
  const floor = openFloor(dir);
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

const kakunin: number[] = [];
const floor: number[] = [];
let answered = 0;
for (let r = 0; r < runs; r++) {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-bench-engine-'));
  try {
    const result = run(dir);
    answered = result.count;
    kakunin.push(result.kakunin);
    floor.push(result.floor);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
printFigures(`engine + store, ${FLOW_ID}, ${answered} answers per run`, [
  {
    name: 'answers/s, one interact per answer vs raw single-row transactions',
    kakunin: median(kakunin),
    floor: median(floor),
    unit: '/s',
    better: 'higher',
    target: 0.3,
    note: `median of ${runs} runs; spread kakunin ±${(spread(kakunin) * 50).toFixed(0)}%, floor ±${(spread(floor) * 50).toFixed(0)}%`,
  },
]);
