// What a person (or the skip logic) answered for one item. Stored as JSON in SQLite and carried in
// engine events, so it is validated with zod whenever it crosses a boundary.
import { z } from 'zod';
import { localizedSchema } from './schema.ts';

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const gridValueSchema = z.union([z.number(), z.boolean(), z.string()]).nullable();

const naFields = { kind: z.literal('na'), reason: localizedSchema.optional(), auto: z.boolean().optional() };

const otherAnswers = [
  /** 実施済; `on` is the day it was done when a 実施予定 item was followed up after 提出. */
  z.object({ kind: z.literal('done'), on: isoDateSchema.optional() }).strict(),
  z.object({ kind: z.literal('planned'), date: isoDateSchema }).strict(),
  z.object({ kind: z.literal('yesno'), value: z.boolean() }).strict(),
  z.object({ kind: z.literal('single'), value: z.string() }).strict(),
  z.object({ kind: z.literal('multi'), values: z.array(z.string()) }).strict(),
  z.object({ kind: z.literal('text'), value: z.string() }).strict(),
  z.object({ kind: z.literal('number'), value: z.number() }).strict(),
  z.object({ kind: z.literal('date'), value: isoDateSchema }).strict(),
  z.object({ kind: z.literal('grid'), cells: z.record(z.string(), z.record(z.string(), gridValueSchema)) }).strict(),
  /** An optional item deliberately left empty. */
  z.object({ kind: z.literal('blank') }).strict(),
] as const;

/** An answer a gate has put out of sight: any answer given by hand (a manual 該当なし included). */
export const hiddenAnswerSchema = z.discriminatedUnion('kind', [...otherAnswers, z.object(naFields).strict()]);
export type HiddenAnswer = z.output<typeof hiddenAnswerSchema>;

export const answerSchema = z.discriminatedUnion('kind', [
  ...otherAnswers,
  /**
   * 該当なし: chosen by hand where the flow allows it, or recorded by skip logic (`auto`). When the gate
   * hid an answer given by hand, `hidden` keeps it, and it comes back when the gate opens again.
   */
  z.object({ ...naFields, hidden: hiddenAnswerSchema.optional() }).strict(),
]);
export type Answer = z.output<typeof answerSchema>;
export type AnswerKind = Answer['kind'];

export const answersSchema = z.record(z.string(), answerSchema);
export type Answers = z.output<typeof answersSchema>;

/** The plain value a condition compares: status → 'done' | 'planned' | 'na'. */
export function comparableValue(answer: Answer | undefined): string | number | boolean | string[] | undefined {
  if (!answer) return undefined;
  switch (answer.kind) {
    case 'done':
    case 'planned':
    case 'na':
    case 'blank':
      return answer.kind;
    case 'yesno':
    case 'single':
    case 'text':
    case 'number':
    case 'date':
      return answer.value;
    case 'multi':
      return answer.values;
    case 'grid':
      return undefined;
  }
}
