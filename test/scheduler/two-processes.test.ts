// Two app processes on one database — real child Node processes, each with its own SQLite connection
// and its own runner — tick at the same simulated instant against the same fake Web API. Four rounds
// (four days), six managers each with one reminder due per day: every due DM is posted exactly once.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import type { TickReport } from '../../src/scheduler/runner.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { repoRoot } from '../helpers/run-cli.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import { BOT_TOKEN } from '../slack/harness.ts';
import { startWorld, type World } from './helpers/world.ts';

const JST = (local: string) => new Date(`${local}+09:00`);
const DAYS = ['2027-06-01', '2027-06-02', '2027-06-03', '2027-06-04'];
const MANAGERS = 6;

/** Manager n at clinic n submits with four items planned a week after each round's day (their 7-days-before reminders). */
function sixClinics(world: World): string[] {
  const flow = world.flows.get('mhlw-minimum-5.2')!;
  const slackIds: string[] = [];
  for (let n = 1; n <= MANAGERS; n++) {
    const slackId = `U0MGR${n}`;
    const person = world.store.people.ensureForSlackUser(world.orgId, slackId, `担当 ${n}`, { role: 'manager' });
    const answers: Answers = Object.fromEntries(Object.entries(mixedAnswers(flow)).map(([id, a]) => [id, a.kind === 'planned' ? { kind: 'done' as const } : a]));
    ['technical.15', 'physical.5', 'external.6', 'external.7'].forEach((itemId, i) => (answers[itemId] = { kind: 'planned', date: `2027-06-${String(8 + i).padStart(2, '0')}` }));
    const who = { organizationId: world.orgId, personId: person.id, channel: 'slack' as const };
    const { assessment } = world.service.start({ organizationId: world.orgId, facilityId: world.facility(`クリニック ${n}`), respondentId: person.id, flowId: flow.id });
    submitThroughService(world.service, who, assessment.id, answers);
    slackIds.push(slackId);
  }
  return slackIds;
}

function tickProcess(world: World, now: Date, owner: string) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [join(repoRoot, 'bin', 'run.js'), join('test', 'scheduler', 'helpers', 'tick-process.ts'), world.store.db.name, world.fake.url, BOT_TOKEN, now.toISOString(), owner],
    { cwd: repoRoot, stdio: 'pipe' },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const next = (): Promise<string> =>
    new Promise((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`${owner} exited (${code}) before answering: ${stderr}`)));
    });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    ready: next(),
    async go(): Promise<TickReport> {
      const report = next();
      child.stdin.write('go\n');
      const parsed = JSON.parse(await report) as TickReport;
      expect(await exited, stderr).toBe(0);
      return parsed;
    },
  };
}

describe('two app processes on one database', () => {
  it('ticking at the same instant, they post every due DM exactly once', { timeout: 60_000 }, async () => {
    const world = await startWorld('2027-05-31T10:00:00+09:00');
    const managers = sixClinics(world);
    for (const [round, day] of DAYS.entries()) {
      const now = JST(`${day}T09:00`);
      world.setNow(now);
      const a = tickProcess(world, now, `process-a-${round}`);
      const b = tickProcess(world, now, `process-b-${round}`);
      // Both loaded and waiting: told to tick in the same moment.
      expect([await a.ready, await b.ready]).toEqual(['ready', 'ready']);
      const [ra, rb] = await Promise.all([a.go(), b.go()]);
      expect(ra.sent + rb.sent).toBe(MANAGERS);
      expect(ra.failed + rb.failed).toBe(0);
      for (const id of managers) expect(world.fake.dm(id)).toHaveLength(round + 1);
    }
    const posts = world.fake.callsTo('chat.postMessage');
    const keys = posts.map((c) => (c.args.metadata as { event_payload: { key: string } }).event_payload.key);
    expect(keys).toHaveLength(MANAGERS * DAYS.length);
    expect(new Set(keys).size).toBe(keys.length);
    const states = world.store.db.prepare('SELECT state, count(*) AS n FROM reminder_deliveries GROUP BY state').all();
    expect(states).toEqual([{ state: 'sent', n: MANAGERS * DAYS.length }]);
  });
});
