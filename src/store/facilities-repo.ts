// Facilities (拠点): a multi-site operator assesses each site separately, so every assessment
// belongs to one facility of its organization. Facilities are archived, never deleted.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { isValidTimeZone } from '../dates/calendar-date.ts';
import { isoNow, type Clock } from './clock.ts';
import { DuplicateFacilityNameError, InvalidTimeZoneError, NotFoundError } from './errors.ts';
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
  /** Set when a lead archived it: no new assessments start there; the old ones stay readable. */
  archivedAt: z.string().nullable(),
});
export type Facility = z.output<typeof facilitySchema>;

export const defaultFacilityTimeZone = 'Asia/Tokyo';

const columns = 'id, organization_id AS organizationId, name, time_zone AS timeZone, created_at AS createdAt, archived_at AS archivedAt';

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
  const rename = db.prepare<[string, string, string]>('UPDATE facilities SET name = ? WHERE organization_id = ? AND id = ?');
  const archive = db.prepare<[string, string, string]>(
    'UPDATE facilities SET archived_at = coalesce(archived_at, ?) WHERE organization_id = ? AND id = ?',
  );
  const setZone = db.prepare<[string, string, string]>('UPDATE facilities SET time_zone = ? WHERE organization_id = ? AND id = ?');

  const read = (row: unknown, key: Record<string, string>) => readStored(facilitySchema, row, { table: 'facilities', key });
  const checkZone = (timeZone: string) => {
    if (!isValidTimeZone(timeZone)) throw new InvalidTimeZoneError(timeZone);
  };

  const repo = {
    /**
     * The facility of that name, created on first use. `timeZone` only applies on creation: an
     * existing facility keeps its zone (changing it would move every stored due date).
     */
    ensure(organizationId: string, name: string, timeZone: string = defaultFacilityTimeZone): Facility {
      checkZone(timeZone);
      requireOrganization(organizationId);
      insert.run(newId('fac'), organizationId, name, timeZone, isoNow(clock));
      return read(byName.get(organizationId, name), { organizationId, name });
    },

    /** A new facility; a name already used in the organization (archived ones included) is refused. */
    create(organizationId: string, name: string, timeZone: string = defaultFacilityTimeZone): Facility {
      checkZone(timeZone);
      requireOrganization(organizationId);
      if (insert.run(newId('fac'), organizationId, name, timeZone, isoNow(clock)).changes === 0)
        throw new DuplicateFacilityNameError(name);
      return read(byName.get(organizationId, name), { organizationId, name });
    },

    /** Every facility, archived ones included, by name. */
    list(organizationId: string): Facility[] {
      return all.all(organizationId).map((row) => read(row, { organizationId }));
    },

    listActive(organizationId: string): Facility[] {
      return repo.list(organizationId).filter((f) => f.archivedAt === null);
    },

    get(organizationId: string, id: string): Facility {
      const row = byId.get(organizationId, id);
      if (row === undefined) throw new NotFoundError('facility', { organizationId, id });
      return read(row, { id });
    },

    rename(organizationId: string, id: string, name: string): Facility {
      const current = repo.get(organizationId, id);
      if (current.name === name) return current;
      const other = byName.get(organizationId, name);
      if (other !== undefined) throw new DuplicateFacilityNameError(name);
      rename.run(name, organizationId, id);
      return repo.get(organizationId, id);
    },

    /** Archiving twice keeps the first date. */
    archive(organizationId: string, id: string): Facility {
      repo.get(organizationId, id);
      archive.run(isoNow(clock), organizationId, id);
      return repo.get(organizationId, id);
    },

    /** Dates already stored stay as they are; "today" for new answers follows the new zone. */
    setTimeZone(organizationId: string, id: string, timeZone: string): Facility {
      checkZone(timeZone);
      repo.get(organizationId, id);
      setZone.run(timeZone, organizationId, id);
      return repo.get(organizationId, id);
    },
  };
  return repo;
}
