// What the app does once at start so the first report is about as fast as the next: read and parse both
// font weights, then render each checklist's report with no answers and throw it away, twice (that loads
// the templates and gets pdf-lib's and fontkit's code past V8's first, slowest tiers). The first clinic to submit then waits
// for its own report only. Forms are not rendered here: they need answers to render at all, and they
// share the fonts and most of the code with the checklists.
import type { Flow } from '../flow/model.ts';
import { preloadReportFonts } from './font.ts';
import { renderReport } from './render-report.ts';

const WARM_UP_RENDERS = 2;

export async function warmUpReports(flows: Iterable<Flow>): Promise<void> {
  preloadReportFonts();
  for (const flow of flows) {
    if (flow.kind !== 'checklist') continue;
    for (let i = 0; i < WARM_UP_RENDERS; i++)
      await renderReport({
        flow,
        answers: {},
        facilityName: '確認',
        respondentName: '確認',
        updatedOn: '2026-01-01',
        assessmentId: 'warm-up',
        generatedAt: new Date(0),
      });
  }
}
