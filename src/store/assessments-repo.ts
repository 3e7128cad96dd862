// Assessments: one respondent working through one flow version for one facility. The engine's
// state travels as an opaque JSON snapshot; `revision` guards it against lost updates.
import type Database from 'better-sqlite3';
import { joinOrImmediateTransaction } from './immediate-transaction.ts';
import { z } from 'zod';
import type { Flow } from '../flow/model.ts';
import { isoNow, type Clock } from './clock.ts';
import { NotFoundError, StaleRevisionError } from './errors.ts';
import type { FacilitiesRepo } from './facilities-repo.ts';
import type { FlowVersionsRepo } from './flow-versions-repo.ts';
import { newId } from './ids.ts';
import type { PeopleRepo } from './people-repo.ts';
import { readStored } from './stored-record.ts';

export const assessmentStatusSchema = z.enum(['in_progress', 'paused', 'submitted', 'approved', 'returned']);
export type AssessmentStatus = z.output<typeof assessmentStatusSchema>;

/** Statuses in which the assessment waits on its respondent (a returned one needs corrections). */
export const openAssessmentStatuses = ['in_progress', 'paused', 'returned'] as const satisfies readonly AssessmentStatus[];

export const assessmentSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  facilityId: z.string(),
  respondentId: z.string(),
  flowId: z.string(),
  flowHash: z.string(),
  status: assessmentStatusSchema,
  /** Bumped by every saveEngineState; the compare-and-set token. */
  revision: z.number().int().nonnegative(),
  /** The engine layer's versioned envelope; the store only checks it is JSON. Null until first saved. */
  snapshotJson: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
});
export type Assessment = z.output<typeof assessmentSchema>;

/** An assessment as lists show it: everything but the engine state, which only a turn needs. */
export const assessmentSummarySchema = assessmentSchema.omit({ snapshotJson: true });
export type AssessmentSummary = z.output<typeof assessmentSummarySchema>;

export interface NewAssessment {
  organizationId: string;
  facilityId: string;
  respondentId: string;
  /** Saved to flow_versions (if not already there) so the assessment keeps this exact definition. */
  flow: Flow;
  snapshotJson?: string;
}

export interface EngineStateUpdate {
  /** The revision the engine restored from; the save is refused if the row has moved on. */
  expectedRevision: number;
  snapshotJson: string;
  status: AssessmentStatus;
  /** Given when a manager approves or returns: recorded as reviewed_by / reviewed_at / review_comment. */
  review?: { reviewerId: string; comment?: string };
}

const summaryColumns = `id, organization_id AS organizationId, facility_id AS facilityId, respondent_id AS respondentId,
  flow_id AS flowId, flow_hash AS flowHash, status, revision,
  created_at AS createdAt, updated_at AS updatedAt, submitted_at AS submittedAt, reviewed_by AS reviewedBy,
  reviewed_at AS reviewedAt, review_comment AS reviewComment`;
const columns = `${summaryColumns}, engine_snapshot_json AS snapshotJson`;

const openStatusList = openAssessmentStatuses.map((s) => `'${s}'`).join(', ');

export interface AssessmentsRepoDeps {
  facilities: FacilitiesRepo;
  people: PeopleRepo;
  flowVersions: FlowVersionsRepo;
}

export type AssessmentsRepo = ReturnType<typeof createAssessmentsRepo>;

export function createAssessmentsRepo(db: Database.Database, clock: Clock, deps: AssessmentsRepoDeps) {
  // One transaction wrapper per repository (better-sqlite3 builds one per db.transaction call), run IMMEDIATE.
  const immediately = joinOrImmediateTransaction(db);
  const insert = db.prepare(
    `INSERT INTO assessments (id, organization_id, facility_id, respondent_id, flow_id, flow_hash, status, revision,
       engine_snapshot_json, created_at, updated_at)
     VALUES (@id, @organizationId, @facilityId, @respondentId, @flowId, @flowHash, 'in_progress', 0,
       @snapshotJson, @now, @now)`,
  );
  const byId = db.prepare<[string, string]>(`SELECT ${columns} FROM assessments WHERE organization_id = ? AND id = ?`);
  // Lists read summaries (no engine state) along indexes that also give their order (migration 0005).
  const byRespondent = db.prepare<[string, string]>(
    `SELECT ${summaryColumns} FROM assessments WHERE organization_id = ? AND respondent_id = ? ORDER BY updated_at DESC, id`,
  );
  const byFacility = db.prepare<[string, string]>(
    `SELECT ${summaryColumns} FROM assessments WHERE organization_id = ? AND facility_id = ? ORDER BY updated_at DESC, id`,
  );
  const openByRespondent = db.prepare<[string, string]>(
    `SELECT ${summaryColumns} FROM assessments
     WHERE organization_id = ? AND respondent_id = ? AND status IN (${openStatusList})
     ORDER BY updated_at DESC, id`,
  );
  // Submitted ones, approved included (approval follows submission); the latest submission first.
  const latestSubmittedInOrganization = db.prepare<[string, string]>(
    `SELECT ${summaryColumns} FROM assessments
     WHERE organization_id = ? AND flow_id = ? AND status IN ('submitted', 'approved') AND submitted_at IS NOT NULL
     ORDER BY submitted_at DESC, id DESC LIMIT 1`,
  );
  const latestSubmittedAtFacility = db.prepare<[string, string, string]>(
    `SELECT ${summaryColumns} FROM assessments
     WHERE organization_id = ? AND flow_id = ? AND facility_id = ? AND status IN ('submitted', 'approved') AND submitted_at IS NOT NULL
     ORDER BY submitted_at DESC, id DESC LIMIT 1`,
  );
  // Whatever became of it since (approved, returned), the respondent's most recent submission.
  const latestSubmittedByRespondent = db.prepare<[string, string]>(
    `SELECT ${summaryColumns} FROM assessments
     WHERE organization_id = ? AND respondent_id = ? AND submitted_at IS NOT NULL
     ORDER BY submitted_at DESC, id DESC LIMIT 1`,
  );
  const organizationOf = db.prepare<[string]>('SELECT organization_id FROM assessments WHERE id = ?').pluck();
  const revisionOf = db.prepare<[string]>('SELECT revision FROM assessments WHERE id = ?').pluck();
  // In an UPDATE every right-hand side reads the old row, so `status <> 'submitted'` is the previous status.
  const compareAndSet = db.prepare(
    `UPDATE assessments SET
       revision = revision + 1,
       engine_snapshot_json = @snapshotJson,
       status = @status,
       submitted_at = CASE WHEN @status = 'submitted' AND status <> 'submitted' THEN @now ELSE submitted_at END,
       reviewed_by = CASE WHEN @reviewerId IS NULL THEN reviewed_by ELSE @reviewerId END,
       reviewed_at = CASE WHEN @reviewerId IS NULL THEN reviewed_at ELSE @now END,
       review_comment = CASE WHEN @reviewerId IS NULL THEN review_comment ELSE @reviewComment END,
       updated_at = @now
     WHERE id = @id AND revision = @expectedRevision
     RETURNING ${columns}`,
  );

  const read = (row: unknown, key: Record<string, string>) => readStored(assessmentSchema, row, { table: 'assessments', key });
  const readSummaries = (rows: unknown[]) =>
    rows.map((row) => readStored(assessmentSummarySchema, row, { table: 'assessments', key: {} }));

  return {
    /** Starts an assessment at revision 0, status in_progress. Facility and respondent must belong to the organization. */
    create(input: NewAssessment): Assessment {
      // IMMEDIATE: it reads before it writes (see Store.transaction); inside a caller's transaction it joins it.
      return immediately(() => {
        deps.facilities.get(input.organizationId, input.facilityId);
        deps.people.get(input.organizationId, input.respondentId);
        deps.flowVersions.save(input.flow);
        const id = newId('as');
        insert.run({
          id,
          organizationId: input.organizationId,
          facilityId: input.facilityId,
          respondentId: input.respondentId,
          flowId: input.flow.id,
          flowHash: input.flow.hash,
          snapshotJson: input.snapshotJson ?? null,
          now: isoNow(clock),
        });
        return read(byId.get(input.organizationId, id), { id });
      });
    },

    /** Only within the organization: another team's assessment is "not found", exactly like a missing one. */
    get(organizationId: string, id: string): Assessment {
      const row = byId.get(organizationId, id);
      if (row === undefined) throw new NotFoundError('assessment', { organizationId, id });
      return read(row, { id });
    },

    /** For operator tools (the CLI) that are given only an assessment id. */
    organizationOf(id: string): string | undefined {
      const org = organizationOf.get(id);
      return typeof org === 'string' ? org : undefined;
    },

    listForPerson(organizationId: string, respondentId: string): AssessmentSummary[] {
      return readSummaries(byRespondent.all(organizationId, respondentId));
    },

    listForFacility(organizationId: string, facilityId: string): AssessmentSummary[] {
      return readSummaries(byFacility.all(organizationId, facilityId));
    },

    /**
     * The most recently submitted (or approved) assessment of a flow in the organization, or at one of its
     * facilities; undefined when there is none. Flow versions do not matter: the id names the questionnaire.
     */
    latestSubmitted(organizationId: string, flowId: string, facilityId?: string): AssessmentSummary | undefined {
      const row =
        facilityId === undefined
          ? latestSubmittedInOrganization.get(organizationId, flowId)
          : latestSubmittedAtFacility.get(organizationId, flowId, facilityId);
      return row === undefined ? undefined : readStored(assessmentSummarySchema, row, { table: 'assessments', key: { organizationId, flowId } });
    },

    /** The respondent's most recently submitted assessment, whatever its status now; undefined when none. */
    latestSubmittedBy(organizationId: string, respondentId: string): AssessmentSummary | undefined {
      const row = latestSubmittedByRespondent.get(organizationId, respondentId);
      return row === undefined ? undefined : readStored(assessmentSummarySchema, row, { table: 'assessments', key: { organizationId, respondentId } });
    },

    /** The respondent's assessments still waiting on them (see openAssessmentStatuses), newest first. */
    listInProgress(organizationId: string, respondentId: string): AssessmentSummary[] {
      return readSummaries(openByRespondent.all(organizationId, respondentId));
    },

    /**
     * Compare-and-set of the engine state: succeeds only if the row is still at `expectedRevision`,
     * and returns the row at its new revision. Throws StaleRevisionError when another interaction won.
     */
    saveEngineState(id: string, update: EngineStateUpdate): Assessment {
      // IMMEDIATE: it reads before it writes (see Store.transaction); inside a caller's transaction it joins it.
      return immediately(() => {
        if (update.review) {
          const organizationId = organizationOf.get(id);
          if (typeof organizationId !== 'string') throw new NotFoundError('assessment', { id });
          deps.people.get(organizationId, update.review.reviewerId);
        }
        const row = compareAndSet.get({
          id,
          expectedRevision: update.expectedRevision,
          snapshotJson: update.snapshotJson,
          status: update.status,
          reviewerId: update.review?.reviewerId ?? null,
          reviewComment: update.review?.comment ?? null,
          now: isoNow(clock),
        });
        // Our own write, just made: the row is what we put there, so it is not validated again.
        if (row !== undefined) return row as Assessment;
        const actual = revisionOf.get(id);
        if (actual === undefined) throw new NotFoundError('assessment', { id });
        throw new StaleRevisionError(id, update.expectedRevision, Number(actual));
      });
    },
  };
}
