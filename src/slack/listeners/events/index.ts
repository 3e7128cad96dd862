import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { publishHome } from '../../conversation/assessments.ts';
import { appHomeOpenedBodySchema } from '../../payloads.ts';
import { safely } from '../safely.ts';

/** Slack retries events it thinks were not received; the processed_events table remembers event ids. */
export const EVENT_SOURCE = 'slack-event';

const register = (app: App, ctx: SlackContext) => {
  app.event('app_home_opened', async ({ body }) => {
    const client = ctx.client;
    const parsed = appHomeOpenedBodySchema.safeParse(body);
    if (!parsed.success) return void ctx.logger.warn({ issue: parsed.error.issues[0]?.message }, 'ignored a malformed app_home_opened');
    const { team_id: teamId, event_id: eventId, event } = parsed.data;
    if (event.tab !== undefined && event.tab !== 'home') return;
    if (!ctx.processedEvents.markProcessed(EVENT_SOURCE, eventId)) return void ctx.logger.debug({ eventId }, 'duplicate event ignored');
    const actor = { teamId, userId: event.user };
    await safely(ctx, client, { actor, what: 'app_home_opened' }, () => publishHome(ctx, client, actor));
  });
};

export default { register };
