// Every listener ends here: a malformed payload is logged and dropped, an unexpected error is logged
// and the person is told their answers are safe — a listener never throws into Bolt.
import { t } from '../../i18n/messages.ts';
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
    ctx.logger.error({ err, what: where.what, teamId: where.actor?.teamId, userId: where.actor?.userId }, 'listener failed');
    if (!where.actor) return;
    try {
      const channel = where.channelId ?? (await ctx.dm.channelFor(client, where.actor));
      await postEphemeral(ctx, client, channel, where.actor.userId, plainMessage(t('ja', 'slack.error.unexpected')));
    } catch (notified) {
      ctx.logger.error({ err: notified }, 'could not tell the person about the failure');
    }
  }
}
