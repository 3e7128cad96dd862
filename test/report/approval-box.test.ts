// Once a lead approves, the checklist carries an approval box like the 承認印 column of a paper form:
// 承認者 and 承認日. Before that the box says 「未承認」, so a printed copy never passes for approved.
import { expect, test } from 'vitest';
import { loadFlowFile } from '../../src/flow/loader.ts';
import { renderChecklistPdf } from '../../src/report/checklist-pdf.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { mixedAnswers } from './fixtures/mixed-answers.ts';
import { readPdfText, squash } from './helpers/pdf-text.ts';

const flow = loadFlowFile(new URL('../../flows/mhlw-minimum-5.2.yaml', import.meta.url).pathname);
const input = {
  flow,
  answers: mixedAnswers(flow),
  facilityName: '本院',
  respondentName: '佐藤 花子',
  updatedOn: '2027-01-15',
  assessmentId: 'as-approval',
};
const formText = async (pdf: Uint8Array) => {
  const pages = await readPdfText(pdf);
  const form = pages.find((p) => p.pieces.some((piece) => piece.str === '更新情報'))!;
  return squash(form.pieces.map((p) => p.str).join(''));
};

test('an approved checklist names the approver and the day', async () => {
  const text = await formText(await renderChecklistPdf({ ...input, approval: { approverName: '田中 院長', approvedOn: '2027-01-20' } }));
  expect(text).toContain(squash('承認 承認者 田中 院長 承認日 2027年1月20日'));
  expect(text).not.toContain('未承認');
});

test('an unapproved one says 未承認 in the box; without review information there is no box', async () => {
  expect(await formText(await renderChecklistPdf({ ...input, approval: null }))).toContain(squash('承認 未承認'));
  const plain = await formText(await renderChecklistPdf(input));
  expect(plain).not.toContain('承認');
});

test('the disclosure forms carry the same box under 更新情報: approver and day, or 未承認', async () => {
  const agency = loadFlowFile(new URL('../../flows/agency-disclosure.yaml', import.meta.url).pathname);
  const render = async (approval: { approverName: string; approvedOn: string } | null | undefined) => {
    const pdf = await renderReport({ flow: agency, answers: {}, facilityName: '本社', respondentName: '', updatedOn: '2027-01-15', assessmentId: 'as-agency', ...(approval !== undefined ? { approval } : {}) });
    return squash((await readPdfText(pdf)).flatMap((p) => p.pieces.map((piece) => piece.str)).join(''));
  };
  expect(await render({ approverName: '田中 部長', approvedOn: '2027-01-20' })).toContain(squash('承認 承認者 田中 部長 承認日 2027年1月20日'));
  expect(await render(null)).toContain(squash('承認 未承認'));
  expect(await render(undefined)).not.toContain('承認者');
});
