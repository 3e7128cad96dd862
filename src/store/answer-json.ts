// How an Answer is written to a JSON column. Canonical (sorted keys), so "same answer" is plain
// string equality and re-applying an unchanged answer is recognised and leaves no history row.
import { z } from 'zod';
import { answerSchema, type Answer } from '../flow/answer.ts';
import { InvalidAnswerError } from './errors.ts';
import { canonicalJson } from '../flow/model.ts';

/** Validates the answer (it may come straight from a Slack payload) and encodes it. */
export function encodeAnswer(itemId: string, answer: Answer): string {
  const parsed = answerSchema.safeParse(answer);
  if (!parsed.success) {
    throw new InvalidAnswerError(
      itemId,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`).join('; '),
    );
  }
  return canonicalJson(parsed.data);
}

/** A JSON column holding an answer, decoded and validated (use with readStored). */
export const storedAnswerJsonSchema = z
  .string()
  .transform((json, ctx): unknown => {
    try {
      return JSON.parse(json);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `invalid JSON (${(err as Error).message})` });
      return z.NEVER;
    }
  })
  .pipe(answerSchema);

