import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { publishHome } from '../../conversation/assessments.ts';
import { enter } from '../../conversation/steps.ts';
import { appHomeOpenedBodySchema } from '../../payloads.ts';
import { safely } from '../safely.ts';

/** Slack retries events it thinks were not received; the processed_events table remembers event ids. */
export const EVENT_SOURCE = 'slack-event';

const register = (app: App, ctx: SlackContext) => {
  // Bolt has already acknowledged the event (the Events API expects nothing back).
  app.event('app_home_opened', async ({ body }) => {
    const client = ctx.client;
    const parsed = appHomeOpenedBodySchema.safeParse(body);
    if (!parsed.success) return void ctx.logger.warn({ issue: parsed.error.issues[0]?.message }, 'ignored a malformed app_home_opened');
    const { team_id: teamId, event_id: eventId, event } = parsed.data;
    if (event.tab !== undefined && event.tab !== 'home') return;
    const actor = { teamId, userId: event.user };
    await safely(ctx, client, { actor, what: 'app_home_opened' }, async () => {
      // Entering the person (first contact creates them) and marking the event are one transaction.
      const handled = ctx.events.once(EVENT_SOURCE, eventId, () => enter(ctx, actor));
      if (handled.duplicate) return void ctx.logger.debug({ eventId }, 'duplicate event ignored');
      await publishHome(ctx, client, actor);
    });
  });
};

export default { register };
