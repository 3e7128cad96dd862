// 横浜中央病院's published 運営についての重要事項に関する規程の概要[保健指導機関] (the seed's filled example), entered
// answer by answer through the flow, comes back as a PDF that prints what the original prints: every filled
// row of the seed, with ■ where the seed has a ticked box and □ where it has an empty one.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { answersSchema, type Answers } from '../../src/flow/answer.ts';
import { loadFlowFile } from '../../src/flow/loader.ts';
import type { Flow } from '../../src/flow/model.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { fillThroughEngine } from '../helpers/fill-through-engine.ts';
import { readPdfText, squash, type PdfPage } from './helpers/pdf-text.ts';

const fixtureSchema = z.object({ updatedOn: z.string(), answers: answersSchema });
const fixture = fixtureSchema.parse(parse(readFileSync(new URL('../fixtures/health-guidance-yokohama-chuo.yaml', import.meta.url), 'utf8')));
const seedLines = readFileSync(new URL('../fixtures/seed-health-guidance-form.txt', import.meta.url), 'utf8').split('\n');

const SECTION_CELLS = ['機関情報', '協力業者 情報', 'スタッフ 情報 ^{注11)}', '保健指導 の実施体制', '施設及び設備情報', '運営に関する情報', 'その他'];

/**
 * A seed row as the filled form prints it: ticked boxes ■, empty ones □, the section cell that starts the
 * first row of a section dropped, 注 marks kept on the label (first cell) but not inside values, no spaces.
 */
function asPrinted(line: string): string {
  const cells = line.split('\t').filter((c) => c.trim() !== '');
  if (SECTION_CELLS.includes(cells[0]!.trim())) cells.shift();
  const boxes = (c: string) => c.replace(/<input checked="" type="checkbox"\/>/g, '■').replace(/<input type="checkbox"\/>/g, '□');
  const [label, ...values] = cells.map(boxes);
  const printedLabel = label!.replace(/\^\{([^}]*)\}/g, '$1').replace(/\)・注/g, ')注').replace(/\^/g, '');
  return squash(printedLabel + values.map((v) => v.replace(/\^\{[^}]*\}/g, '')).join(''));
}

/** Rows of the seed that are not values of this example, and why. */
const NOT_VALUES: [RegExp, string][] = [
  [/^更新情報|^-+\t/, 'the 更新情報 box: checked on its own below'],
  [/^\t\t業者名|^\t協力業者名・委託部分/, 'the contractor rows carry the blank form’s examples; the flow shows them as help'],
  [/^\t自機関内|^\t常勤\t|^\t総数|^保健指導 の実施体制|^\t\t\t\t個別支援/, 'header rows of the staff and delivery tables'],
  [/^\t所在地|^\t\t\(住所\)/, '所在地 is asked as 郵便番号 and 住所: checked value by value'],
  [/\t実施日及び実施時間 /, 'its 「特定時期 通年」 are column heads of a row that lost its structure: checked by value'],
];

let flow: Flow;
let answers: Answers;
let asked: string[];
let pages: PdfPage[];
let text: string;

beforeAll(async () => {
  flow = loadFlowFile(new URL('../../flows/health-guidance-disclosure.yaml', import.meta.url).pathname);
  ({ answers, asked } = fillThroughEngine(flow, fixture.answers));
  const pdf = await renderReport({
    flow,
    answers,
    facilityName: '横浜中央病院',
    respondentName: '',
    updatedOn: fixture.updatedOn,
    assessmentId: 'as_yokohama',
  });
  pages = await readPdfText(pdf);
  text = squash(pages.flatMap((p) => p.pieces.map((piece) => piece.str)).join(''));
});

describe('the 横浜中央病院 example entered through the flow', () => {
  test('is accepted answer by answer, and the flow leaves out what the example does not need', () => {
    expect(asked).toContain('institution.name');
    // Not evaluated by a third party, everything in-house: their follow-up questions are never asked.
    expect(asked).not.toContain('institution.evaluation-body');
    expect(asked).not.toContain('institution.certified-on');
    expect(asked).not.toContain('contractors.list');
    expect(answers['contractors.list']).toMatchObject({ kind: 'na', auto: true });
  });
});

describe('the filled form PDF', () => {
  test('carries the form title, the 更新情報 box with the entered 最終更新日 2024年4月1日, and the instructions', () => {
    expect(text).toContain(squash('運営についての重要事項に関する規程の概要[保健指導機関]'));
    expect(text).toContain('更新情報最終更新日2024年4月1日');
    // Entered as a field, it prints in the box only, not again as a row of the form.
    expect(text.match(/2024年4月1日/g)).toHaveLength(1);
    expect(text).not.toContain('2026年11月22日');
    expect(text).toContain(squash('*選択肢の項目については、□を■にするか、該当する選択肢のみ残す（非該当は削除）こと。'));
  });

  test('prints every filled row of the seed as the seed prints it', () => {
    const start = seedLines.findIndex((l) => l.startsWith('機関情報'));
    const rows = seedLines.slice(start).filter((l) => l.includes('\t') && !NOT_VALUES.some(([pattern]) => pattern.test(l)));
    expect(rows.length).toBeGreaterThan(50);
    const missing = rows.map(asPrinted).filter((row) => !text.includes(row));
    expect(missing).toEqual([]);
  });

  test('prints 所在地 and 実施日及び実施時間 by value', () => {
    expect(text).toContain('所在地（郵便番号）注1)231-8553');
    expect(text).toContain(squash('所在地（住所）注1)神奈川県横浜市中区山下町268番地'));
    expect(text).toContain(squash('特定時期 通年 平日 8:00-16:00'));
  });

  test('prints the partner contractors table empty, since everything is done in-house', () => {
    expect(text).toContain(squash('協力業者名・委託部分注10) 業者名 委託部分 1 2 3 4 5 6 7 8'));
  });

  test('prints the notes of each section under it, verbatim', () => {
    for (const section of flow.sections)
      for (const note of section.notes) expect(text, note.id).toContain(squash(`${note.id}) ${note.text.ja}`));
  });

  test('sums the staff table without counting the sports physicians twice', () => {
    expect(text).toContain('計7人人1人人人人');
  });

  test('numbers its pages "n / N"', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page.pieces.map((p) => p.str)).toContain(`${i + 1} / ${pages.length}`));
  });
});
