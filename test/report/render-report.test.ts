// One call renders any assessment: the flow's `report:` names the template, and the template decides
// whether it is drawn as a checklist, a form or a policy. Mistakes in that chain say what to fix.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFlowFile } from '../../src/flow/loader.ts';
import type { Flow } from '../../src/flow/model.ts';
import { ReportInputError, ReportTemplateError } from '../../src/report/errors.ts';
import { checkFormTemplate, loadFormTemplate } from '../../src/report/form-template.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { reportRendererOf } from '../../src/report/report-renderer.ts';
import { mixedAnswers } from './fixtures/mixed-answers.ts';
import { readPdfText, squash } from './helpers/pdf-text.ts';

const flowFile = (id: string) => loadFlowFile(new URL(`../../flows/${id}.yaml`, import.meta.url).pathname);
const base = { facilityName: 'さくら内科医院', respondentName: '山田 花子', updatedOn: '2026-11-22', assessmentId: 'as_r1' };
const textOf = async (pdf: Uint8Array) => squash((await readPdfText(pdf)).flatMap((p) => p.pieces.map((x) => x.str)).join(''));

describe('renderReport', () => {
  it('draws a checklist flow as the checklist report', async () => {
    const flow = flowFile('mhlw-minimum-5.2');
    const text = await textOf(await renderReport({ ...base, flow, answers: mixedAnswers(flow) }));
    expect(text).toContain('回答結果のまとめ');
    expect(text).toContain('チェック項目');
  });

  it('draws a form flow through its form template', async () => {
    const flow = flowFile('agency-disclosure');
    const text = await textOf(await renderReport({ ...base, flow, answers: {} }));
    expect(text).toContain(squash('事業運営上開示すべき重要事項の概要[代行機関]'));
    expect(text).toContain('ガイドラインの遵守注8)');
  });

  it('knows each shipped template’s renderer', () => {
    expect(reportRendererOf('checklist-pdf')).toBe('checklist');
    expect(reportRendererOf('health-guidance-disclosure-pdf')).toBe('form');
    expect(reportRendererOf('agency-disclosure-pdf')).toBe('form');
    expect(reportRendererOf('security-policy')).toBe('policy');
  });

  it('refuses a form without a report template, and names the templates when one is unknown', async () => {
    const form = flowFile('agency-disclosure');
    const noReport: Flow = { ...form, report: undefined };
    await expect(renderReport({ ...base, flow: noReport, answers: {} })).rejects.toThrow(ReportInputError);
    await expect(renderReport({ ...base, flow: { ...form, report: 'no-such-template' }, answers: {} })).rejects.toThrow(
      /no such report template "no-such-template"; known: .*agency-disclosure-pdf/,
    );
  });
});

describe('a form template that no longer fits its flow', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-templates-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused with every broken reference and where it is', () => {
    const template = loadFormTemplate('agency-disclosure-pdf');
    const broken = {
      ...template,
      items: { ...template.items, 'basic.renamed': { label: { ja: 'x' } }, 'facilities.track-record-detail': { printInside: { item: 'facilities.track-record', option: 'maybe', format: { ja: '{value}' } } } },
      derived: [{ ...template.derived[0]!, related: 'nothing' }],
    };
    const run = () => checkFormTemplate(broken, flowFile('agency-disclosure'), 'agency-disclosure-pdf.yaml');
    expect(run).toThrow(ReportTemplateError);
    try {
      run();
    } catch (err) {
      expect((err as ReportTemplateError).problems).toEqual([
        { path: 'items.facilities.track-record-detail.printInside.option', message: '"facilities.track-record" has no option "maybe" (has: yes, no)' },
        { path: 'items.basic.renamed', message: 'flow "agency-disclosure" has no item "basic.renamed"' },
        { path: 'derived[0].related', message: 'flow "agency-disclosure" has no related entry "nothing"' },
      ]);
    }
  });

  it('reports YAML mistakes with the file and the path', () => {
    writeFileSync(join(dir, 'bad-form.yaml'), 'renderer: form\npage: { size: [1, 2] }\n');
    expect(() => loadFormTemplate('bad-form', dir)).toThrow(/bad-form\.yaml: page\.margin/);
  });
});
