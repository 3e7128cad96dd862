// The table primitive other reports (disclosure forms, security policy) build on: rows move whole to the
// next page under a repeated header, and a row taller than a page is split between lines with 「（続く）」.
import { rgb } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { createReportDocument } from '../../src/report/font.ts';
import { PageFlow } from '../../src/report/pdf/page-flow.ts';
import { drawPageFooters } from '../../src/report/pdf/page-numbers.ts';
import { drawTable, layoutTable, type TableRow } from '../../src/report/pdf/table.ts';
import type { TextStyle } from '../../src/report/pdf/text-block.ts';
import { readPdfText } from './helpers/pdf-text.ts';

const A5 = { size: [420, 595] as const, margin: { top: 40, right: 40, bottom: 40, left: 40 } };

async function tableDocument(rowTexts: string[]) {
  const { doc, fonts } = await createReportDocument();
  const style: TextStyle = { font: fonts.regular, size: 10, lineHeight: 1.5, color: rgb(0, 0, 0) };
  const cell = (text: string) => ({ content: [{ text, style }] });
  const row = (label: string, texts: string[]): TableRow => ({ label, cells: texts.map(cell) });
  const flow = new PageFlow(doc, A5);
  const table = layoutTable({
    style: { columnWidths: [40, 300], padding: { x: 4, y: 3 }, rule: { color: rgb(0, 0, 0), width: 0.5 } },
    header: row('header', ['No', '内容']),
    rows: rowTexts.map((text, i) => row(`row ${i + 1}`, [`${i + 1}`, text])),
  });
  flow.newPage();
  drawTable(flow, table);
  drawPageFooters(doc, { pageNumber: '{n} / {N}' }, { font: fonts.regular, size: 8, color: rgb(0, 0, 0), baseline: 20, sideMargin: 40 });
  return doc;
}

describe('a table longer than a page', () => {
  test('continues on the next page with the header drawn again, and no row cut in two', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `${'確認事項'.repeat(10 + (i % 7) * 4)}`);
    const pages = await readPdfText(await (await tableDocument(texts)).save());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const strs = page.pieces.map((p) => p.str);
      expect(strs[0]).toBe('No');
      expect(strs).toContain(`${page.number} / ${pages.length}`);
    }
    // Each row's lines are all on one page: count the lines back per row number.
    const linesPerRow = new Map<string, Set<number>>();
    let current = '';
    for (const page of pages)
      for (const piece of page.pieces) {
        if (piece.x < 80) current = /^\d+$/.test(piece.str) ? piece.str : '';
        else if (current && piece.x >= 80 && piece.y > 40) linesPerRow.set(current, (linesPerRow.get(current) ?? new Set()).add(page.number));
      }
    for (const [row, onPages] of linesPerRow) expect(onPages.size, `row ${row}`).toBe(1);
  });

  test('a row taller than a whole page goes on over the next pages, each part marked （続く）, no text lost', async () => {
    const long = '長い'.repeat(2000);
    const pages = await readPdfText(await (await tableDocument(['短い', long, '次の行'])).save());
    expect(pages.length).toBeGreaterThan(2);
    const all = pages.flatMap((p) => p.pieces.map((x) => x.str));
    const body = all.filter((t) => /^(長い)+長?$|^い?(長い)*$/.test(t)).join('');
    expect(body.replace(/\s/g, '')).toBe(long);
    const marks = all.filter((t) => t === '（続く）').length;
    expect(marks).toBe(pages.length - 1);
    for (const page of pages) {
      expect(page.pieces[0]?.str).toBe('No');
      // Nothing but the page number is drawn into the bottom margin (40pt).
      for (const piece of page.pieces.filter((p) => !/^\d+ \/ \d+$/.test(p.str))) expect(piece.y).toBeGreaterThan(40);
    }
    expect(all).toContain('次の行');
  });
});
