// The checklist report template (templates/<name>.yaml): page geometry, column widths, font sizes,
// colours and every heading text, so a second form is a second template rather than new code.
import { rgb } from 'pdf-lib';
import { z } from 'zod';
import { localizedSchema } from '../flow/schema.ts';
import { ReportTemplateError } from './errors.ts';
import { cachedTemplateLoader, defaultTemplatesDir, readTemplateYaml, templateFile } from './template-file.ts';
import { approvalTextsSchema } from './pdf/approval-rows.ts';
import { DEFAULT_CHECKLIST_TEMPLATE } from './report-kind.ts';

const pt = z.number().positive();
const ptOrZero = z.number().min(0);
const colorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
  .transform((hex) => rgb(...([1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number])));

const summaryTextsSchema = z
  .object({
    title: localizedSchema,
    subtitle: localizedSchema,
    /** Under the 実施計画 heading when the plan is too long for the summary page and follows the form. */
    actionPlanAfterForm: localizedSchema,
    complianceLabel: localizedSchema,
    compliant: localizedSchema,
    notCompliant: localizedSchema,
    totals: localizedSchema,
    complianceRule: localizedSchema,
    scopeHeading: localizedSchema,
    unansweredScope: localizedSchema,
    sectionsHeading: localizedSchema,
    legend: z
      .object({ done: localizedSchema, planned: localizedSchema, na: localizedSchema, unanswered: localizedSchema })
      .strict(),
    sectionCounts: localizedSchema,
    sectionCountsHeading: localizedSchema,
    actionPlanHeading: localizedSchema,
    actionPlanColumns: z
      .object({ date: localizedSchema, section: localizedSchema, number: localizedSchema, item: localizedSchema })
      .strict(),
    noActionPlan: localizedSchema,
  })
  .strict();

/** The 「前回との比較」 page of a re-assessment (after the summary; left out when nothing changed). */
const comparisonTextsSchema = z
  .object({
    title: localizedSchema,
    previous: localizedSchema,
    columns: z
      .object({ number: localizedSchema, item: localizedSchema, previous: localizedSchema, current: localizedSchema, change: localizedSchema })
      .strict(),
    none: localizedSchema,
  })
  .strict();

export const checklistTemplateSchema = z
  .object({
    page: z
      .object({
        size: z.tuple([pt, pt]),
        margin: z.object({ top: ptOrZero, right: ptOrZero, bottom: ptOrZero, left: ptOrZero }).strict(),
      })
      .strict(),
    fontSizes: z
      .object({
        attachmentLabel: pt,
        title: pt,
        subtitle: pt,
        heading: pt,
        body: pt,
        tableHeader: pt,
        checkMark: pt,
        reason: pt,
        note: pt,
        footer: pt,
      })
      .strict(),
    lineHeight: z.number().min(1).max(3),
    cellPadding: z.object({ x: ptOrZero, y: ptOrZero }).strict(),
    rule: z.object({ color: colorSchema, width: pt }).strict(),
    spacing: z
      .object({
        afterTitle: ptOrZero,
        afterIntro: ptOrZero,
        afterInfoTable: ptOrZero,
        beforeSection: ptOrZero,
        afterHeading: ptOrZero,
        beforeNotes: ptOrZero,
        betweenNotes: ptOrZero,
      })
      .strict(),
    colors: z
      .object({
        text: colorSchema,
        muted: colorSchema,
        headerFill: colorSchema,
        labelFill: colorSchema,
        notApplicableFill: colorSchema,
        done: colorSchema,
        planned: colorSchema,
        na: colorSchema,
        unanswered: colorSchema,
      })
      .strict(),
    checklistTable: z.object({ columns: z.object({ number: pt, done: pt, planned: pt }).strict() }).strict(),
    infoTable: z.object({ columns: z.object({ label: pt, sublabel: pt }).strict() }).strict(),
    summary: z
      .object({
        enabled: z.boolean(),
        /** 最終更新日 / 回答ID values beside the facility and respondent. */
        factsValueColumn: pt,
        labelColumn: pt,
        countsColumn: pt,
        barHeight: pt,
        rowGap: ptOrZero,
        columnGap: ptOrZero,
        actionPlanColumns: z.object({ date: pt, section: pt, number: pt }).strict(),
      })
      .strict(),
    comparison: z
      .object({
        enabled: z.boolean(),
        /** The 項目 column takes the width left over. */
        columns: z.object({ number: pt, previous: pt, current: pt, change: pt }).strict(),
      })
      .strict(),
    texts: z
      .object({
        /** null drops the label inherited from a base template. */
        attachmentLabel: localizedSchema.nullable().optional(),
        title: localizedSchema.optional(),
        /** Paragraphs between the title and the 更新情報 box, as on the official form (its preamble and 「*」 instructions). */
        preamble: z.array(localizedSchema).default([]),
        /** The line under the 更新情報 box (「*下記事項に変更があった場合は…」); null drops an inherited one. */
        afterUpdateInfo: localizedSchema.nullable().optional(),
        updateInfo: localizedSchema,
        lastUpdated: localizedSchema,
        facility: localizedSchema,
        respondent: localizedSchema,
        assessmentId: localizedSchema,
        /** The approval box (承認者, 承認日 / 未承認); left out, no box is drawn. */
        approval: approvalTextsSchema.optional(),
        columns: z
          .object({ number: localizedSchema, item: localizedSchema, done: localizedSchema, planned: localizedSchema })
          .strict(),
        notApplicable: localizedSchema,
        notApplicableReason: localizedSchema,
        plannedDate: localizedSchema,
        noteReference: localizedSchema,
        note: localizedSchema,
        pageNumber: localizedSchema,
        footerRight: localizedSchema.optional(),
        summary: summaryTextsSchema,
        comparison: comparisonTextsSchema,
      })
      .strict(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const { number, done, planned } = t.checklistTable.columns;
    const content = t.page.size[0] - t.page.margin.left - t.page.margin.right;
    // Leave the チェック項目 column at least a third of the line, or most items become towers of text.
    if (number + done + planned > (content * 2) / 3)
      ctx.addIssue({
        code: 'custom',
        path: ['checklistTable', 'columns'],
        message: `number + done + planned (${number + done + planned}pt) leave too little of the ${content.toFixed(0)}pt line for チェック項目; keep them under ${((content * 2) / 3).toFixed(0)}pt`,
      });
    const c = t.comparison.columns;
    if (c.number + c.previous + c.current + c.change > content - 100)
      ctx.addIssue({
        code: 'custom',
        path: ['comparison', 'columns'],
        message: `number + previous + current + change (${c.number + c.previous + c.current + c.change}pt) leave under 100pt of the ${content.toFixed(0)}pt line for the 項目 column`,
      });
    const { labelColumn, countsColumn, columnGap } = t.summary;
    if (labelColumn + countsColumn + 2 * columnGap > content - 60)
      ctx.addIssue({
        code: 'custom',
        path: ['summary'],
        message: `labelColumn + countsColumn + 2 × columnGap (${labelColumn + countsColumn + 2 * columnGap}pt) leave under 60pt of the ${content.toFixed(0)}pt line for the bars`,
      });
  });
export type ChecklistTemplate = z.output<typeof checklistTemplateSchema>;

const loadMerged = cachedTemplateLoader(checklistTemplateSchema, (name, dir) => readMerged(name, dir, []));

/** Reads templates/<name>.yaml (following `extends`), validated; cached per process. */
export function loadChecklistTemplate(name: string = DEFAULT_CHECKLIST_TEMPLATE, dir: string = defaultTemplatesDir): ChecklistTemplate {
  return loadMerged(name, dir);
}

function readMerged(name: string, dir: string, chain: string[]): Record<string, unknown> {
  const file = templateFile(name, dir);
  if (chain.includes(name))
    throw new ReportTemplateError(file, [{ path: 'extends', message: `extends loops: ${[...chain, name].join(' → ')}` }]);
  const raw = readTemplateYaml(name, dir);
  if (!isPlainObject(raw)) throw new ReportTemplateError(file, [{ path: '', message: 'expected a mapping at the top level' }]);
  const { extends: base, ...own } = raw;
  if (base === undefined) return own;
  if (typeof base !== 'string') throw new ReportTemplateError(file, [{ path: 'extends', message: 'expected a template name' }]);
  return deepMerge(readMerged(base, dir, [...chain, name]), own);
}

/** Mappings merge key by key; anything else (lists, texts, numbers) replaces the base value. */
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
