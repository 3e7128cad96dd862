// The first request from a workspace (at first start, and at the first start after the upgrade that
// introduced roles) makes the workspace's owners and admins its compliance leads: users.list, filtered on
// is_owner / is_admin (people only, not bots or deactivated accounts). Done once per organization; a
// failed lookup is logged and tried again a minute later, never blocking the request itself.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { WorkspaceAdmin } from '../service/roles.ts';
import type { SlackContext, WebClient } from './context.ts';

const RETRY_AFTER_MS = 60_000;

export function leadSeeding(ctx: SlackContext): Middleware<AnyMiddlewareArgs> {
  const seeded = new Set<string>();
  const failedAt = new Map<string, number>();
  return async ({ body, next }) => {
    const teamId = teamOf(body);
    if (teamId && !seeded.has(teamId)) {
      const last = failedAt.get(teamId);
      if (last === undefined || ctx.clock().getTime() - last >= RETRY_AFTER_MS) {
        try {
          const organization = ctx.directory.organizationOfTeam(teamId);
          if (ctx.roles.needsSeeding(organization.id)) {
            const admins = await workspaceAdmins(ctx.client);
            const leads = ctx.roles.seedLeads(organization.id, admins);
            ctx.logger.info({ teamId, leads: leads.length }, 'made the workspace owners and admins leads');
          }
          seeded.add(teamId);
          failedAt.delete(teamId);
        } catch (err) {
          failedAt.set(teamId, ctx.clock().getTime());
          ctx.logger.warn({ err, teamId }, 'could not look up the workspace owners and admins; leads are seeded on a later request');
        }
      }
    }
    await next();
  };
}

async function workspaceAdmins(client: WebClient): Promise<WorkspaceAdmin[]> {
  const admins: WorkspaceAdmin[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const m of page.members ?? []) {
      if (!m.id || m.deleted || m.is_bot || m.id === 'USLACKBOT') continue;
      if (m.is_owner || m.is_admin) admins.push({ slackUserId: m.id, name: m.profile?.real_name || m.real_name || m.name || undefined });
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return admins;
}

function teamOf(body: unknown): string | undefined {
  const b = body as { team_id?: unknown; team?: { id?: unknown } | null; user?: { team_id?: unknown } } | undefined;
  const id = b?.team_id ?? b?.team?.id ?? b?.user?.team_id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}
