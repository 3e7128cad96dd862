// A manager with no facility asked to start: the leads are told once per person, not on every attempt.
import type Database from 'better-sqlite3';
import { isoNow, type Clock } from './clock.ts';

export type FacilityRequestsRepo = ReturnType<typeof createFacilityRequestsRepo>;

export function createFacilityRequestsRepo(db: Database.Database, clock: Clock) {
  const insert = db.prepare<[string, string, string]>(
    `INSERT INTO facility_requests (organization_id, person_id, requested_at) VALUES (?, ?, ?)
     ON CONFLICT (organization_id, person_id) DO NOTHING`,
  );
  const forget = db.prepare<[string, string]>('DELETE FROM facility_requests WHERE organization_id = ? AND person_id = ?');
  return {
    /** True the first time this person asks (the leads should be told). */
    record(organizationId: string, personId: string): boolean {
      return insert.run(organizationId, personId, isoNow(clock)).changes === 1;
    },
    /** Once the person has a facility, a later loss of it is a new request. */
    clear(organizationId: string, personId: string): void {
      forget.run(organizationId, personId);
    },
  };
}
