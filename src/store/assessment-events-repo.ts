// The lifecycle history of assessments (migration 0002): status transitions and follow-ups, append-only
// and hash-chained per assessment (migration 0004).
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { isoDateSchema } from '../flow/answer.ts';
import { answerChannelSchema, type AnswerChannel } from './answers-repo.ts';
import { assessmentStatusSchema, type AssessmentStatus } from './assessments-repo.ts';
import { assessmentEventsChain } from './chained-tables.ts';
import { isoNow, type Clock } from './clock.ts';
import { appendChained } from './hash-chain.ts';
import { readStored } from './stored-record.ts';

export const assessmentEventKindSchema = z.enum([
  'resume',
  'pause',
  'reopen',
  'submit',
  'resubmit',
  'approve',
  'return',
  'followup.done',
  'followup.reschedule',
]);
export type AssessmentEventKind = z.output<typeof assessmentEventKindSchema>;

/** What an event carries beyond who/when: the flagged items of a 差し戻し, the dates of a follow-up. */
export const eventDetailSchema = z
  .object({
    /** 差し戻し: the items the reviewer wants corrected, in flow order. */
    flaggedItems: z.array(z.string()).optional(),
    /** Follow-ups: the 実施時期 the item had before. */
    plannedBefore: isoDateSchema.optional(),
    /** followup.done: the day it was done. */
    doneOn: isoDateSchema.optional(),
    /** followup.reschedule: the new 実施時期 and why. */
    plannedAfter: isoDateSchema.optional(),
    reason: z.string().optional(),
    recordedBy: z.string().optional(),
  })
  .strict();
export type EventDetail = z.output<typeof eventDetailSchema>;

const detailJsonSchema = z
  .string()
  .nullable()
  .transform((json, ctx): unknown => {
    if (json === null) return {};
    try {
      return JSON.parse(json);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `invalid JSON (${(err as Error).message})` });
      return z.NEVER;
    }
  })
  .pipe(eventDetailSchema);

export const assessmentEventSchema = z.object({
  id: z.number().int(),
  assessmentId: z.string(),
  kind: assessmentEventKindSchema,
  fromStatus: assessmentStatusSchema,
  toStatus: assessmentStatusSchema,
  /** The revision the assessment has after this event. */
  revision: z.number().int(),
  personId: z.string().nullable(),
  channel: answerChannelSchema,
  itemId: z.string().nullable(),
  comment: z.string().nullable(),
  detail: detailJsonSchema,
  at: z.string(),
});
export type AssessmentEvent = z.output<typeof assessmentEventSchema>;

export interface NewAssessmentEvent {
  assessmentId: string;
  kind: AssessmentEventKind;
  fromStatus: AssessmentStatus;
  toStatus: AssessmentStatus;
  revision: number;
  personId: string | null;
  channel: AnswerChannel;
  itemId?: string;
  comment?: string;
  detail?: EventDetail;
}

const columns = `id, assessment_id AS assessmentId, kind, from_status AS fromStatus, to_status AS toStatus, revision,
  person_id AS personId, channel, item_id AS itemId, comment, detail_json AS detail, at`;

export type AssessmentEventsRepo = ReturnType<typeof createAssessmentEventsRepo>;

export function createAssessmentEventsRepo(db: Database.Database, clock: Clock) {
  const byId = db.prepare<[number]>(`SELECT ${columns} FROM assessment_events WHERE id = ?`);
  const all = db.prepare<[string]>(`SELECT ${columns} FROM assessment_events WHERE assessment_id = ? ORDER BY id`);
  const read = (row: unknown, assessmentId: string) =>
    readStored(assessmentEventSchema, row, { table: 'assessment_events', key: { assessmentId } });

  return {
    append(e: NewAssessmentEvent): AssessmentEvent {
      const detail = e.detail ? eventDetailSchema.parse(e.detail) : undefined;
      // Hash-chained per assessment (hash-chain.ts); a savepoint inside the caller's transaction.
      const link = db.transaction(() =>
        appendChained(db, assessmentEventsChain, {
          assessment_id: e.assessmentId,
          kind: e.kind,
          from_status: e.fromStatus,
          to_status: e.toStatus,
          revision: e.revision,
          person_id: e.personId,
          channel: e.channel,
          item_id: e.itemId ?? null,
          comment: e.comment ?? null,
          detail_json: detail && Object.keys(detail).length ? JSON.stringify(detail) : null,
          at: isoNow(clock),
        }),
      ).immediate();
      const row = byId.get(link!.rowId);
      return read(row, e.assessmentId);
    },

    /** Every event of the assessment, oldest first. */
    list(assessmentId: string): AssessmentEvent[] {
      return all.all(assessmentId).map((row) => read(row, assessmentId));
    },
  };
}
