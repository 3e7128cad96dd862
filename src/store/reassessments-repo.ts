// Which previous cycle an assessment follows and how it started (carried over or blank), and how each
// carried answer was confirmed. The answers themselves live in `answers`: a carried answer becomes this
// cycle's answer only when someone confirms it.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { AnswerAuthor } from './answers-repo.ts';
import { answerChannelSchema } from './answers-repo.ts';
import type { AssessmentsRepo } from './assessments-repo.ts';
import { isoNow, type Clock } from './clock.ts';
import { immediateTransaction } from './immediate-transaction.ts';
import { NotFoundError, ReassessmentLinkError } from './errors.ts';
import type { PeopleRepo } from './people-repo.ts';
import { readStored } from './stored-record.ts';

export const startModeSchema = z.enum(['carried', 'blank']);
export type StartMode = z.output<typeof startModeSchema>;

export const reassessmentSchema = z.object({
  assessmentId: z.string(),
  previousAssessmentId: z.string(),
  startMode: startModeSchema,
  createdAt: z.string(),
});
export type Reassessment = z.output<typeof reassessmentSchema>;

/** How a carried answer was confirmed: on the item itself, or with its section's 「すべて変更なし」. */
export type ConfirmationVia = { via: 'item' } | { via: 'section'; sectionId: string };

export const itemConfirmationSchema = z.object({
  id: z.number().int(),
  assessmentId: z.string(),
  itemId: z.string(),
  via: z.enum(['item', 'section']),
  sectionId: z.string().nullable(),
  personId: z.string(),
  channel: answerChannelSchema,
  at: z.string(),
});
export type ItemConfirmation = z.output<typeof itemConfirmationSchema>;

const linkColumns = `assessment_id AS assessmentId, previous_assessment_id AS previousAssessmentId, start_mode AS startMode,
  created_at AS createdAt`;
const confirmationColumns = `id, assessment_id AS assessmentId, item_id AS itemId, via, section_id AS sectionId,
  person_id AS personId, channel, at`;

export interface ReassessmentsRepoDeps {
  assessments: AssessmentsRepo;
  people: PeopleRepo;
}

export type ReassessmentsRepo = ReturnType<typeof createReassessmentsRepo>;

export function createReassessmentsRepo(db: Database.Database, clock: Clock, deps: ReassessmentsRepoDeps) {
  const insertLink = db.prepare(
    `INSERT INTO reassessments (assessment_id, previous_assessment_id, start_mode, created_at)
     VALUES (@assessmentId, @previousAssessmentId, @startMode, @at)`,
  );
  const linkOf = db.prepare<[string]>(`SELECT ${linkColumns} FROM reassessments WHERE assessment_id = ?`);
  const insertConfirmation = db.prepare(
    `INSERT INTO item_confirmations (assessment_id, item_id, via, section_id, person_id, channel, at)
     VALUES (@assessmentId, @itemId, @via, @sectionId, @personId, @channel, @at)`,
  );
  const confirmationsAll = db.prepare<[string]>(`SELECT ${confirmationColumns} FROM item_confirmations WHERE assessment_id = ? ORDER BY id`);
  const confirmationsOfItem = db.prepare<[string, string]>(
    `SELECT ${confirmationColumns} FROM item_confirmations WHERE assessment_id = ? AND item_id = ? ORDER BY id`,
  );

  // One transaction wrapper per repository (better-sqlite3 builds one per db.transaction call), run IMMEDIATE.
  const immediately = immediateTransaction(db);

  return {
    /**
     * Records that `assessmentId` follows `previousAssessmentId`: the same flow (any version) at the same
     * facility of the same organization, already submitted (or approved).
     */
    link(organizationId: string, assessmentId: string, previousAssessmentId: string, startMode: StartMode): Reassessment {
      return immediately(() => {
        const current = deps.assessments.get(organizationId, assessmentId);
        const previous = deps.assessments.get(organizationId, previousAssessmentId);
        if (previous.flowId !== current.flowId || previous.facilityId !== current.facilityId)
          throw new ReassessmentLinkError(assessmentId, previousAssessmentId, 'it is another checklist or another facility');
        if (previous.submittedAt === null || !['submitted', 'approved'].includes(previous.status))
          throw new ReassessmentLinkError(assessmentId, previousAssessmentId, `it is ${previous.status}, not submitted`);
        insertLink.run({ assessmentId, previousAssessmentId, startMode, at: isoNow(clock) });
        return readStored(reassessmentSchema, linkOf.get(assessmentId), { table: 'reassessments', key: { assessmentId } });
      });
    },

    /** The previous cycle this assessment follows; undefined for a first assessment. */
    of(assessmentId: string): Reassessment | undefined {
      const row = linkOf.get(assessmentId);
      return row === undefined ? undefined : readStored(reassessmentSchema, row, { table: 'reassessments', key: { assessmentId } });
    },

    /** Appends one confirmation per item, all at the same time; the answers are written by the caller. */
    recordConfirmations(assessmentId: string, itemIds: readonly string[], who: AnswerAuthor & { personId: string }, how: ConfirmationVia): ItemConfirmation[] {
      return immediately(() => {
        const link = linkOf.get(assessmentId);
        if (link === undefined) throw new NotFoundError('re-assessment', { assessmentId }, 'Only an assessment that carries answers over has confirmations.');
        const organizationId = deps.assessments.organizationOf(assessmentId)!;
        deps.people.get(organizationId, who.personId);
        const at = isoNow(clock);
        return itemIds.map((itemId) => {
          const sectionId = how.via === 'section' ? how.sectionId : null;
          const row = { assessmentId, itemId, via: how.via, sectionId, personId: who.personId, channel: who.channel, at };
          const { lastInsertRowid } = insertConfirmation.run(row);
          return { id: Number(lastInsertRowid), ...row };
        });
      });
    },

    /** Every confirmation, oldest first; only those of one item when `itemId` is given. */
    confirmations(assessmentId: string, itemId?: string): ItemConfirmation[] {
      const rows = itemId === undefined ? confirmationsAll.all(assessmentId) : confirmationsOfItem.all(assessmentId, itemId);
      return rows.map((row) => readStored(itemConfirmationSchema, row, { table: 'item_confirmations', key: { assessmentId } }));
    },
  };
}
