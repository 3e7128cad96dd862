// What the app does once at start so the first report is about as fast as the next: read and parse both
// font weights, then render each checklist's report with sample answers and throw it away, twice (that
// loads the templates and gets pdf-lib's and fontkit's code past V8's first, slowest tiers). The sample
// answers take the paths a submitted checklist takes (実施済, 実施予定 with its date, 該当なし, the plan
// and the tallies) and use the glyphs those rows print; a checklist with no answers left them cold. The
// first clinic to submit then waits for its own report only. Forms are not rendered here: they need
// answers to render at all, and they share the fonts and most of the code with the checklists.
import type { Answers } from '../flow/answer.ts';
import { checklistRefs, type Flow } from '../flow/model.ts';
import { preloadReportFonts } from './font.ts';
import { renderReport } from './render-report.ts';

const WARM_UP_RENDERS = 2;

export async function warmUpReports(flows: Iterable<Flow>): Promise<void> {
  preloadReportFonts();
  for (const flow of flows) {
    if (flow.kind !== 'checklist') continue;
    const answers = sampleAnswers(flow);
    for (let i = 0; i < WARM_UP_RENDERS; i++)
      await renderReport({
        flow,
        answers,
        facilityName: '確認',
        respondentName: '確認',
        updatedOn: '2026-01-01',
        assessmentId: 'warm-up',
        generatedAt: new Date(0),
      });
  }
}

/** Mostly 実施済, with some 実施予定 and 該当なし among them, as a submitted checklist looks. */
export function sampleAnswers(flow: Flow): Answers {
  const answers: Answers = {};
  checklistRefs(flow).forEach((ref, i) => {
    answers[ref.item.id] = i % 7 === 3 ? { kind: 'planned', date: '2027-03-31' } : i % 11 === 5 ? { kind: 'na', auto: true } : { kind: 'done' };
  });
  return answers;
}
