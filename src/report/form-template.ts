// The layout of a `kind: form` flow's PDF (templates/<name>.yaml with `renderer: form`): geometry, sizes, the
// form's printed texts, and the few places where the paper form groups fields differently from the questions
// (a detail printed inside another field, several check grids as one table, a box derived from another
// assessment). Everything else follows from the flow, so a new form is a flow plus one of these files.
import { z } from 'zod';
import { localizedSchema } from '../flow/schema.ts';
import type { Flow } from '../flow/model.ts';
import { findItem } from '../flow/model.ts';
import { ReportTemplateError } from './errors.ts';
import {
  cellPaddingSchema,
  colorSchema,
  lineHeightSchema,
  pageSchema,
  pointsOrZeroSchema,
  pointsSchema,
  ruleSchema,
} from './template-parts.ts';
import { cachedTemplateLoader } from './template-file.ts';
import { approvalTextsSchema } from './pdf/approval-rows.ts';

const headerCellSchema = z
  .union([
    z.literal('').transform(() => ({ span: 1 })),
    localizedSchema.transform((text) => ({ text, span: 1 })),
    z.object({ text: localizedSchema.optional(), span: z.number().int().min(1).default(1) }).strict(),
  ])
  .transform((c) => c as { text?: z.output<typeof localizedSchema>; span: number });
/** Header rows of a table, top to bottom; a cell may span columns. */
const headerRowsSchema = z.array(z.array(headerCellSchema).min(1)).min(1);
export type HeaderRows = z.output<typeof headerRowsSchema>;

/** Relative column widths (scaled to the page), first the row-label column. */
const widthsSchema = z.array(pointsSchema).min(2);

const itemLayoutSchema = z
  .object({
    /** Printed instead of the item's question text. */
    label: localizedSchema.optional(),
    /**
     * Print this item's answer inside another field, as the form does (「実施（実施機関：○○）」): after the
     * option `option` of a choice item, or after the value of any other item. `{value}` is this answer;
     * `empty` is printed when there is none (default nothing).
     */
    printInside: z
      .object({ item: z.string(), option: z.string().optional(), format: localizedSchema, empty: localizedSchema.optional() })
      .strict()
      .optional(),
    /** Grids: `table` (default) below a label row, or `lines` (one line per row) in the value column. */
    layout: z.enum(['table', 'lines']).optional(),
    /** Grids as tables: print the label row above the table (default true). */
    labelRow: z.boolean().optional(),
    header: headerRowsSchema.optional(),
    widths: widthsSchema.optional(),
    /** Number grids: a row of column sums, leaving out rows that are part of another (「上記のうち」). */
    total: z.object({ label: localizedSchema, excludeRows: z.array(z.string()).default([]) }).strict().optional(),
    /** Choice items: one option per line instead of side by side. */
    optionsPerLine: z.boolean().optional(),
  })
  .strict();
export type ItemLayout = z.output<typeof itemLayoutSchema>;

/** Check grids with the same columns printed as one table: one column per item, its checks as ■/□ in the cell. */
const matrixSchema = z
  .object({
    items: z.array(z.string()).min(1),
    header: headerRowsSchema,
    widths: widthsSchema.optional(),
  })
  .strict();
export type MatrixLayout = z.output<typeof matrixSchema>;

/** A box not asked in the flow but derived from a related assessment. */
const derivedSchema = z
  .object({
    /** Printed as a row after this item. */
    after: z.string(),
    label: localizedSchema,
    /** The `id` of the flow's `related:` entry it comes from. */
    related: z.string(),
    rule: z.literal('minimum-guideline-compliance'),
    options: z.object({ compliant: localizedSchema, notCompliant: localizedSchema }).strict(),
    /** Which assessment it came from: {flowTitle} {facility} {date} {assessmentId}. */
    basis: localizedSchema,
    /** Printed when there is no submitted assessment yet. */
    missing: localizedSchema,
  })
  .strict();
export type DerivedLayout = z.output<typeof derivedSchema>;

export const formTemplateSchema = z
  .object({
    renderer: z.literal('form'),
    page: pageSchema,
    fontSizes: z
      .object({ title: pointsSchema, section: pointsSchema, label: pointsSchema, body: pointsSchema, small: pointsSchema, note: pointsSchema, footer: pointsSchema })
      .strict(),
    lineHeight: lineHeightSchema,
    cellPadding: cellPaddingSchema,
    rule: ruleSchema,
    colors: z
      .object({ text: colorSchema, muted: colorSchema, sectionFill: colorSchema, labelFill: colorSchema, headerFill: colorSchema })
      .strict(),
    /** Width of the field-label column; values take the rest of the line. */
    columns: z.object({ label: pointsSchema }).strict(),
    spacing: z
      .object({
        afterTitle: pointsOrZeroSchema,
        afterInstructions: pointsOrZeroSchema,
        afterUpdateInfo: pointsOrZeroSchema,
        beforeSection: pointsOrZeroSchema,
        beforeNotes: pointsOrZeroSchema,
        betweenNotes: pointsOrZeroSchema,
      })
      .strict(),
    texts: z
      .object({
        /** Leave out to print the flow's title. */
        title: localizedSchema.optional(),
        /** The form's 「*」 lines under the title. */
        instructions: z.array(localizedSchema).default([]),
        updateInfo: localizedSchema,
        lastUpdated: localizedSchema,
        updateNote: localizedSchema.optional(),
        /** The approval box (承認者, 承認日 / 未承認) under 更新情報; left out, no box is drawn. */
        approval: approvalTextsSchema.optional(),
        /** How a label cites a note: 「注1)」. */
        noteMark: localizedSchema,
        /** A note under its section: 「注1) …」. */
        note: localizedSchema,
        /** Between options printed side by side. */
        optionSeparator: z.string(),
        /** An empty date field, like the blank form. */
        blankDate: localizedSchema,
        pageNumber: localizedSchema,
        footerRight: localizedSchema.optional(),
      })
      .strict(),
    /** Per flow section: a printed title other than the flow's, a remark printed under the section. */
    sections: z
      .record(z.string(), z.object({ title: localizedSchema.optional(), remark: localizedSchema.optional() }).strict())
      .default({}),
    items: z.record(z.string(), itemLayoutSchema).default({}),
    /**
     * The flow's date item printed as 最終更新日 in the 更新情報 box (and nowhere else); when it is left blank,
     * or the template names none, the date of the answers is printed.
     */
    lastUpdatedItem: z.string().optional(),
    matrices: z.array(matrixSchema).default([]),
    derived: z.array(derivedSchema).default([]),
  })
  .strict();
export type FormTemplate = z.output<typeof formTemplateSchema>;

export const loadFormTemplate: (name: string, dir?: string) => FormTemplate = cachedTemplateLoader(formTemplateSchema);

/**
 * The template's references into the flow: items, sections, options, grid rows and related ids must exist
 * and matrices must be check grids. Checked at every render, so a renamed item fails loudly, not blankly.
 */
export function checkFormTemplate(template: FormTemplate, flow: Flow, file: string): void {
  const problems: { path: string; message: string }[] = [];
  const item = (path: string, id: string) => {
    const ref = findItem(flow, id);
    if (!ref) problems.push({ path, message: `flow "${flow.id}" has no item "${id}"` });
    return ref?.item;
  };
  for (const id of Object.keys(template.sections))
    if (!flow.sections.some((s) => s.id === id)) problems.push({ path: `sections.${id}`, message: `flow "${flow.id}" has no section "${id}"` });
  for (const [id, layout] of Object.entries(template.items)) {
    const own = item(`items.${id}`, id);
    const inside = layout.printInside;
    if (!inside) continue;
    const target = item(`items.${id}.printInside.item`, inside.item);
    if (!target || inside.option === undefined) continue;
    const spec = target.answer;
    const options = spec.type === 'single' || spec.type === 'multi' ? spec.options.map((o) => o.id) : spec.type === 'yesno' ? ['yes', 'no'] : [];
    if (!options.includes(inside.option))
      problems.push({ path: `items.${id}.printInside.option`, message: `"${inside.item}" has no option "${inside.option}" (has: ${options.join(', ') || 'none'})` });
    if (own && own.answer.type === 'grid') problems.push({ path: `items.${id}.printInside`, message: 'a grid cannot be printed inside another field' });
  }
  if (template.lastUpdatedItem !== undefined) {
    const found = item('lastUpdatedItem', template.lastUpdatedItem);
    if (found && found.answer.type !== 'date') problems.push({ path: 'lastUpdatedItem', message: `"${template.lastUpdatedItem}" is not a date item` });
  }
  template.matrices.forEach((matrix, m) =>
    matrix.items.forEach((id, i) => {
      const found = item(`matrices[${m}].items[${i}]`, id);
      if (found && (found.answer.type !== 'grid' || found.answer.cell.kind !== 'check'))
        problems.push({ path: `matrices[${m}].items[${i}]`, message: `"${id}" is not a check grid` });
    }),
  );
  template.derived.forEach((d, i) => {
    item(`derived[${i}].after`, d.after);
    if (!(flow.related ?? []).some((r) => r.id === d.related))
      problems.push({ path: `derived[${i}].related`, message: `flow "${flow.id}" has no related entry "${d.related}"` });
  });
  if (problems.length > 0) throw new ReportTemplateError(file, problems);
}
