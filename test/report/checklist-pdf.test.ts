// A clinic submits its 最低限のガイドライン遵守チェックリスト and gets back the filled form as a PDF it can
// print, file and show at an inspection. These tests read that PDF back the way a viewer does.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { itemNotes, itemRefs, type Flow } from '../../src/flow/model.ts';
import { renderChecklistPdf } from '../../src/report/checklist-pdf.ts';
import { loadChecklistTemplate } from '../../src/report/checklist-template.ts';
import { PLANNED, mixedChecklistReport } from './fixtures/mixed-answers.ts';
import { formRows, type FormRow } from './helpers/form-rows.ts';
import { readPdfText, squash, type PdfPage } from './helpers/pdf-text.ts';

const template = loadChecklistTemplate('checklist-pdf');
let flow: Flow;
let pdf: Uint8Array;
let pages: PdfPage[];
let rows: FormRow[];

beforeAll(async () => {
  const input = mixedChecklistReport('asm-test-0001');
  flow = input.flow;
  pdf = await renderChecklistPdf(input);
  pages = await readPdfText(pdf);
  rows = formRows(pages, template);
});

const checklistItems = () => itemRefs(flow).filter((r) => r.section.kind === 'items');
const rowOf = (itemId: string) => rows[checklistItems().findIndex((r) => r.item.id === itemId)]!;
const allText = (page: PdfPage) => page.pieces.map((p) => p.str).join('\n');

describe('the form part of the PDF', () => {
  test('opens with the official title, 更新情報 最終更新日, the facility and the respondent', () => {
    const form = pages.find((p) => p.pieces.some((piece) => piece.str === '更新情報'))!;
    const text = squash(allText(form));
    expect(text).toContain(squash('別添'));
    expect(text).toContain(squash('医療情報システムの安全管理に関するガイドライン 第5.2版 最低限のガイドライン遵守チェックリスト'));
    expect(text).toContain('最終更新日2026年11月22日');
    expect(text).toContain('機関名医療法人社団さくら会さくら内科クリニック');
    expect(text).toContain('回答者山田花子');
  });

  test('lists all 90 items in the official order, each with the notes it cites', () => {
    const items = checklistItems();
    expect(items).toHaveLength(90);
    expect(rows).toHaveLength(90);
    rows.forEach((row, i) => {
      const { section, item } = items[i]!;
      const notes = itemNotes(section, item).map((n) => n.id);
      expect(row.number).toBe(item.number);
      expect(squash(row.text)).toBe(squash(item.text.ja + (notes.length ? `（${notes.join('・')}）` : '')));
    });
  });

  test('puts ■ under 実施済 for done items and □ under 実施予定', () => {
    const done = rowOf('organizational.1');
    expect(done.done).toBe('■');
    expect(squash(done.planned)).toBe('□()');
  });

  test('puts ■ under 実施予定 with the planned date for planned items, □ under 実施済', () => {
    for (const [itemId, date] of Object.entries(PLANNED)) {
      const row = rowOf(itemId);
      const [y, m, d] = date.split('-').map(Number);
      expect(row.done, itemId).toBe('□');
      expect(squash(row.planned), itemId).toBe(`■(${y}年${m}月${d}日)`);
    }
  });

  test('shows items ruled out by the 前提 as 該当なし with the reason, never as 実施済', () => {
    for (const itemId of ['technical.21', 'technical.22', 'technical.23', 'technical.24', 'takeout.10']) {
      const row = rowOf(itemId);
      expect(row.status, itemId).toContain('該当なし');
      expect(row.status, itemId).not.toMatch(/[■□]/);
    }
    expect(squash(rowOf('technical.21').status)).toContain('理由：IoT機器により患者情報を取り扱っていないため');
    expect(squash(rowOf('takeout.10').status)).toContain('個人保有の情報機器で医療機関等の情報を持ち出して取り扱うことがないため');
  });

  test('keeps the bullets of long items (技術的 15, 外部 6 and 7) as their own lines', () => {
    const bulletLines = (row: FormRow) => row.text.split('\n').filter((line) => line.startsWith('・'));
    expect(bulletLines(rowOf('technical.15'))).toHaveLength(3);
    expect(bulletLines(rowOf('external.6'))).toHaveLength(9);
    expect(bulletLines(rowOf('external.7'))).toHaveLength(4);
  });

  test('never splits a row across pages, and repeats the table header on every page a table continues on', () => {
    const formPages = new Set(rows.map((r) => r.page));
    expect(formPages.size).toBeGreaterThan(3);
    for (const pageNumber of formPages) {
      const page = pages[pageNumber - 1]!;
      const firstRowOnPage = rows.find((r) => r.page === pageNumber)!;
      const header = page.pieces.findIndex((p) => p.str === 'チェック項目');
      const firstRow = page.pieces.findIndex((p) => p.str === firstRowOnPage.number);
      expect(header, `page ${pageNumber}`).toBeGreaterThanOrEqual(0);
      expect(header, `page ${pageNumber}`).toBeLessThan(firstRow);
    }
    // A split row would come back cut short; every row already matched its full text above.
    for (const row of rows) expect(row.status).not.toBe('');
  });

  test('prints each section’s notes (注) under its table', () => {
    const text = pages.slice(rows[0]!.page - 1).map(allText).join('\n');
    const at = (needle: string) => text.indexOf(needle);
    expect(at('注1: 動作確認用データ')).toBeGreaterThan(at('24.'));
    expect(at('注1: 動作確認用データ')).toBeLessThan(at('人的安全対策(従業者に対する人的安全管理措置)'));
    expect(at('注15: システムやアプリケーション')).toBeGreaterThan(at('電子署名に用いる秘密鍵の管理は'));
  });
});

describe('the PDF as a whole', () => {
  test('is A4 portrait on every page', () => {
    for (const page of pages) {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(841.89, 1);
    }
  });

  test('numbers its pages "n / N" in the footer', () => {
    const total = pages.length;
    for (const page of pages) {
      const footer = page.pieces.filter((p) => p.y < template.page.margin.bottom).map((p) => p.str);
      expect(footer).toContain(`${page.number} / ${total}`);
    }
  });

  test('starts with a summary page: the compliance verdict in the form’s words, counts per section and the action plan by date', () => {
    const summary = squash(allText(pages[0]!));
    expect(summary).toContain(squash('□ 最低限のガイドラインを遵守済'));
    expect(summary).toContain(squash('■ 最低限のガイドラインを遵守していない'));
    expect(summary).toContain(squash('全90項目 実施済 79 実施予定 6 該当なし 5 未回答 0'));
    expect(summary).toContain(squash('技術的安全管理対策 19 / 1 / 4 / 0（計24）'));
    expect(summary).toContain(squash('無線LANを利用していますか'));
    expect(summary).toContain('取り扱っていない');
  });

  test('an action plan too long for the summary page follows the checklist, by date, its texts whole', () => {
    expect(squash(allText(pages[0]!))).toContain(squash('実施予定の項目（6件）の一覧は、チェックリストの後にあります。'));
    const last = pages.at(-1)!;
    const planDates = last.pieces.map((p) => p.str).filter((s) => /^\d{4}年\d+月\d+日$/.test(s) && s !== '2026年11月22日');
    expect(planDates).toEqual(['2026年12月31日', '2026年12月31日', '2027年3月31日', '2027年3月31日', '2027年6月30日', '2027年9月30日']);
    const plan = squash(allText(last).split('実施計画')[1]!);
    // Wrapped over lines, never cut: 外部 6's first sentence ends 「…明確にしている。」.
    expect(plan).toContain(squash('責任分界点、責任の所在を契約書等で明確にしている。'));
    expect(plan).not.toContain('…');
  });

  test('no page is left near-empty: every page but the last is at least half full', () => {
    for (const page of pages.slice(0, -1)) {
      const contentBottom = Math.min(...page.pieces.filter((p) => p.y > 40).map((p) => p.y));
      expect(contentBottom, `page ${page.number}`).toBeLessThan(page.height / 2);
    }
  });

  test('prints the official preamble and instructions around 更新情報, word for word', () => {
    const form = squash(allText(pages.find((p) => p.pieces.some((piece) => piece.str === '更新情報'))!));
    const seed = readFileSync(new URL('../fixtures/seed-checklist-preamble.txt', import.meta.url), 'utf8').trim().split('\n');
    expect(seed).toHaveLength(4);
    for (const line of seed) expect(form).toContain(squash(line));
  });

  test('the footer names the facility and the date, not the internal id', () => {
    for (const page of pages) {
      const footer = page.pieces.filter((p) => p.y < 40).map((p) => p.str).join('');
      expect(footer).toContain('医療法人社団 さくら会 さくら内科クリニック・2026年11月22日更新');
      expect(footer).not.toContain('asm-test-0001');
    }
  });

  test('stays well under 300 KB', () => {
    expect(pdf.byteLength).toBeLessThan(300 * 1024);
  });
});
