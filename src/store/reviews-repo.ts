// The review history of submitted assessments: one decision per round (承認 or 差し戻し with comments and
// flagged items), append-only; and the review requests posted to the leads, so a decision closes them all.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { answerChannelSchema } from './answers-repo.ts';
import { reviewDecisionsChain } from './chained-tables.ts';
import { appendChained } from './hash-chain.ts';
import { isoNow, type Clock } from './clock.ts';
import { readStored, readStoredJson } from './stored-record.ts';

export const reviewFlagSchema = z.object({ itemId: z.string().min(1), comment: z.string() }).strict();
export type ReviewFlag = z.output<typeof reviewFlagSchema>;

export const reviewDecisionKindSchema = z.enum(['approved', 'returned']);
export type ReviewDecisionKind = z.output<typeof reviewDecisionKindSchema>;

export const reviewDecisionSchema = z.object({
  id: z.number().int(),
  organizationId: z.string(),
  assessmentId: z.string(),
  round: z.number().int().min(1),
  decision: reviewDecisionKindSchema,
  comment: z.string().nullable(),
  flags: z.array(reviewFlagSchema),
  reviewerId: z.string(),
  /** The reviewer approved their own submission, allowed only because they were the only lead. */
  ownSubmission: z.boolean(),
  channel: answerChannelSchema,
  at: z.string(),
  /** 差し戻し only: the answers the reviewer saw (canonical JSON), the base of the next round's diff. */
  answersJson: z.string().nullable(),
});
export type ReviewDecision = z.output<typeof reviewDecisionSchema>;

export interface NewReviewDecision {
  organizationId: string;
  assessmentId: string;
  round: number;
  decision: ReviewDecisionKind;
  comment?: string | undefined;
  flags?: ReviewFlag[] | undefined;
  reviewerId: string;
  ownSubmission: boolean;
  channel: z.output<typeof answerChannelSchema>;
  answersJson?: string | undefined;
}

const rowSchema = reviewDecisionSchema.omit({ flags: true, ownSubmission: true }).extend({ flagsJson: z.string(), ownSubmission: z.number() });
const messageSchema = z.object({ assessmentId: z.string(), round: z.number().int(), channelId: z.string(), ts: z.string() });
export type ReviewMessageRef = z.output<typeof messageSchema>;

const columns = `id, organization_id AS organizationId, assessment_id AS assessmentId, round, decision, comment,
  flags_json AS flagsJson, reviewer_id AS reviewerId, own_submission AS ownSubmission, channel, at, answers_json AS answersJson`;

export type ReviewsRepo = ReturnType<typeof createReviewsRepo>;

export function createReviewsRepo(db: Database.Database, clock: Clock) {
  const ofAssessment = db.prepare<[string]>(`SELECT ${columns} FROM review_decisions WHERE assessment_id = ? ORDER BY round, id`);
  const ofRound = db.prepare<[string, number]>(`SELECT ${columns} FROM review_decisions WHERE assessment_id = ? AND round = ?`);
  const insertMessage = db.prepare<[string, number, string, string]>(
    'INSERT OR IGNORE INTO review_messages (assessment_id, round, channel_id, ts) VALUES (?, ?, ?, ?)',
  );
  const messages = db.prepare<[string, number]>(
    'SELECT assessment_id AS assessmentId, round, channel_id AS channelId, ts FROM review_messages WHERE assessment_id = ? AND round = ?',
  );

  const read = (row: unknown, assessmentId: string): ReviewDecision => {
    const where = { table: 'review_decisions', key: { assessmentId } };
    const { flagsJson, ownSubmission, ...rest } = readStored(rowSchema, row, where);
    return { ...rest, ownSubmission: ownSubmission === 1, flags: readStoredJson(z.array(reviewFlagSchema), flagsJson, where) };
  };

  return {
    /** The decision of that round; undefined when another decision of the round was recorded first. */
    record(input: NewReviewDecision): ReviewDecision | undefined {
      // Hash-chained per assessment (hash-chain.ts); a second decision of the round is skipped.
      const link = db.transaction(() =>
        appendChained(db, reviewDecisionsChain, {
          organization_id: input.organizationId,
          assessment_id: input.assessmentId,
          round: input.round,
          decision: input.decision,
          comment: input.comment ?? null,
          flags_json: JSON.stringify(input.flags ?? []),
          reviewer_id: input.reviewerId,
          own_submission: input.ownSubmission ? 1 : 0,
          answers_json: input.answersJson ?? null,
          channel: input.channel,
          at: isoNow(clock),
        }),
      ).immediate();
      if (!link) return undefined;
      return read(ofRound.get(input.assessmentId, input.round), input.assessmentId);
    },

    history(assessmentId: string): ReviewDecision[] {
      return ofAssessment.all(assessmentId).map((row) => read(row, assessmentId));
    },

    decisionOf(assessmentId: string, round: number): ReviewDecision | undefined {
      const row = ofRound.get(assessmentId, round);
      return row === undefined ? undefined : read(row, assessmentId);
    },

    rememberMessage(ref: ReviewMessageRef): void {
      insertMessage.run(ref.assessmentId, ref.round, ref.channelId, ref.ts);
    },

    messagesOf(assessmentId: string, round: number): ReviewMessageRef[] {
      return messages.all(assessmentId, round).map((row) => readStored(messageSchema, row, { table: 'review_messages', key: { assessmentId } }));
    },
  };
}
