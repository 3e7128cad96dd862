// The shape every button, date picker and menu listener shares: validate the payload parts we rely on,
// let the handler store what the click means and only then acknowledge (an ack means "stored"), then
// do the slow part (posting the next question) after the ack.
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackContext, WebClient } from '../../context.ts';
import { MalformedPayloadError } from '../../errors.ts';
import { actorOfAction, blockActionBodySchema, originOfAction, type BlockActionBody, type Origin, type SlackActor } from '../../payloads.ts';
import { safely } from '../safely.ts';

export interface ParsedAction {
  body: BlockActionBody;
  action: BlockActionBody['actions'][number];
  actor: SlackActor;
  origin: Origin | undefined;
  channelId: string | undefined;
  /**
   * Acknowledges the request. A handler calls it once what the click changes is in SQLite (or at once
   * when it changes nothing), and before any Web API call; it is called for the handler otherwise.
   */
  ack: () => Promise<void>;
}

export type ActionHandler = (ctx: SlackContext, client: WebClient, action: ParsedAction) => Promise<void>;

export function blockAction(ctx: SlackContext, handle: ActionHandler) {
  // Bolt's per-request client is not used: ctx.client is the one whose rate limits we watch.
  return async ({ ack, body }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const client = ctx.client;
    let acked = false;
    const acknowledge = async () => {
      if (acked) return;
      acked = true;
      await ack();
    };
    const parsed = blockActionBodySchema.safeParse(body);
    if (!parsed.success) {
      await acknowledge();
      ctx.logger.warn({ err: new MalformedPayloadError('block_actions body', parsed.error.issues[0]?.message ?? '') }, 'ignored a malformed action');
      return;
    }
    const b = parsed.data;
    const actor = actorOfAction(b);
    const channelId = b.container?.channel_id ?? b.channel?.id ?? undefined;
    const action: ParsedAction = { body: b, action: b.actions[0]!, actor, origin: originOfAction(b), channelId, ack: acknowledge };
    await safely(ctx, client, { actor, channelId, what: action.action.action_id }, async () => {
      try {
        await handle(ctx, client, action);
      } finally {
        // A handler that failed before acknowledging still answers Slack before anyone is told.
        await acknowledge();
      }
    });
  };
}
