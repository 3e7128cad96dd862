// The policy document template (templates/<name>.yaml with `renderer: policy`): the full text of a model
// policy as articles of paragraphs, lists and tables, with {placeholders} filled from a flow's answers and
// blocks printed only when the answers meet their `when`. Layout values live beside the text.
import { z } from 'zod';
import { findItem, type Flow } from '../../flow/model.ts';
import { conditionSchema, localizedSchema } from '../../flow/schema.ts';
import { ReportTemplateError } from '../errors.ts';
import { approvalTextsSchema } from '../pdf/approval-rows.ts';
import { cachedTemplateLoader } from '../template-file.ts';
import {
  cellPaddingSchema,
  colorSchema,
  lineHeightSchema,
  pageSchema,
  pointsOrZeroSchema,
  pointsSchema,
  ruleSchema,
} from '../template-parts.ts';

/** A {name} in the text: an answer (an option's wording, a date as 令和…), or the first case whose `when` holds. */
export const placeholderSchema = z.union([
  z
    .object({
      item: z.string(),
      options: z.record(z.string(), localizedSchema).optional(),
      date: z.enum(['wareki', 'kanji']).optional(),
    })
    .strict(),
  z
    .object({ cases: z.array(z.object({ when: conditionSchema.optional(), text: localizedSchema }).strict()).min(1) })
    .strict(),
]);
export type PlaceholderSpec = z.output<typeof placeholderSchema>;

const widthsSchema = z.array(pointsSchema).min(1);
const when = { when: conditionSchema.optional() };

const blockSchema = z.union([
  z.object({ paragraph: localizedSchema, ...when }).strict(),
  z.object({ list: z.array(localizedSchema).min(1), ...when }).strict(),
  z
    .object({
      table: z
        .object({ widths: widthsSchema, header: z.array(localizedSchema).optional(), rows: z.array(z.array(localizedSchema).min(1)).min(1) })
        .strict(),
      ...when,
    })
    .strict(),
  /** Numbered measures; with a related assessment, a status column from its answers (item per row). */
  z
    .object({
      statusTable: z
        .object({
          related: z.string(),
          widths: z.tuple([pointsSchema, pointsSchema, pointsSchema]),
          header: z.object({ number: localizedSchema, text: localizedSchema, status: localizedSchema }).strict(),
          basis: localizedSchema,
          rows: z.array(z.object({ number: z.string(), item: z.string(), text: localizedSchema }).strict()).min(1),
        })
        .strict(),
      ...when,
    })
    .strict(),
]);
export type PolicyTemplateBlock = z.output<typeof blockSchema>;

export const policyTemplateSchema = z
  .object({
    renderer: z.literal('policy'),
    page: pageSchema,
    fontSizes: z
      .object({ title: pointsSchema, facility: pointsSchema, heading: pointsSchema, body: pointsSchema, table: pointsSchema, small: pointsSchema, footer: pointsSchema })
      .strict(),
    lineHeight: lineHeightSchema,
    cellPadding: cellPaddingSchema,
    rule: ruleSchema,
    colors: z.object({ text: colorSchema, muted: colorSchema, headerFill: colorSchema, labelFill: colorSchema }).strict(),
    spacing: z
      .object({
        afterTitle: pointsOrZeroSchema,
        afterFacility: pointsOrZeroSchema,
        beforeArticle: pointsOrZeroSchema,
        afterHeading: pointsOrZeroSchema,
        betweenBlocks: pointsOrZeroSchema,
        aroundTable: pointsOrZeroSchema,
      })
      .strict(),
    indent: z.object({ clause: pointsOrZeroSchema, list: pointsOrZeroSchema }).strict(),
    texts: z.object({ pageNumber: localizedSchema, clausePrefix: z.string() }).strict(),
    /** The approval box under the facility line (承認 | 承認者 | name, 承認日 | date, or 未承認); none without it. */
    approval: z.object({ texts: approvalTextsSchema, widths: z.tuple([pointsSchema, pointsSchema, pointsSchema]) }).strict().optional(),
    placeholders: z.record(z.string(), placeholderSchema),
    title: localizedSchema,
    subtitle: localizedSchema,
    articles: z
      .array(z.object({ heading: localizedSchema, newPage: z.boolean().default(false), blocks: z.array(blockSchema).min(1) }).strict())
      .min(1),
  })
  .strict();
export type PolicyTemplate = z.output<typeof policyTemplateSchema>;

export const loadPolicyTemplate: (name: string, dir?: string) => PolicyTemplate = cachedTemplateLoader(policyTemplateSchema);

/**
 * The template's references into the flow: placeholder items exist, option maps cover every option (or the
 * policy would print an option id), and a statusTable names one of the flow's related entries.
 */
export function checkPolicyTemplate(template: PolicyTemplate, flow: Flow, file: string): void {
  const problems: { path: string; message: string }[] = [];
  for (const [name, spec] of Object.entries(template.placeholders)) {
    if (!('item' in spec)) continue;
    const ref = findItem(flow, spec.item);
    if (!ref) {
      problems.push({ path: `placeholders.${name}.item`, message: `flow "${flow.id}" has no item "${spec.item}"` });
      continue;
    }
    const answer = ref.item.answer;
    if (spec.options && answer.type === 'single') {
      const missing = answer.options.filter((o) => !(o.id in spec.options!)).map((o) => o.id);
      if (missing.length) problems.push({ path: `placeholders.${name}.options`, message: `no wording for option(s) ${missing.join(', ')} of "${spec.item}"` });
    }
    if (spec.date && answer.type !== 'date') problems.push({ path: `placeholders.${name}.date`, message: `"${spec.item}" is not a date` });
  }
  template.articles.forEach((article, a) =>
    article.blocks.forEach((block, b) => {
      if ('statusTable' in block && !(flow.related ?? []).some((r) => r.id === block.statusTable.related))
        problems.push({ path: `articles[${a}].blocks[${b}].statusTable.related`, message: `flow "${flow.id}" has no related entry "${block.statusTable.related}"` });
    }),
  );
  if (problems.length > 0) throw new ReportTemplateError(file, problems);
}
