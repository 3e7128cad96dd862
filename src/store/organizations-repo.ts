// Organizations: one per Slack team, plus the local one the terminal adapter works in. Every other
// table hangs off an organization, so two teams never see each other's data.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { isoNow, type Clock } from './clock.ts';
import { NotFoundError } from './errors.ts';
import { newId, localOrganizationId } from './ids.ts';
import { readStored } from './stored-record.ts';

export const organizationSchema = z.object({
  id: z.string(),
  slackTeamId: z.string().nullable(),
  name: z.string(),
  createdAt: z.string(),
  /** When the workspace's owners and admins were made leads; null until the app has done it. */
  leadsSeededAt: z.string().nullable(),
  /** Where submitted assessments are announced to the leads; null: by DM to each lead. */
  reviewChannelId: z.string().nullable(),
});
export type Organization = z.output<typeof organizationSchema>;

const columns = `id, slack_team_id AS slackTeamId, name, created_at AS createdAt, leads_seeded_at AS leadsSeededAt,
  review_channel_id AS reviewChannelId`;

export type OrganizationsRepo = ReturnType<typeof createOrganizationsRepo>;

export function createOrganizationsRepo(db: Database.Database, clock: Clock) {
  const byId = db.prepare<[string]>(`SELECT ${columns} FROM organizations WHERE id = ?`);
  const byTeam = db.prepare<[string]>(`SELECT ${columns} FROM organizations WHERE slack_team_id = ?`);
  const insertLocal = db.prepare<[string, string, string]>(
    `INSERT INTO organizations (id, slack_team_id, name, created_at) VALUES (?, NULL, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const insertTeam = db.prepare<[string, string, string, string]>(
    `INSERT INTO organizations (id, slack_team_id, name, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (slack_team_id) DO NOTHING`,
  );
  const all = db.prepare(`SELECT ${columns} FROM organizations ORDER BY created_at, id`);
  const rename = db.prepare<[string, string]>('UPDATE organizations SET name = ? WHERE id = ?');
  const markSeeded = db.prepare<[string, string]>('UPDATE organizations SET leads_seeded_at = ? WHERE id = ? AND leads_seeded_at IS NULL');
  const setChannel = db.prepare<[string | null, string]>('UPDATE organizations SET review_channel_id = ? WHERE id = ?');

  const read = (row: unknown, key: Record<string, string>) =>
    readStored(organizationSchema, row, { table: 'organizations', key });

  return {
    /** Every organization, oldest first: for operator tools (the CLI) that look across the database. */
    list(): Organization[] {
      return all.all().map((row) => read(row, {}));
    },

    /** The terminal's organization (id `local`), created on first use. */
    ensureLocal(name = 'Local'): Organization {
      insertLocal.run(localOrganizationId, name, isoNow(clock));
      return read(byId.get(localOrganizationId), { id: localOrganizationId });
    },

    /** The organization of a Slack team, created on first contact; a given `name` replaces a stale one. */
    ensureForSlackTeam(teamId: string, name?: string): Organization {
      insertTeam.run(newId('org'), teamId, name ?? teamId, isoNow(clock));
      const org = read(byTeam.get(teamId), { slackTeamId: teamId });
      if (name === undefined || org.name === name) return org;
      rename.run(name, org.id);
      return { ...org, name };
    },

    findBySlackTeam(teamId: string): Organization | undefined {
      const row = byTeam.get(teamId);
      return row === undefined ? undefined : read(row, { slackTeamId: teamId });
    },

    get(id: string): Organization {
      const row = byId.get(id);
      if (row === undefined) throw new NotFoundError('organization', { id });
      return read(row, { id });
    },

    /** True for the call that marked it (the one that should seed the leads). */
    markLeadsSeeded(id: string): boolean {
      return markSeeded.run(isoNow(clock), id).changes === 1;
    },

    setReviewChannel(id: string, channelId: string | null): void {
      if (setChannel.run(channelId, id).changes === 0) throw new NotFoundError('organization', { id });
    },
  };
}
