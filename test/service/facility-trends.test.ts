// The App Home shows each facility's trend: how many items were 実施済 in each 年度's submission.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { facilityTrends } from '../../src/service/facility-trends.ts';
import { createStore } from '../../src/store/store.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const flows = loadFlowsDir();
const tempDir = useTempDir();

it('counts 実施済 per 年度 and facility, the latest submission of a 年度 standing for it', () => {
  let now = new Date('2025-06-01T01:00:00Z');
  const clock = () => now;
  const store = createStore(join(tempDir(), 'k.sqlite'), { now: clock });
  const service = createAssessmentService({ store, flows, clock });
  const org = store.organizations.ensureLocal();
  const honin = store.facilities.ensure(org.id, '本院');
  store.facilities.ensure(org.id, '分院'); // nothing submitted: no trend
  const manager = store.people.ensureLocal(org.id, '山田');
  const who = { organizationId: org.id, personId: manager.id, channel: 'terminal' as const };
  const flow = flows.get('mhlw-minimum-5.2')!;
  const submit = (at: string, answers: Answers) => {
    now = new Date(at);
    const { assessment } = service.start({ organizationId: org.id, facilityId: honin.id, respondentId: manager.id, flowId: flow.id });
    submitThroughService(service, who, assessment.id, answers);
  };
  const base = mixedAnswers(flow); // 79 done, 6 planned, 5 該当なし
  const plannedAll = Object.fromEntries(Object.entries(base).map(([id, a]) => [id, a.kind === 'done' ? { kind: 'planned' as const, date: '2027-03-31' } : a]));
  submit('2025-06-01T01:00:00Z', plannedAll); // 令和7年度, replaced by the later one
  submit('2026-03-31T14:00:00Z', base); // 2026-03-31 23:00 in Tokyo: still 令和7年度
  submit('2026-12-01T01:00:00Z', { ...base, 'technical.15': { kind: 'done' } }); // 令和8年度

  expect(facilityTrends(store, org.id)).toEqual([
    {
      facilityId: honin.id,
      facilityName: '本院',
      flowId: flow.id,
      flowTitle: flow.title,
      years: [
        { fiscalYear: 2025, done: 79, total: 90, assessmentId: expect.any(String) },
        { fiscalYear: 2026, done: 80, total: 90, assessmentId: expect.any(String) },
      ],
    },
  ]);
  store.close();
});
