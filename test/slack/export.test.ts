// The head office hands the state of every clinic to the board: `/kakunin export` puts an XLSX workbook into
// the lead's DM, and `npm run kakunin -- export-all` writes the same from the database file. Both are read
// back with exceljs (and the CSV with a CSV parser), as Excel would open them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { runEntry } from '../helpers/run-cli.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import { checklistFlows, startHarness, type Harness } from './harness.ts';
import { ackText } from './lead-people.ts';
import { leadStoryUsers, setUpTwoClinics } from './two-clinics.ts';

const DAY = 24 * 60 * 60 * 1000;

async function clinicsWithAnswers(h: Harness) {
  const c = await setUpTwoClinics(h);
  await c.sato.command('start mhlw-minimum-5.2');
  await c.suzuki.command('start mhlw-minimum-5.2');
  const [satoChecklist] = h.store.assessments.listForPerson(c.organizationId(), c.personId('U0SATO'));
  submitThroughService(h.service, c.participant('U0SATO'), satoChecklist!.id, mixedAnswers(checklistFlows().get('mhlw-minimum-5.2')!));
  // Nine and a half months later: two of 本院's 実施予定 dates (2026-12-31) have passed.
  h.clock.advance(289 * DAY);
  return c;
}

async function workbook(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

test('/kakunin export sends the lead an XLSX: a sheet per checklist, one row per facility, and the action plan with overdue items highlighted', async () => {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  const c = await clinicsWithAnswers(h);

  expect(ackText(await c.sato.command('export'))).toContain('（リード）だけができます');
  expect(h.fake.uploads).toEqual([]);

  expect(ackText(await c.boss.command('export'))).toBe('全拠点の状況をExcel（XLSX）にまとめて、DMでお送りします。');
  const upload = h.fake.uploads.at(-1)!;
  expect(upload).toMatchObject({ channelId: 'D0BOSS', filename: 'kakunin-2027-01-15.xlsx' });
  const wb = await workbook(upload.bytes!);
  // Sheet names are the checklists' titles, cut to Excel's limit.
  expect(wb.worksheets.map((s) => s.name)).toEqual(['医療情報システムの安全管理に関するガイドライン 第5.2', 'オンライン資格確認等システム及びレセプトのオンライン請求', '実施計画', '確認履歴']);

  const checklist = wb.worksheets[0]!;
  expect(checklist.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
  expect(checklist.autoFilter).toBeTruthy();
  const header = rowValues(checklist, 1) as string[];
  expect(header.slice(0, 12)).toEqual(['拠点', '状態', '回答者', '開始日', '最終提出日', '承認日', '承認者', '実施済', '実施予定', '該当なし', '未回答', '期限超過']);
  expect(header).toHaveLength(12 + 90);
  const [kita, honin] = [rowValues(checklist, 2), rowValues(checklist, 3)];
  expect(kita.slice(0, 3)).toEqual(['北分院', '回答中', '鈴木 一郎']);
  expect(honin.slice(0, 3)).toEqual(['本院', '提出済・確認待ち', '佐藤 花子']);
  expect(honin[4]).toEqual(new Date('2026-04-01T00:00:00.000Z'));
  expect(honin.slice(7, 12)).toEqual([79, 6, 5, 0, 2]); // done, planned, n/a (no IoT, no BYOD), unanswered, overdue
  // Every item's answer, in flow order after the fixed columns; the overdue ones highlighted.
  expect(honin.slice(12).filter((a) => a === '■実施済')).toHaveLength(79);
  expect(honin.slice(12).filter((a) => String(a).startsWith('実施予定('))).toHaveLength(6);
  expect(honin).toContain('実施予定(2027-03-31)');
  const overdueCell = checklist.getRow(3).getCell(13 + honin.slice(12).indexOf('実施予定(2026-12-31)'));
  expect((overdueCell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  expect(checklist.getColumn(1).width).toBeGreaterThanOrEqual(8);

  const plan = wb.getWorksheet('実施計画')!;
  expect(rowValues(plan, 1)).toEqual(['拠点', 'チェックリスト', '分野', 'No', 'チェック項目', '実施時期', '期限超過', '回答者']);
  expect(plan.rowCount).toBe(1 + 6);
  const first = plan.getRow(2);
  expect(rowValues(plan, 2).slice(0, 1)).toEqual(['本院']);
  expect(first.getCell(6).value).toEqual(new Date('2026-12-31T00:00:00.000Z'));
  expect(first.getCell(7).value).toBe('期限超過');
  expect((first.getCell(5).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  const later = plan.getRow(4);
  expect(later.getCell(7).value ?? '').toBe('');
  expect((later.getCell(5).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFFFC7CE');
  // Japanese text counts double, so the item column is wide enough to read (capped at 60).
  expect(plan.getColumn(5).width).toBeGreaterThan(30);
  expect(plan.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(h.fake.invalidBlocks).toEqual([]);
}, 60_000);

test('npm run kakunin -- export-all writes the same workbook, or one CSV table, from the database file', async () => {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  await clinicsWithAnswers(h);
  const dbPath = h.store.db.name;
  const out = join(dbPath, '..', 'board.xlsx');
  const env = { KAKUNIN_DB: dbPath };

  const xlsx = await runEntry('src/cli/main.ts', ['export-all', '--format', 'xlsx', '--out', out], '', env);
  expect(xlsx.stderr).toBe('');
  expect(xlsx.code).toBe(0);
  const wb = await workbook(readFileSync(out));
  expect(wb.getWorksheet('実施計画')!.rowCount).toBe(7);
  expect(rowValues(wb.getWorksheet('医療情報システムの安全管理に関するガイドライン 第5.2')!, 3).slice(0, 2)).toEqual(['本院', '提出済・確認待ち']);

  const csvOut = join(dbPath, '..', 'board.csv');
  const csv = await runEntry('src/cli/main.ts', ['export-all', '--format', 'csv', '--out', csvOut], '', env);
  expect(csv.code).toBe(0);
  const text = readFileSync(csvOut, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = parse(text, { bom: true, record_delimiter: '\r\n' });
  expect(rows[0]).toEqual(['拠点', 'チェックリスト', '状態', '回答者', '最終提出日', '承認日', '分野', 'No', '項目ID', 'チェック項目', '回答', '実施時期', '期限超過']);
  // The CLI runs on the real clock, so which dates have passed is not asserted here (the Slack story does).
  const planned = rows.filter((r) => r[11] !== '' && r[0] === '本院' && r[1]!.includes('ガイドライン'));
  expect(planned.map((r) => [r[2], r[8], r[10], r[11]])).toContainEqual(['提出済・確認待ち', 'external.7', '実施予定(2026-12-31)', '2026-12-31']);
  expect(planned).toHaveLength(6);

  // A CSV file holds one table; the workbook has them all, so --table goes only with CSV.
  const reviewsOut = join(dbPath, '..', 'reviews.csv');
  const reviews = await runEntry('src/cli/main.ts', ['export-all', '--format', 'csv', '--table', 'reviews', '--out', reviewsOut], '', env);
  expect(reviews.code).toBe(0);
  expect(parse(readFileSync(reviewsOut, 'utf8'), { bom: true, record_delimiter: '\r\n' })).toEqual([['拠点', 'チェックリスト', '回', '判断', 'コメント', '指摘項目', '判断者', '日付', '経路']]);
  const wrongTable = await runEntry('src/cli/main.ts', ['export-all', '--format', 'csv', '--table', 'answers', '--out', join(dbPath, '..', 'x.csv')], '', env);
  expect(wrongTable.code).toBe(2);
  expect(wrongTable.stderr).toContain('table: items or reviews');
  const tableOfWorkbook = await runEntry('src/cli/main.ts', ['export-all', '--format', 'xlsx', '--table', 'reviews', '--out', join(dbPath, '..', 'x.xlsx')], '', env);
  expect(tableOfWorkbook.code).toBe(2);
  expect(tableOfWorkbook.stderr).toContain('only with --format csv');

  const again = await runEntry('src/cli/main.ts', ['export-all', '--format', 'xlsx', '--out', out], '', env);
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('既にあるファイルは上書きしません');
  const missing = await runEntry('src/cli/main.ts', ['export-all', '--format', 'xlsx', '--out', join(dbPath, '..', 'other.xlsx'), '--team', 'T0NOPE'], '', env);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('組織「T0NOPE」は');
}, 60_000);
