// The operator's tools: `schedule preview` says what would be sent, to whom and when, without
// sending; `schedule tick --now …` runs one tick as of that instant and, with no Slack settings,
// prints the DMs. A second tick at the same instant sends nothing more.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { previewArgsSchema, tickArgsSchema } from '../../src/cli/schedule-command.ts';
import { createStore } from '../../src/store/store.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { runEntry } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';

const flows = loadFlowsDir();

function seed(db: string) {
  const clock = () => new Date('2027-05-20T10:00:00+09:00');
  const store = createStore(db, { now: clock });
  const scheduler = createScheduler({ store, flows, clock });
  const service = createAssessmentService({ store, flows, clock, afterChange: scheduler.service.afterAssessmentChange });
  const org = store.organizations.ensureLocal();
  const facility = store.facilities.ensure(org.id, 'さくら内科');
  const person = store.people.ensureLocal(org.id, '佐藤', { role: 'manager' });
  const flow = flows.get('mhlw-minimum-5.2')!;
  const answers: Answers = Object.fromEntries(Object.entries(mixedAnswers(flow)).map(([id, a]) => [id, a.kind === 'planned' ? { kind: 'done' as const } : a]));
  answers['technical.15'] = { kind: 'planned', date: '2027-06-08' };
  const who = { organizationId: org.id, personId: person.id, channel: 'terminal' as const };
  const { assessment } = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: person.id, flowId: flow.id });
  submitThroughService(service, who, assessment.id, answers);
  store.close();
}

describe('npm run kakunin -- schedule', () => {
  const tempDir = useTempDir();

  it('previews, then ticks once by printing the DM', { timeout: 60_000 }, async () => {
    const db = join(tempDir(), 'kakunin.sqlite');
    seed(db);
    const env = { KAKUNIN_DB: db };
    const preview = await runEntry('src/cli/main.ts', ['schedule', 'preview', '--from', '2027-06-01', '--to', '2027-06-30', '--now', '2027-05-20T10:00+09:00'], '', env);
    expect(preview.stderr).toBe('');
    expect(preview.stdout).toContain('2027-06-01 09:00 → 佐藤');
    expect(preview.stdout).toContain('technical.15 実施時期 2027年6月8日 (before:7)');
    expect(preview.stdout).toContain('2027-06-08 09:00 → 佐藤');

    const tick = await runEntry('src/cli/main.ts', ['schedule', 'tick', '--now', '2027-06-01T09:00+09:00'], '', env);
    expect(tick.code).toBe(0);
    expect(tick.stdout).toContain('── DM → 佐藤');
    expect(tick.stdout).toContain('実施予定の項目（1件）');
    expect(tick.stdout).toContain('あと7日');
    expect(tick.stdout).toContain('sent 1');

    const again = await runEntry('src/cli/main.ts', ['schedule', 'tick', '--now', '2027-06-01T09:05+09:00'], '', env);
    expect(again.stdout).not.toContain('── DM');
    expect(again.stdout).toContain('sent 0');
  });

  it('explains a malformed --now or --from', () => {
    expect(tickArgsSchema.safeParse({ now: 'tomorrow' }).error?.issues[0]?.message).toContain('an ISO date-time with its offset');
    expect(tickArgsSchema.safeParse({ now: '2027-04-01T09:00' }).success).toBe(false); // no offset: ambiguous
    expect(tickArgsSchema.safeParse({ now: '2027-04-01T09:00+09:00' }).success).toBe(true);
    expect(previewArgsSchema.safeParse({ from: '2027/04/01' }).success).toBe(false);
  });
});
