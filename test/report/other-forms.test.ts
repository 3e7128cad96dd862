// The same renderer serves any status checklist: the 8 measures of the オンライン資格確認 別表 with its own
// template, English for staff who read it better, and templates that say what is wrong with them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import { loadFlowFile } from '../../src/flow/loader.ts';
import { renderChecklistPdf } from '../../src/report/checklist-pdf.ts';
import { loadChecklistTemplate } from '../../src/report/checklist-template.ts';
import { ReportTemplateError } from '../../src/report/errors.ts';
import { smallFlow } from './fixtures/small-flow.ts';
import { formRows } from './helpers/form-rows.ts';
import { readPdfText, squash } from './helpers/pdf-text.ts';

const facts = { facilityName: 'さくら歯科医院', respondentName: '佐藤 一郎', updatedOn: '2026-11-22', assessmentId: 'asm-other' };

describe('the 8 security measures of the オンライン資格確認 別表', () => {
  const flow = loadFlowFile(new URL('../../flows/online-qualification-measures.yaml', import.meta.url).pathname);
  const answers: Answers = {
    'scope.wireless-lan': { kind: 'yesno', value: false },
    'measures.1': { kind: 'done' },
    'measures.2': { kind: 'done' },
    'measures.3': { kind: 'planned', date: '2027-03-31' },
    'measures.4': { kind: 'done' },
    'measures.5': { kind: 'done' },
    'measures.6': { kind: 'done' },
    'measures.8': { kind: 'done' },
  };

  test('prints its own title and all 8 measures, measure 7 as 該当なし when wireless LAN is not used', async () => {
    const template = loadChecklistTemplate('checklist-pdf-measures');
    const pages = await readPdfText(await renderChecklistPdf({ flow, answers, ...facts, template: 'checklist-pdf-measures' }));
    const rows = formRows(pages, template);
    expect(rows.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(squash(rows[2]!.planned)).toBe('■(2027年3月31日)');
    expect(rows[6]!.status).toContain('該当なし');
    expect(rows[6]!.text.split('\n').filter((l) => l.startsWith('・'))).toHaveLength(3);
    const text = squash(pages.flatMap((p) => p.pieces.map((x) => x.str)).join(''));
    expect(text).toContain(squash('オンライン資格確認等システム及びレセプトのオンライン請求システムに係る安全対策（別表）'));
    expect(text).toContain(squash('■ 実施予定の安全対策がある'));
    expect(text).not.toContain('最低限のガイドライン');
  });
});

describe('in English', () => {
  test('uses the English headings, texts where the flow has them, and YYYY/MM/DD dates', async () => {
    const flow = loadFlowFile(new URL('../../flows/mhlw-minimum-5.2.yaml', import.meta.url).pathname);
    const pages = await readPdfText(
      await renderChecklistPdf({ flow, answers: { 'physical.5': { kind: 'planned', date: '2027-03-31' } }, ...facts, locale: 'en' }),
    );
    const text = pages.flatMap((p) => p.pieces.map((x) => x.str)).join('\n');
    for (const heading of ['Checklist item', 'Done', 'Planned (date)', 'Last updated', 'Summary of answers'])
      expect(text).toContain(heading);
    expect(text).toContain('Organizational safety management measures');
    expect(text).toContain('■ (2027/03/31)');
    expect(text).toContain('2026/11/22');
  });
});

describe('an assessment printed before every item is answered', () => {
  test('leaves both boxes empty (□ □) for open items and still marks gated-off ones 該当なし', async () => {
    const template = loadChecklistTemplate();
    const pages = await readPdfText(
      await renderChecklistPdf({
        flow: smallFlow(),
        answers: { 'scope.wifi': { kind: 'yesno', value: false }, 'basics.1': { kind: 'done' } },
        ...facts,
      }),
    );
    const rows = formRows(pages, template);
    expect(rows.map((r) => [r.number, r.done, squash(r.planned)])).toEqual([
      ['1.', '■', '□()'],
      ['2.', '□', '□()'],
      ['3.', expect.not.stringMatching(/[■□]/), expect.not.stringMatching(/[■□]/)],
      ['1.', '□', '□()'],
    ]);
    expect(squash(rows[2]!.status)).toContain('該当なし');
    expect(squash(rows[2]!.status)).toContain('理由：無線LANを利用していないため');
    expect(squash(pages[0]!.pieces.map((p) => p.str).join(''))).toContain('未回答2');
  });
});

describe('report templates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-templates-'));
  const write = (name: string, yaml: string) => writeFileSync(join(dir, `${name}.yaml`), yaml);
  write('checklist-pdf', readFileSync(new URL('../../templates/checklist-pdf.yaml', import.meta.url), 'utf8'));

  test('a second form only lists what differs from the template it extends', () => {
    const base = loadChecklistTemplate('checklist-pdf');
    const measures = loadChecklistTemplate('checklist-pdf-measures');
    expect(measures.checklistTable.columns).toEqual({ ...base.checklistTable.columns, number: 26 });
    expect(measures.texts.attachmentLabel).toBeNull();
    expect(measures.texts.columns.done).toEqual(base.texts.columns.done);
  });

  test('a template with a wrong value says which key and what is expected', () => {
    write('broken', 'extends: checklist-pdf\nrule: { color: red }\nfontSizes: { body: -1 }\n');
    const load = () => loadChecklistTemplate('broken', dir);
    expect(load).toThrow(ReportTemplateError);
    try {
      load();
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('broken.yaml');
      expect(message).toMatch(/rule\.color: a colour as #rrggbb/);
      expect(message).toMatch(/fontSizes\.body/);
    }
  });

  test('a template that extends itself in a circle is refused', () => {
    write('loop-a', 'extends: loop-b\n');
    write('loop-b', 'extends: loop-a\n');
    expect(() => loadChecklistTemplate('loop-a', dir)).toThrow(/extends loops: loop-a → loop-b → loop-a/);
  });

  test('an unknown template name lists the templates there are', () => {
    expect(() => loadChecklistTemplate('no-such-form')).toThrow(/no such report template "no-such-form"; known: .*checklist-pdf/);
  });

  test('columns that leave no room for チェック項目 are refused', () => {
    write('too-wide', 'extends: checklist-pdf\nchecklistTable: { columns: { planned: 400 } }\n');
    expect(() => loadChecklistTemplate('too-wide', dir)).toThrow(
      /checklistTable\.columns: number \+ done \+ planned \(474pt\) leave too little of the 515pt line for チェック項目/,
    );
  });
});
