// Whether a facility has started or submitted a flow since a cycle's period began, or has a submission
// sent back and not yet resubmitted: what decides whether, and when, a cycle's prompt is worth sending.
import type Database from 'better-sqlite3';
import type { IsoDate } from '../dates/calendar-date.ts';
import { instantAt } from './business-calendar.ts';

export type CycleProgress = ReturnType<typeof createCycleProgress>;

export function createCycleProgress(db: Database.Database) {
  const started = db
    .prepare<[string, string, string, string]>(
      `SELECT 1 FROM assessments WHERE organization_id = ? AND facility_id = ? AND flow_id = ?
         AND (created_at >= ? OR status IN ('in_progress', 'paused', 'returned')) LIMIT 1`,
    )
    .pluck();
  const submitted = db
    .prepare<[string, string, string, string]>(
      `SELECT 1 FROM assessments WHERE organization_id = ? AND facility_id = ? AND flow_id = ?
         AND status IN ('submitted', 'approved') AND submitted_at >= ? LIMIT 1`,
    )
    .pluck();
  const openedOn = db
    .prepare<[string, string, string]>(
      "SELECT min(due_date) FROM reminders WHERE facility_id = ? AND flow_id = ? AND cycle_key = ? AND kind = 'cycle' AND step = 'open'",
    )
    .pluck();
  // Assessments submitted once and sent back since (returned, or being revised): their latest 差し戻し.
  const returnedAt = db
    .prepare<[string, string, string]>(
      `SELECT max(e.at) FROM assessments a JOIN assessment_events e ON e.assessment_id = a.id AND e.kind = 'return'
       WHERE a.organization_id = ? AND a.flow_id = ? AND a.facility_id = ? AND a.submitted_at IS NOT NULL
         AND a.status NOT IN ('submitted', 'approved')`,
    )
    .pluck();
  const since = (periodStart: IsoDate, timeZone: string) => instantAt(periodStart, 0, timeZone).toISOString();
  return {
    started: (o: string, f: string, flow: string, periodStart: IsoDate, tz: string) => started.get(o, f, flow, since(periodStart, tz)) !== undefined,
    submitted: (o: string, f: string, flow: string, periodStart: IsoDate, tz: string) => submitted.get(o, f, flow, since(periodStart, tz)) !== undefined,
    /** When a submission of this facility's flow was sent back and is still waiting to be resubmitted (the latest such 差し戻し). */
    returnedAt(o: string, f: string, flow: string): string | undefined {
      const v = returnedAt.get(o, flow, f);
      return typeof v === 'string' ? v : undefined;
    },
    /** The day a cycle's first prompt was due, or undefined when none was scheduled. */
    openedOn(facilityId: string, flowId: string, cycleKey: string): IsoDate | undefined {
      const v = openedOn.get(facilityId, flowId, cycleKey);
      return typeof v === 'string' ? v : undefined;
    },
  };
}
