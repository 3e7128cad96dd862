// The disclosure forms' 「ガイドラインの遵守」 follows from the checklist (注8): every item 実施済 or 該当なし →
// 最低限のガイドラインを遵守済; a single 実施予定 → 遵守していない. The result says which assessment it came from.
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import { loadFlowFile } from '../../src/flow/loader.ts';
import { complianceFromChecklist } from '../../src/report/compliance-status.ts';
import { PLANNED, mixedAnswers } from './fixtures/mixed-answers.ts';

const checklist = loadFlowFile(new URL('../../flows/mhlw-minimum-5.2.yaml', import.meta.url).pathname);
const withPlanned = mixedAnswers(checklist);
const allDone: Answers = Object.fromEntries(
  Object.entries(withPlanned).map(([id, a]) => [id, a.kind === 'planned' ? { kind: 'done' as const } : a]),
);
const related = (answers: Answers) => ({
  flow: checklist,
  answers,
  assessmentId: 'as_checklist',
  facilityName: '本社',
  submittedOn: '2026-10-01',
});

describe('ガイドラインの遵守 from a submitted checklist', () => {
  it('is 遵守済 when every item is 実施済 or 該当なし (items ruled out by the 前提 count as done)', () => {
    const status = complianceFromChecklist(related(allDone));
    expect(status.compliant).toBe(true);
    expect(status.counts).toMatchObject({ planned: 0, unanswered: 0, total: 90 });
    expect(status.counts.na).toBeGreaterThan(0);
  });

  it('is 遵守していない as soon as one item is 実施予定', () => {
    const one: Answers = { ...allDone, 'technical.15': { kind: 'planned', date: '2027-03-31' } };
    expect(complianceFromChecklist(related(one)).compliant).toBe(false);
    const status = complianceFromChecklist(related(withPlanned));
    expect(status.compliant).toBe(false);
    expect(status.counts.planned).toBe(Object.keys(PLANNED).length);
  });

  it('names the assessment, facility and day of submission it came from', () => {
    expect(complianceFromChecklist(related(allDone)).basis).toEqual({
      assessmentId: 'as_checklist',
      flowId: 'mhlw-minimum-5.2',
      facilityName: '本社',
      submittedOn: '2026-10-01',
    });
  });
});
