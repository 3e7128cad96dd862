// A report of an assessment that is not submitted yet is a draft, and says so on every page; once
// submitted, the same report is clean.
import { describe, expect, it } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { reportSource } from '../../src/service/report-source.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import { readPdfText } from '../report/helpers/pdf-text.ts';
import { openTempStore } from '../store/helpers/temp-store.ts';

const flows = loadFlowsDir();
const clock = () => new Date('2026-11-22T00:30:00Z');
const pagesWithMark = async (pdf: Uint8Array) =>
  (await readPdfText(pdf)).map((p) => p.pieces.map((x) => x.str).join('').includes('下書き（未提出）'));

describe('reports of unsubmitted assessments', () => {
  it('carry 下書き（未提出） on every page until the checklist is submitted', async () => {
    const store = openTempStore(undefined, { now: clock });
    const service = createAssessmentService({ store, flows, clock });
    const org = store.organizations.ensureLocal();
    const facility = store.facilities.ensure(org.id, '本院');
    const person = store.people.ensureLocal(org.id, '山田');
    const who = { organizationId: org.id, personId: person.id, channel: 'terminal' as const };
    const id = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: person.id, flowId: 'mhlw-minimum-5.2' }).assessment.id;

    const draft = await pagesWithMark(await renderReport(reportSource(store, org.id, id)));
    expect(draft.length).toBeGreaterThan(1);
    expect(draft.every(Boolean)).toBe(true);

    submitThroughService(service, who, id, mixedAnswers(flows.get('mhlw-minimum-5.2')!));
    const final = await pagesWithMark(await renderReport(reportSource(store, org.id, id)));
    expect(final.some(Boolean)).toBe(false);
  });

  it('the policy and the forms are marked too', async () => {
    const store = openTempStore(undefined, { now: clock });
    const service = createAssessmentService({ store, flows, clock });
    const org = store.organizations.ensureLocal();
    const facility = store.facilities.ensure(org.id, '本院');
    const person = store.people.ensureLocal(org.id, '山田');
    for (const flowId of ['security-policy', 'health-guidance-disclosure']) {
      const id = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: person.id, flowId }).assessment.id;
      const marks = await pagesWithMark(await renderReport(reportSource(store, org.id, id)));
      expect(marks.every(Boolean), flowId).toBe(true);
    }
  });
});
