// People who answer or review assessments: Slack users of a team, or named users at the terminal.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { localeSchema, type Locale } from '../i18n/locale.ts';
import { isoNow, type Clock } from './clock.ts';
import { NotFoundError } from './errors.ts';
import { newId } from './ids.ts';
import { createOrganizationGuard } from './organization-guard.ts';
import { readStored } from './stored-record.ts';

// The one list of languages (src/i18n/locale.ts): a person's stored locale is one the messages exist in.
export { localeSchema, type Locale } from '../i18n/locale.ts';

/**
 * `manager`: answers assessments for the facilities assigned to them (a clinic's 管理者).
 * `lead`: compliance lead (医療情報システム安全管理責任者 / head office) — manages facilities and leads,
 * reviews (承認 / 差し戻し) and exports. Checked on the server for every action.
 */
export const roleSchema = z.enum(['manager', 'lead']);
export type Role = z.output<typeof roleSchema>;

export const personSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  slackUserId: z.string().nullable(),
  displayName: z.string(),
  locale: localeSchema,
  role: roleSchema,
  createdAt: z.string(),
});
export type Person = z.output<typeof personSchema>;

/** Only used when the person is created (role default: manager); an existing person keeps their locale and role. */
export interface NewPersonDefaults {
  locale?: Locale;
  role?: Role;
}

const columns = `id, organization_id AS organizationId, slack_user_id AS slackUserId, display_name AS displayName,
  locale, role, created_at AS createdAt`;

export type PeopleRepo = ReturnType<typeof createPeopleRepo>;

export function createPeopleRepo(db: Database.Database, clock: Clock) {
  const requireOrganization = createOrganizationGuard(db);
  const insertLocal = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO people (id, organization_id, slack_user_id, display_name, locale, role, created_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?)
     ON CONFLICT (organization_id, display_name) WHERE slack_user_id IS NULL DO NOTHING`,
  );
  const insertSlack = db.prepare<[string, string, string, string, string, string, string]>(
    `INSERT INTO people (id, organization_id, slack_user_id, display_name, locale, role, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (organization_id, slack_user_id) DO NOTHING`,
  );
  const localByName = db.prepare<[string, string]>(
    `SELECT ${columns} FROM people WHERE organization_id = ? AND slack_user_id IS NULL AND display_name = ?`,
  );
  const bySlackUser = db.prepare<[string, string]>(
    `SELECT ${columns} FROM people WHERE organization_id = ? AND slack_user_id = ?`,
  );
  const byId = db.prepare<[string, string]>(`SELECT ${columns} FROM people WHERE organization_id = ? AND id = ?`);
  const rename = db.prepare<[string, string]>('UPDATE people SET display_name = ? WHERE id = ?');
  const setRole = db.prepare<[string, string, string]>('UPDATE people SET role = ? WHERE organization_id = ? AND id = ?');
  const withRole = db.prepare<[string, string]>(`SELECT ${columns} FROM people WHERE organization_id = ? AND role = ? ORDER BY display_name, id`);

  const read = (row: unknown, key: Record<string, string>) => readStored(personSchema, row, { table: 'people', key });

  return {
    /** A terminal user, identified within the organization by display name. */
    ensureLocal(organizationId: string, displayName: string, defaults: NewPersonDefaults = {}): Person {
      requireOrganization(organizationId);
      insertLocal.run(
        newId('per'),
        organizationId,
        displayName,
        defaults.locale ?? 'ja',
        defaults.role ?? 'manager',
        isoNow(clock),
      );
      return read(localByName.get(organizationId, displayName), { organizationId, displayName });
    },

    /** A Slack user of the team, created on first contact; a given `displayName` replaces a stale one. */
    ensureForSlackUser(
      organizationId: string,
      slackUserId: string,
      displayName?: string,
      defaults: NewPersonDefaults = {},
    ): Person {
      requireOrganization(organizationId);
      insertSlack.run(
        newId('per'),
        organizationId,
        slackUserId,
        displayName ?? slackUserId,
        defaults.locale ?? 'ja',
        defaults.role ?? 'manager',
        isoNow(clock),
      );
      const person = read(bySlackUser.get(organizationId, slackUserId), { organizationId, slackUserId });
      if (displayName === undefined || person.displayName === displayName) return person;
      rename.run(displayName, person.id);
      return { ...person, displayName };
    },

    /** The person of a Slack user, without creating one. */
    findBySlackUser(organizationId: string, slackUserId: string): Person | undefined {
      const row = bySlackUser.get(organizationId, slackUserId);
      return row === undefined ? undefined : read(row, { organizationId, slackUserId });
    },

    /** A terminal user by name, without creating one. */
    findLocal(organizationId: string, displayName: string): Person | undefined {
      const row = localByName.get(organizationId, displayName);
      return row === undefined ? undefined : read(row, { organizationId, displayName });
    },

    withRole(organizationId: string, role: Role): Person[] {
      return withRole.all(organizationId, role).map((row) => read(row, { organizationId, role }));
    },

    setRole(organizationId: string, id: string, role: Role): Person {
      if (setRole.run(role, organizationId, id).changes === 0) throw new NotFoundError('person', { organizationId, id });
      return read(byId.get(organizationId, id), { id });
    },

    get(organizationId: string, id: string): Person {
      const row = byId.get(organizationId, id);
      if (row === undefined) throw new NotFoundError('person', { organizationId, id });
      return read(row, { id });
    },
  };
}
