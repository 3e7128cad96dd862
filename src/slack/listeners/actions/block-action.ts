// The shape every button, date picker and menu listener shares: ack at once, let other requests'
// acks go first, validate the payload parts we rely on, then do the work.
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { yieldToEventLoop } from '../../background.ts';
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
}

export type ActionHandler = (ctx: SlackContext, client: WebClient, action: ParsedAction) => Promise<void>;

export function blockAction(ctx: SlackContext, handle: ActionHandler) {
  // Bolt's per-request client is not used: ctx.client is the one whose rate limits we watch.
  return async ({ ack, body }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const client = ctx.client;
    await ack();
    await yieldToEventLoop();
    const parsed = blockActionBodySchema.safeParse(body);
    if (!parsed.success) {
      ctx.logger.warn({ err: new MalformedPayloadError('block_actions body', parsed.error.issues[0]?.message ?? '') }, 'ignored a malformed action');
      return;
    }
    const b = parsed.data;
    const actor = actorOfAction(b);
    const channelId = b.container?.channel_id ?? b.channel?.id ?? undefined;
    const action = { body: b, action: b.actions[0]!, actor, origin: originOfAction(b), channelId };
    await safely(ctx, client, { actor, channelId, what: action.action.action_id }, () => handle(ctx, client, action));
  };
}
