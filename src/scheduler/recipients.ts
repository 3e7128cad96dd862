// Who the scheduler speaks to. Narrow on purpose: until facilities have assigned managers, a
// facility's managers are the people who have answered an assessment there, and an organisation's
// leads are its people with the 'lead' role. When assignments exist, only this file changes.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { personSchema, type Person } from '../store/people-repo.ts';
import { readStored } from '../store/stored-record.ts';

const personColumns = `p.id, p.organization_id AS organizationId, p.slack_user_id AS slackUserId, p.display_name AS displayName,
  p.locale, p.role, p.created_at AS createdAt`;

const facilityRefSchema = z.object({ organizationId: z.string(), id: z.string(), timeZone: z.string() });

export interface Recipients {
  managersOf(organizationId: string, facilityId: string): Person[];
  leadsOf(organizationId: string): Person[];
  /** Every facility of every organisation (the daily pass that keeps cycles and digests scheduled). */
  allFacilities(): z.output<typeof facilityRefSchema>[];
  organizations(): string[];
}

export function createRecipients(db: Database.Database): Recipients {
  const managers = db.prepare<[string, string]>(
    `SELECT ${personColumns} FROM people p WHERE p.organization_id = ? AND p.id IN (
       SELECT respondent_id FROM assessments WHERE organization_id = p.organization_id AND facility_id = ?)
     ORDER BY p.created_at, p.id`,
  );
  const leads = db.prepare<[string]>(
    `SELECT ${personColumns} FROM people p WHERE p.organization_id = ? AND p.role = 'lead' ORDER BY p.created_at, p.id`,
  );
  const facilities = db.prepare(
    'SELECT organization_id AS organizationId, id, time_zone AS timeZone FROM facilities ORDER BY organization_id, id',
  );
  const organizations = db.prepare('SELECT id FROM organizations ORDER BY id').pluck();
  const person = (row: unknown) => readStored(personSchema, row, { table: 'people', key: {} });
  return {
    managersOf: (organizationId, facilityId) => managers.all(organizationId, facilityId).map(person),
    leadsOf: (organizationId) => leads.all(organizationId).map(person),
    allFacilities: () => facilities.all().map((row) => readStored(facilityRefSchema, row, { table: 'facilities', key: {} })),
    organizations: () => organizations.all() as string[],
  };
}
