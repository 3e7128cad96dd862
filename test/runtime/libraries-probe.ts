// Started by bundled-libraries.test.ts through bin/run.js: prints where pdf-lib and fontkit were loaded
// from, and the checklist's report with sample answers in base64.
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
// A dependency's own `import 'pdf-lib'` (a package under node_modules) is left to Node.
const dependency = process.env.PROBE_DEPENDENCY ? ((await import(process.env.PROBE_DEPENDENCY)) as { pdfLib: string }).pdfLib : undefined;
const libraries = Object.fromEntries(['pdf-lib', 'fontkit'].map((name) => [name, import.meta.resolve(name)]));
console.log(JSON.stringify({ libraries, dependency, pdf: Buffer.from(pdf).toString('base64') }));
