// Which managers answer for which facilities: a person may answer for several, a facility may have
// several managers. Leads assign and unassign; the rows only ever name people and facilities of the
// same organization (composite foreign keys).
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { isoNow, type Clock } from './clock.ts';
import { facilitySchema, type Facility } from './facilities-repo.ts';
import { personSchema, type Person } from './people-repo.ts';
import { readStored } from './stored-record.ts';

export type FacilityManagersRepo = ReturnType<typeof createFacilityManagersRepo>;

export function createFacilityManagersRepo(db: Database.Database, clock: Clock) {
  const assign = db.prepare<[string, string, string, string]>(
    `INSERT INTO facility_managers (organization_id, facility_id, person_id, assigned_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (facility_id, person_id) DO NOTHING`,
  );
  const unassign = db.prepare<[string, string, string]>(
    'DELETE FROM facility_managers WHERE organization_id = ? AND facility_id = ? AND person_id = ?',
  );
  const facilitiesOf = db.prepare<[string, string]>(
    `SELECT f.id, f.organization_id AS organizationId, f.name, f.time_zone AS timeZone, f.created_at AS createdAt,
       f.archived_at AS archivedAt
     FROM facility_managers m JOIN facilities f ON f.id = m.facility_id
     WHERE m.organization_id = ? AND m.person_id = ? ORDER BY f.name, f.id`,
  );
  const managersOf = db.prepare<[string, string]>(
    `SELECT p.id, p.organization_id AS organizationId, p.slack_user_id AS slackUserId, p.display_name AS displayName,
       p.locale, p.role, p.created_at AS createdAt
     FROM facility_managers m JOIN people p ON p.id = m.person_id
     WHERE m.organization_id = ? AND m.facility_id = ? ORDER BY p.display_name, p.id`,
  );
  const pairs = db.prepare<[string]>('SELECT facility_id AS facilityId, person_id AS personId FROM facility_managers WHERE organization_id = ?');
  const pairSchema = z.object({ facilityId: z.string(), personId: z.string() });

  return {
    /** True when the assignment is new. */
    assign(organizationId: string, facilityId: string, personId: string): boolean {
      return assign.run(organizationId, facilityId, personId, isoNow(clock)).changes === 1;
    },

    /** True when there was an assignment to remove. */
    unassign(organizationId: string, facilityId: string, personId: string): boolean {
      return unassign.run(organizationId, facilityId, personId).changes === 1;
    },

    /** The person's facilities, archived ones included (callers decide what an archived one means). */
    facilitiesOf(organizationId: string, personId: string): Facility[] {
      return facilitiesOf.all(organizationId, personId).map((row) => readStored(facilitySchema, row, { table: 'facilities', key: { personId } }));
    },

    managersOf(organizationId: string, facilityId: string): Person[] {
      return managersOf.all(organizationId, facilityId).map((row) => readStored(personSchema, row, { table: 'people', key: { facilityId } }));
    },

    /** Every assignment of the organization (for the lists leads see). */
    all(organizationId: string): { facilityId: string; personId: string }[] {
      return pairs.all(organizationId).map((row) => readStored(pairSchema, row, { table: 'facility_managers', key: { organizationId } }));
    },
  };
}
