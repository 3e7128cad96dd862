// Facilities (拠点): a multi-site operator assesses each site separately, so every assessment
// belongs to one facility of its organization.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { isValidTimeZone } from '../dates/calendar-date.ts';
import { isoNow, type Clock } from './clock.ts';
import { InvalidTimeZoneError, NotFoundError } from './errors.ts';
import { newId } from './ids.ts';
import { createOrganizationGuard } from './organization-guard.ts';
import { readStored } from './stored-record.ts';

export const facilitySchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  /** IANA zone; "today" for due dates and 実施予定 checks is computed in it. */
  timeZone: z.string(),
  createdAt: z.string(),
});
export type Facility = z.output<typeof facilitySchema>;

export const defaultFacilityTimeZone = 'Asia/Tokyo';

const columns = 'id, organization_id AS organizationId, name, time_zone AS timeZone, created_at AS createdAt';

export type FacilitiesRepo = ReturnType<typeof createFacilitiesRepo>;

export function createFacilitiesRepo(db: Database.Database, clock: Clock) {
  const requireOrganization = createOrganizationGuard(db);
  const insert = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO facilities (id, organization_id, name, time_zone, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (organization_id, name) DO NOTHING`,
  );
  const byName = db.prepare<[string, string]>(`SELECT ${columns} FROM facilities WHERE organization_id = ? AND name = ?`);
  const byId = db.prepare<[string, string]>(`SELECT ${columns} FROM facilities WHERE organization_id = ? AND id = ?`);
  const all = db.prepare<[string]>(`SELECT ${columns} FROM facilities WHERE organization_id = ? ORDER BY name, id`);

  const read = (row: unknown, key: Record<string, string>) => readStored(facilitySchema, row, { table: 'facilities', key });

  return {
    /**
     * The facility of that name, created on first use. `timeZone` only applies on creation: an
     * existing facility keeps its zone (changing it would move every stored due date).
     */
    ensure(organizationId: string, name: string, timeZone: string = defaultFacilityTimeZone): Facility {
      if (!isValidTimeZone(timeZone)) throw new InvalidTimeZoneError(timeZone);
      requireOrganization(organizationId);
      insert.run(newId('fac'), organizationId, name, timeZone, isoNow(clock));
      return read(byName.get(organizationId, name), { organizationId, name });
    },

    list(organizationId: string): Facility[] {
      return all.all(organizationId).map((row) => read(row, { organizationId }));
    },

    get(organizationId: string, id: string): Facility {
      const row = byId.get(organizationId, id);
      if (row === undefined) throw new NotFoundError('facility', { organizationId, id });
      return read(row, { id });
    },
  };
}
