// Events the engine accepts. Validated with zod wherever they come from outside (Slack payloads, CLI).
import { z } from 'zod';
import { answerSchema, isoDateSchema } from '../flow/answer.ts';

const answerFields = {
  itemId: z.string(),
  answer: answerSchema,
  /**
   * Given after the person saw how many answered items a gate change would hide and confirmed it; without
   * it such a change is refused with gate.hidesAnswers (count and items), so an adapter can ask.
   */
  confirmHide: z.boolean().optional(),
};

const navigation = [
  z.object({ type: z.literal('START') }),
  /** Leave a section's introduction and ask its first question. */
  z.object({ type: z.literal('CONTINUE') }),
  z.object({ type: z.literal('BACK') }),
  /** Leave the current question for later; it stays unanswered. */
  z.object({ type: z.literal('SKIP') }),
  z.object({ type: z.literal('PAUSE') }),
  z.object({ type: z.literal('RESUME') }),
  /** Jump to the review from anywhere in the walk-through. */
  z.object({ type: z.literal('REVIEW') }),
  /** From the review: answer one item again, then come back to the review. */
  z.object({ type: z.literal('EDIT'), itemId: z.string() }),
  z.object({ type: z.literal('CANCEL') }),
  z.object({ type: z.literal('SUBMIT') }),
] as const;

/** What a person does; the service adds `today` (in the facility's time zone) before the engine sees it. */
export const interactionSchema = z.discriminatedUnion('type', [
  ...navigation,
  /** Answer the current question. */
  z.object({ type: z.literal('ANSWER'), ...answerFields }),
  /** Change an earlier answer explicitly, without moving the current position. */
  z.object({ type: z.literal('REVISE'), ...answerFields }),
]);
export type Interaction = z.output<typeof interactionSchema>;

export const engineEventSchema = z.discriminatedUnion('type', [
  ...navigation,
  z.object({ type: z.literal('ANSWER'), ...answerFields, today: isoDateSchema }),
  z.object({ type: z.literal('REVISE'), ...answerFields, today: isoDateSchema }),
]);
export type EngineEvent = z.output<typeof engineEventSchema>;
