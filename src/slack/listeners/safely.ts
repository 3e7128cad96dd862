// Every listener ends here: a malformed payload is logged and dropped, an unexpected error is logged
// and the person is told, in their language, that their answers are safe — a listener never throws into Bolt.
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { NotFoundError } from '../../service/refusals.ts';
import type { SlackContext, WebClient } from '../context.ts';
import { postEphemeral } from '../conversation/slack-calls.ts';
import { MalformedPayloadError } from '../errors.ts';
import type { SlackActor } from '../payloads.ts';
import { plainMessage } from '../views/command-replies.ts';

export async function safely(
  ctx: SlackContext,
  client: WebClient,
  where: { actor?: SlackActor | undefined; channelId?: string | undefined; what: string },
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (err instanceof MalformedPayloadError) {
      ctx.logger.warn({ err, what: where.what }, 'ignored a malformed Slack payload');
      return;
    }
    // An assessment whose flow version is gone from the database cannot go on; that is the app's
    // problem, said as such, not "not yours".
    const flowMissing = err instanceof NotFoundError && err.entity === 'flow version';
    ctx.logger.error({ err, what: where.what, teamId: where.actor?.teamId, userId: where.actor?.userId }, flowMissing ? 'flow version missing' : 'listener failed');
    if (!where.actor) return;
    try {
      const locale = localeOf(ctx, where.actor);
      const channel = where.channelId ?? (await ctx.dm.channelFor(client, where.actor));
      await postEphemeral(ctx, client, channel, where.actor.userId, plainMessage(t(locale, flowMissing ? 'slack.error.flowMissing' : 'slack.error.unexpected')));
    } catch (notified) {
      ctx.logger.error({ err: notified }, 'could not tell the person about the failure');
    }
  }
}

/** The person's language; Japanese when even that cannot be read (the database may be the problem). */
function localeOf(ctx: SlackContext, actor: SlackActor): Locale {
  try {
    return ctx.directory.enter({ teamId: actor.teamId, slackUserId: actor.userId }).person.locale;
  } catch {
    return 'ja';
  }
}
