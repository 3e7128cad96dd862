// At start the app renders each checklist once with sample answers, so the first clinic to submit finds
// the renderer warm. The warm-up must work for every checklist shipped, and its answers must take the
// paths a submitted checklist takes.
import { describe, expect, test } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { checklistRefs } from '../../src/flow/model.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { sampleAnswers, warmUpReports } from '../../src/report/warm-up.ts';
import { readPdfText, squash } from './helpers/pdf-text.ts';

const flows = loadFlowsDir();
const checklists = [...flows.values()].filter((f) => f.kind === 'checklist');

describe('the report warm-up at start', () => {
  test('renders every checklist in flows/ without an error', async () => {
    expect(checklists.length).toBeGreaterThan(1);
    await expect(warmUpReports(flows.values())).resolves.toBeUndefined();
  });

  test.each(checklists.map((f) => [f.id, f] as const))('%s: answers every item, with 実施済, 実施予定 and 該当なし among them', async (_id, flow) => {
    const answers = sampleAnswers(flow);
    expect(Object.keys(answers).sort()).toEqual(checklistRefs(flow).map((r) => r.item.id).sort());
    expect(new Set(Object.values(answers).map((a) => a.kind))).toEqual(new Set(['done', 'planned', 'na']));
    const pdf = await renderReport({ flow, answers, facilityName: '確認', respondentName: '確認', updatedOn: '2026-01-01', assessmentId: 'warm-up' });
    const text = squash((await readPdfText(pdf)).flatMap((p) => p.pieces.map((piece) => piece.str)).join(''));
    // The 実施時期 of the planned items is printed.
    expect(text).toMatch(/2027年0?3月/);
  });
});
