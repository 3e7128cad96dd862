// A year after its first submission the clinic re-assesses. The PDF gains a 「前回との比較」 page after the
// summary (none when nothing changed) and the CSV two columns, 前回の回答 and 変化.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import { loadFlowFile } from '../../src/flow/loader.ts';
import { findItem, itemRefs } from '../../src/flow/model.ts';
import { renderChecklistPdf } from '../../src/report/checklist-pdf.ts';
import { toChecklistCsv } from '../../src/report/checklist-csv.ts';
import { comparisonColumns } from '../../src/report/comparison-columns.ts';
import type { PreviousCycle } from '../../src/flow/cycle-comparison.ts';
import { nextFlowVersion } from '../helpers/next-flow-version.ts';
import { mixedAnswers } from './fixtures/mixed-answers.ts';
import { parse } from 'csv-parse/sync';
import { readPdfText, squash, type PdfPage } from './helpers/pdf-text.ts';

const flow = loadFlowFile(new URL('../../flows/mhlw-minimum-5.2.yaml', import.meta.url).pathname);
const previous: PreviousCycle = { flow, answers: mixedAnswers(flow), assessmentId: 'as-2025', submittedOn: '2025-12-01' };
const thisYear: Answers = {
  ...previous.answers,
  'technical.15': { kind: 'done' },
  'external.7': { kind: 'planned', date: '2027-03-31' },
  'organizational.1': { kind: 'planned', date: '2027-06-30' },
};
const base = {
  flow,
  answers: thisYear,
  facilityName: 'さくら内科クリニック',
  respondentName: '山田 花子',
  updatedOn: '2026-12-01',
  assessmentId: 'as-2026',
  generatedAt: new Date('2026-12-01T03:00:00Z'),
};

/** As a spreadsheet reads the export: BOM, CRLF records, quoted line breaks inside fields. */
const parseCsv = (text: string): string[][] => parse(text, { bom: true, record_delimiter: '\r\n', relax_column_count: false });
const pageText = (page: PdfPage) => squash(page.pieces.map((p) => p.str).join(''));
const comparisonPage = (pages: PdfPage[]) => pages.find((p) => pageText(p).includes('前回との比較'))!;

describe('the 「前回との比較」 page', () => {
  let pages: PdfPage[];
  beforeAll(async () => {
    pages = await readPdfText(await renderChecklistPdf({ ...base, previous }));
  });

  test('comes right after the summary and names the previous cycle', () => {
    const at = pages.indexOf(comparisonPage(pages));
    expect(pages.slice(0, at).some((p) => pageText(p).includes('回答結果のまとめ'))).toBe(true);
    expect(pageText(pages[at + 1]!)).toContain('更新情報');
    const text = pageText(pages[at]!);
    expect(text).toContain('前回との比較');
    expect(text).toContain(squash('前回：令和7年度（2025年12月1日提出・回答ID as-2025）'));
    expect(text).toContain(squash('改善 1件　後退 1件　時期変更 1件'));
  });

  test('lists exactly the changed items, with the previous and current answer and the change', () => {
    const text = pageText(comparisonPage(pages));
    expect(text).toContain(squash('改善（2027年3月31日 → 実施済）'));
    expect(text).toContain(squash('後退（実施済 → 実施予定 2027年6月30日）'));
    expect(text).toContain(squash('時期変更（2026年12月31日 → 2027年3月31日、3か月後ろ倒し）'));
    // Three rows, in the form's order, and no other item.
    const firstLine = (id: string) => squash(findItem(flow, id)!.item.text.ja.split('\n')[0]!.slice(0, 20));
    const order = ['organizational.1', 'technical.15', 'external.7'].map((id) => text.indexOf(firstLine(id)));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text.match(/(改善|後退|時期変更)（/g)).toEqual(['後退（', '改善（', '時期変更（']);
    const others = itemRefs(flow).filter((r) => r.section.kind === 'items' && !['organizational.1', 'technical.15', 'external.7'].includes(r.item.id));
    for (const ref of others) expect(text, ref.item.id).not.toContain(squash(ref.item.text.ja.split('\n')[0]!));
  });

  test('is left out when nothing changed, and without a previous cycle', async () => {
    const same = await readPdfText(await renderChecklistPdf({ ...base, answers: previous.answers, previous }));
    const none = await readPdfText(await renderChecklistPdf({ ...base, answers: previous.answers }));
    expect(same.some((p) => pageText(p).includes('前回との比較'))).toBe(false);
    expect(same).toHaveLength(none.length);
  });

  test('lists 新規 and 削除 items of a new flow version', async () => {
    const next = nextFlowVersion(flow, {
      version: '2',
      remove: ['organizational.2'],
      add: [{ sectionId: 'external', item: { id: 'external.15', number: '15.', text: { ja: '新設された対策を講じている。' } } }],
    });
    const { 'organizational.2': _gone, ...answers } = { ...previous.answers, 'external.15': { kind: 'done' } } as Answers;
    const text = pageText(comparisonPage(await readPdfText(await renderChecklistPdf({ ...base, flow: next, answers, previous }))));
    expect(text).toContain(squash('新規 1件　削除 1件'));
    expect(text).toContain('新設された対策を講じている。');
    expect(text).toContain(squash('個人情報参照可能な場所においては'));
  });
});

describe('the CSV of a re-assessment', () => {
  const [header, ...records] = parseCsv(toChecklistCsv({ ...base, previous }));
  const byId = new Map(records.map((r) => [r[2], r]));

  test('adds the columns 前回の回答 and 変化', () => {
    expect(header).toEqual(['分野', 'No', '項目ID', 'チェック項目', '回答', '実施時期', '該当なし理由', '前回の回答', '変化']);
    expect(records).toHaveLength(90);
    for (const record of records) expect(record).toHaveLength(9);
  });

  test('fills them for changed items and leaves 変化 empty for the rest', () => {
    expect(byId.get('technical.15')!.slice(4)).toEqual(['実施済', '', '', '実施予定（2027年3月31日）', '改善（2027年3月31日 → 実施済）']);
    expect(byId.get('organizational.1')!.slice(7)).toEqual(['実施済', '後退（実施済 → 実施予定 2027年6月30日）']);
    expect(byId.get('organizational.2')!.slice(7)).toEqual(['実施済', '']);
    expect(byId.get('technical.21')!.slice(7)).toEqual(['該当なし（IoT機器により患者情報を取り扱っていないため該当なし）', '']);
  });

  test('has no comparison columns for a first assessment', () => {
    const [first] = parseCsv(toChecklistCsv(base));
    expect(first).toHaveLength(7);
  });

  test('lists an item the new version dropped as a row of its own, marked 削除', () => {
    const next = nextFlowVersion(flow, { version: '2', remove: ['organizational.2'] });
    const rows = parseCsv(toChecklistCsv({ ...base, flow: next, previous }));
    expect(rows.at(-1)).toEqual(['組織的安全管理対策', '2.', 'organizational.2', expect.stringContaining('入退管理'), '', '', '', '実施済', '削除']);
  });

  test('the same cells are there for other exports, in English too', () => {
    const columns = comparisonColumns({ ...base, previous }, 'en')!;
    expect(columns.headers).toEqual(['Previous answer', 'Change']);
    expect(columns.cellsFor('technical.15')).toEqual({ previousAnswer: 'Planned (2027/03/31)', change: 'Improved (2027/03/31 → done)' });
  });
});
