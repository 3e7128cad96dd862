// Events the engine accepts. Validated with zod wherever they come from outside (Slack payloads, CLI).
import { z } from 'zod';
import { answerSchema, isoDateSchema } from '../flow/answer.ts';

export const engineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('START') }),
  /** Leave a section's introduction and ask its first question. */
  z.object({ type: z.literal('CONTINUE') }),
  /** Answer the current question (`today` in the facility's time zone, for date rules). */
  z.object({ type: z.literal('ANSWER'), itemId: z.string(), answer: answerSchema, today: isoDateSchema }),
  /** Change an earlier answer explicitly, without moving the current position. */
  z.object({ type: z.literal('REVISE'), itemId: z.string(), answer: answerSchema, today: isoDateSchema }),
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
]);
export type EngineEvent = z.output<typeof engineEventSchema>;
