// Who the scheduler speaks to, and what its daily pass goes through. Narrow on purpose: until
// facilities have assigned managers, a facility's managers are the people who have answered an
// assessment there, and an organisation's leads are its people with the 'lead' role. When
// assignments exist, only this file changes.
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
  /** Each facility's latest submitted (or approved) assessment of each flow. */
  latestSubmissions(): { organizationId: string; id: string }[];
}

export function createRecipients(db: Database.Database): Recipients {
  // From the facility's assessments (indexed by organization and facility) to their respondents.
  const managers = db.prepare<[string, string]>(
    `SELECT ${personColumns} FROM people p WHERE p.id IN (
       SELECT respondent_id FROM assessments WHERE organization_id = ? AND facility_id = ?)
     ORDER BY p.created_at, p.id`,
  );
  const leads = db.prepare<[string]>(
    `SELECT ${personColumns} FROM people p WHERE p.organization_id = ? AND p.role = 'lead' ORDER BY p.created_at, p.id`,
  );
  const facilities = db.prepare(
    'SELECT organization_id AS organizationId, id, time_zone AS timeZone FROM facilities ORDER BY organization_id, id',
  );
  const organizations = db.prepare('SELECT id FROM organizations ORDER BY id').pluck();
  const latest = db.prepare(
    `SELECT organization_id AS organizationId, id FROM (
       SELECT organization_id, id, row_number() OVER (PARTITION BY organization_id, facility_id, flow_id ORDER BY submitted_at DESC, id DESC) AS n
       FROM assessments WHERE status IN ('submitted', 'approved') AND submitted_at IS NOT NULL)
     WHERE n = 1 ORDER BY organizationId, id`,
  );
  const submissionSchema = z.object({ organizationId: z.string(), id: z.string() });
  const person = (row: unknown) => readStored(personSchema, row, { table: 'people', key: {} });
  return {
    managersOf: (organizationId, facilityId) => managers.all(organizationId, facilityId).map(person),
    leadsOf: (organizationId) => leads.all(organizationId).map(person),
    allFacilities: () => facilities.all().map((row) => readStored(facilityRefSchema, row, { table: 'facilities', key: {} })),
    organizations: () => organizations.all() as string[],
    latestSubmissions: () => latest.all().map((row) => readStored(submissionSchema, row, { table: 'assessments', key: {} })),
  };
}
