// The flow file format. Every YAML file in flows/ is parsed with these schemas, so the types used by
// the engine, the store and the reports all come from here (z.infer), never written by hand.
import { z } from 'zod';

/** A user-facing text. In YAML either a plain string (Japanese) or `{ ja, en }`. */
export const localizedSchema = z
  .union([z.string().min(1), z.object({ ja: z.string().min(1), en: z.string().min(1).optional() }).strict()])
  .transform((v) => (typeof v === 'string' ? { ja: v } : v));
export type Localized = z.output<typeof localizedSchema>;

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-", starting with a letter or digit');

export const optionSchema = z
  .object({
    id: idSchema,
    label: localizedSchema,
    /** Choosing it clears every other option (「特に無し」). */
    exclusive: z.boolean().default(false),
  })
  .strict();
export type Option = z.output<typeof optionSchema>;

const statusAnswerSchema = z
  .object({
    type: z.literal('status'),
    /** Whether 該当なし may be chosen by hand (gated-off items are always 該当なし). */
    notApplicable: z.boolean().default(false),
    /** How far ahead a 実施予定 date may lie. */
    maxPlanYears: z.number().int().min(1).max(10).default(3),
  })
  .strict();

const yesNoAnswerSchema = z
  .object({
    type: z.literal('yesno'),
    yes: localizedSchema.default({ ja: '有', en: 'Yes' }),
    no: localizedSchema.default({ ja: '無', en: 'No' }),
  })
  .strict();

const singleAnswerSchema = z
  .object({ type: z.literal('single'), options: z.array(optionSchema).min(2) })
  .strict();

const multiAnswerSchema = z
  .object({
    type: z.literal('multi'),
    options: z.array(optionSchema).min(1),
    min: z.number().int().min(0).default(1),
    max: z.number().int().min(1).optional(),
  })
  .strict();

/**
 * Every text answer has a maximum length, checked when it is typed (text.tooLong) and kept under Slack's
 * 3000-character input limit. The defaults fit the report layouts; an item sets its own where the form has
 * less room (a telephone number) or needs more (a free description).
 */
export const DEFAULT_TEXT_MAX_LENGTH = 200;
export const DEFAULT_GRID_TEXT_MAX_LENGTH = 100;

const textAnswerSchema = z
  .object({
    type: z.literal('text'),
    maxLength: z.number().int().min(1).max(3000).default(DEFAULT_TEXT_MAX_LENGTH),
    multiline: z.boolean().default(false),
    placeholder: localizedSchema.optional(),
    /** A regular expression the whole answer must match (a 10-digit 機関番号), with what to tell the user. */
    pattern: z.string().min(1).optional(),
    patternHint: localizedSchema.optional(),
  })
  .strict();

const numberAnswerSchema = z
  .object({
    type: z.literal('number'),
    unit: localizedSchema.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(true),
  })
  .strict();

const dateAnswerSchema = z
  .object({
    type: z.literal('date'),
    /** Refuse dates before today (in the facility's time zone). */
    notPast: z.boolean().default(false),
    maxYearsAhead: z.number().int().min(1).max(100).optional(),
  })
  .strict();

export const gridCellSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('number'),
      unit: localizedSchema.optional(),
      min: z.number().default(0),
      max: z.number().optional(),
      integer: z.boolean().default(true),
    })
    .strict(),
  z.object({ kind: z.literal('check') }).strict(),
  z.object({ kind: z.literal('text'), maxLength: z.number().int().min(1).max(3000).default(DEFAULT_GRID_TEXT_MAX_LENGTH) }).strict(),
]);
export type GridCell = z.output<typeof gridCellSchema>;

const gridAxisSchema = z.array(z.object({ id: idSchema, label: localizedSchema }).strict()).min(1);

const gridAnswerSchema = z
  .object({
    type: z.literal('grid'),
    rows: gridAxisSchema,
    columns: gridAxisSchema,
    cell: gridCellSchema,
    /** Rows may be left entirely empty (e.g. "up to 8 contractors"). */
    emptyRowsAllowed: z.boolean().default(true),
    /** For check grids: how many checks each non-empty row must hold. */
    checksPerRow: z.object({ min: z.number().int().min(0).default(0), max: z.number().int().min(1).optional() }).strict().optional(),
    /** 「左記のうち」 (number grids): in every row, `column` may not exceed column `of`. */
    subsetColumns: z.array(z.object({ column: idSchema, of: idSchema }).strict()).optional(),
    /** 「上記のうち」 (number grids): in every column, `row` may not exceed row `of`. */
    subsetRows: z.array(z.object({ row: idSchema, of: idSchema }).strict()).optional(),
  })
  .strict();

export const answerSpecSchema = z.discriminatedUnion('type', [
  statusAnswerSchema,
  yesNoAnswerSchema,
  singleAnswerSchema,
  multiAnswerSchema,
  textAnswerSchema,
  numberAnswerSchema,
  dateAnswerSchema,
  gridAnswerSchema,
]);
export type AnswerSpec = z.output<typeof answerSpecSchema>;
export type AnswerType = AnswerSpec['type'];

/** Skip logic: a condition on earlier answers. Unknown keys are errors, so a typo cannot silently pass. */
export type Condition =
  | { item: string; equals: string | boolean | number }
  | { item: string; notEquals: string | boolean | number }
  | { item: string; in: (string | number)[] }
  | { item: string; includes: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const scalar = z.union([z.string(), z.boolean(), z.number()]);
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ item: z.string(), equals: scalar }).strict(),
    z.object({ item: z.string(), notEquals: scalar }).strict(),
    z.object({ item: z.string(), in: z.array(z.union([z.string(), z.number()])).min(1) }).strict(),
    z.object({ item: z.string(), includes: z.string() }).strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

/** A condition plus the 該当なし reason recorded for what it gates off. */
export const gateSchema = z
  .object({ condition: conditionSchema, reason: localizedSchema })
  .strict();
export type Gate = z.output<typeof gateSchema>;

export const noteSchema = z
  .object({
    /** As printed: 「注1」. */
    id: z.string().min(1),
    text: localizedSchema,
  })
  .strict();
export type Note = z.output<typeof noteSchema>;

export const itemSchema = z
  .object({
    id: idSchema,
    /** As printed on the form: 「1.」. Optional for form fields that carry no number. */
    number: z.string().optional(),
    text: localizedSchema,
    /** Ids of notes (in this section's `notes`) the item cites. */
    notes: z.array(z.string()).default([]),
    help: localizedSchema.optional(),
    answer: answerSpecSchema,
    required: z.boolean().default(true),
    when: gateSchema.optional(),
  })
  .strict();
export type ItemDef = z.output<typeof itemSchema>;

export const sectionSchema = z
  .object({
    id: idSchema,
    title: localizedSchema,
    intro: localizedSchema.optional(),
    /** Gate questions asked before the rest of the flow; printed as 前提 rather than as checklist rows. */
    kind: z.enum(['items', 'gates']).default('items'),
    notes: z.array(noteSchema).default([]),
    when: gateSchema.optional(),
    items: z.array(itemSchema).min(1),
  })
  .strict();
export type SectionDef = z.output<typeof sectionSchema>;

/**
 * Another flow whose latest submitted assessment this one draws on (the agency form's 「ガイドラインの遵守」
 * follows from the organisation's checklist). `required`: without one, adapters say `missing` and offer to
 * start `flow`.
 */
export const relatedFlowSchema = z
  .object({
    id: idSchema,
    flow: idSchema,
    scope: z.enum(['organization', 'facility']),
    required: z.boolean().optional(),
    missing: localizedSchema.optional(),
  })
  .strict();
export type RelatedFlow = z.output<typeof relatedFlowSchema>;

export const flowFileSchema = z
  .object({
    id: idSchema,
    version: z.union([z.string().min(1), z.number()]).transform(String),
    kind: z.enum(['checklist', 'form']).default('checklist'),
    title: localizedSchema,
    description: localizedSchema.optional(),
    /** Which report template renders it (templates/<report>.yaml); absent → generic. */
    report: z.string().optional(),
    source: z.string().optional(),
    /** Optional (no default), so flows without it keep their content hash. */
    related: z.array(relatedFlowSchema).optional(),
    sections: z.array(sectionSchema).min(1),
  })
  .strict();
export type FlowFile = z.output<typeof flowFileSchema>;
