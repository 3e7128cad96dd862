// Started by pdf-libraries.test.ts through bin/run.js: renders the checklist's report with sample answers
// and prints where pdf-lib and fontkit were loaded from, and the PDF in base64.
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { sampleAnswers } from '../../src/report/warm-up.ts';

const flow = loadFlowsDir().get('mhlw-minimum-5.2')!;
const pdf = await renderReport({
  flow,
  answers: sampleAnswers(flow),
  facilityName: 'さくら内科クリニック',
  respondentName: '佐藤 花子',
  updatedOn: '2026-11-30',
  assessmentId: 'probe',
  generatedAt: new Date('2026-12-01T00:00:00Z'),
});
console.log(JSON.stringify({ pdfLib: import.meta.resolve('pdf-lib'), fontkit: import.meta.resolve('fontkit'), pdf: Buffer.from(pdf).toString('base64') }));
