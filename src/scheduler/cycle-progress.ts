// Whether a facility has started or submitted a flow since a cycle's period began: what decides
// whether a cycle's prompt is still worth sending.
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
  const since = (periodStart: IsoDate, timeZone: string) => instantAt(periodStart, 0, timeZone).toISOString();
  return {
    started: (o: string, f: string, flow: string, periodStart: IsoDate, tz: string) => started.get(o, f, flow, since(periodStart, tz)) !== undefined,
    submitted: (o: string, f: string, flow: string, periodStart: IsoDate, tz: string) => submitted.get(o, f, flow, since(periodStart, tz)) !== undefined,
    /** The day a cycle's first prompt was due, or undefined when none was scheduled. */
    openedOn(facilityId: string, flowId: string, cycleKey: string): IsoDate | undefined {
      const v = openedOn.get(facilityId, flowId, cycleKey);
      return typeof v === 'string' ? v : undefined;
    },
  };
}
