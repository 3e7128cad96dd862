// The same report for spreadsheets (CSV that Excel opens with Japanese intact) and for programs (JSON).
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { loadFlowFile } from '../../src/flow/loader.ts';
import { toChecklistCsv } from '../../src/report/checklist-csv.ts';
import { checklistReportJsonSchema, toChecklistJson } from '../../src/report/checklist-json.ts';
import { mixedAnswers } from './fixtures/mixed-answers.ts';
import { smallFlow } from './fixtures/small-flow.ts';

const flow = loadFlowFile(new URL('../../flows/mhlw-minimum-5.2.yaml', import.meta.url).pathname);
const input = {
  flow,
  answers: mixedAnswers(flow),
  facilityName: 'さくら内科クリニック',
  respondentName: '山田 花子',
  updatedOn: '2026-11-22',
  assessmentId: 'asm-export',
};

// Read the way a spreadsheet opens it: the BOM is dropped, CRLF ends a record, quoted fields keep their
// line breaks, and a record of the wrong width is an error rather than silently accepted.
const readCsv = (text: string): string[][] => parse(text, { bom: true, record_delimiter: '\r\n', relax_column_count: false });

describe('the CSV export', () => {
  const csv = toChecklistCsv(input);
  const [header, ...records] = readCsv(csv);

  test('starts with a UTF-8 BOM and uses CRLF, so Excel opens the Japanese text correctly', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
  });

  test('has the columns 分野, No, 項目ID, チェック項目, 回答, 実施時期, 該当なし理由 and one record per item', () => {
    expect(header).toEqual(['分野', 'No', '項目ID', 'チェック項目', '回答', '実施時期', '該当なし理由']);
    expect(records).toHaveLength(90);
    for (const record of records) expect(record).toHaveLength(7);
  });

  test('quotes the item texts that hold line breaks, so every reader sees 91 rows of 7 columns', () => {
    // Any newline ends a record for readers that do not insist on CRLF (Python's csv, LibreOffice).
    const rows: string[][] = parse(csv, { bom: true, record_delimiter: ['\r\n', '\n'], relax_column_count: true });
    expect(rows).toHaveLength(91);
    expect(rows.every((r) => r.length === 7)).toBe(true);
    const multiLine = rows.filter((r) => r[3]!.includes('\n')).map((r) => r[2]);
    expect(multiLine).toEqual(expect.arrayContaining(['organizational.5', 'technical.15', 'external.6', 'external.7']));
  });

  test('writes each answer in words, with the planned date and the 該当なし reason', () => {
    const byId = new Map(records.map((r) => [r[2], r]));
    expect(byId.get('organizational.1')).toEqual([
      '組織的安全管理対策', '1.', 'organizational.1',
      '情報システム運用責任者の設置及び担当者(システム管理者を含む)の限定を行っている。', '実施済', '', '',
    ]);
    expect(byId.get('technical.15')!.slice(4)).toEqual(['実施予定', '2027-03-31', '']);
    expect(byId.get('technical.15')![3]).toContain('\n・英数字、記号を混在させた13文字以上の推定困難な文字列');
    expect(byId.get('technical.21')!.slice(4)).toEqual(['該当なし', '', 'IoT機器により患者情報を取り扱っていないため該当なし']);
  });

  test('has English headings and answers in the English locale', () => {
    const [enHeader, first] = readCsv(toChecklistCsv({ ...input, locale: 'en' }));
    expect(enHeader).toEqual(['Area', 'No', 'Item ID', 'Checklist item', 'Answer', 'Planned date', 'Reason not applicable']);
    expect(first!.slice(0, 1)).toEqual(['Organizational safety management measures']);
    expect(first![4]).toBe('Done');
  });
});

describe('the JSON export', () => {
  test('holds who answered, the summary and every row, and validates against its schema', () => {
    const json = toChecklistJson(input);
    expect(checklistReportJsonSchema.parse(JSON.parse(JSON.stringify(json)))).toEqual(json);
    expect(json).toMatchObject({
      format: 'kakunin.checklist-report',
      flow: { id: 'mhlw-minimum-5.2', version: '1' },
      facilityName: 'さくら内科クリニック',
      updatedOn: '2026-11-22',
      summary: { compliant: false, totals: { done: 79, planned: 6, na: 5, unanswered: 0, total: 90 } },
    });
    expect(json.rows).toHaveLength(90);
    expect(json.rows.find((r) => r.itemId === 'external.6')).toMatchObject({ status: 'planned', plannedDate: '2027-09-30' });
  });

  test('marks an unanswered item that a 前提 rules out as 該当なし with the gate’s reason', () => {
    const json = toChecklistJson({
      ...input,
      flow: smallFlow(),
      answers: { 'scope.wifi': { kind: 'yesno', value: false }, 'basics.1': { kind: 'done' } },
    });
    expect(json.rows.map((r) => [r.itemId, r.status, r.notApplicableReason])).toEqual([
      ['basics.1', 'done', null],
      ['basics.2', 'unanswered', null],
      ['basics.3', 'na', '無線LANを利用していないため該当なし'],
      ['later.1', 'unanswered', null],
    ]);
  });

  test('refuses an impossible 最終更新日 with a message naming the field', () => {
    expect(() => toChecklistJson({ ...input, updatedOn: '2026-02-30' })).toThrow(/updatedOn: not a calendar date/);
  });
});
