// Who the scheduler speaks to, and what its daily pass goes through: a facility's managers are those
// assigned to it (else, before anyone was assigned, the people who answered there); an organisation's
// leads are its people with the 'lead' role.
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
  // The managers assigned to the facility; a facility nobody was assigned to yet (a one-facility
  // workspace needs no set-up) falls back to the people who answered there.
  const assigned = db.prepare<[string, string]>(
    `SELECT ${personColumns} FROM people p WHERE p.id IN (
       SELECT person_id FROM facility_managers WHERE organization_id = ? AND facility_id = ?)
     ORDER BY p.created_at, p.id`,
  );
  const answered = db.prepare<[string, string]>(
    `SELECT ${personColumns} FROM people p WHERE p.id IN (
       SELECT respondent_id FROM assessments WHERE organization_id = ? AND facility_id = ?)
     ORDER BY p.created_at, p.id`,
  );
  const managers = {
    all: (organizationId: string, facilityId: string) => {
      const rows = assigned.all(organizationId, facilityId);
      return rows.length ? rows : answered.all(organizationId, facilityId);
    },
  };
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
