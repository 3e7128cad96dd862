// Slack Web API calls made after the ack. Each runs in its conversation's lane (a rate limit on one DM
// never holds up another), and is logged and contained: the answer is already in SQLite, so a failed
// post must not stop the next one; the caller decides how the person gets a way on.
import type { Block, KnownBlock } from '@slack/web-api';
import { yieldToEventLoop } from '../background.ts';
import type { SlackContext, WebClient } from '../context.ts';
import type { Origin } from '../payloads.ts';
import type { SlackMessage } from '../views/block-kit.ts';

type WireBlocks = (KnownBlock | Block)[];

/**
 * The blocks as they go over the wire: Slack takes `blocks` as a JSON string in the form body, which
 * is what the WebClient sends for an array too. Handing it the string saves work on every reply: the
 * WebClient builds its debug lines even when debug logging is off, and for an array that copies every
 * block into a redacted clone (a sixth of what the app allocated per answer under load).
 */
function wireBlocks(message: SlackMessage): WireBlocks {
  return JSON.stringify(message.blocks) as unknown as WireBlocks;
}

async function attempt(ctx: SlackContext, what: string, detail: Record<string, unknown>, channel: string, call: () => Promise<unknown>): Promise<boolean> {
  try {
    await ctx.lanes.run(channel, call);
    return true;
  } catch (err) {
    ctx.logger.error({ err, call: what, ...detail }, `Slack ${what} failed`);
    return false;
  } finally {
    // What follows a call (rendering the next message…) takes its turn like the first step did, so
    // many replies arriving together cannot hold up the acks of new clicks.
    await yieldToEventLoop();
  }
}

export function updateMessage(ctx: SlackContext, client: WebClient, origin: Origin, message: SlackMessage): Promise<boolean> {
  return attempt(ctx, 'chat.update', { channel: origin.channelId, ts: origin.messageTs }, origin.channelId, () =>
    client.chat.update({ channel: origin.channelId, ts: origin.messageTs, text: message.text, blocks: wireBlocks(message) }),
  );
}

/** Posts in order, so a question never appears above the summary that precedes it. */
export async function postMessages(ctx: SlackContext, client: WebClient, channel: string, messages: SlackMessage[]): Promise<boolean> {
  let ok = true;
  for (const message of messages)
    ok =
      (await attempt(ctx, 'chat.postMessage', { channel }, channel, () => client.chat.postMessage({ channel, text: message.text, blocks: wireBlocks(message) }))) &&
      ok;
  return ok;
}

export function postEphemeral(ctx: SlackContext, client: WebClient, channel: string, user: string, message: SlackMessage): Promise<boolean> {
  return attempt(ctx, 'chat.postEphemeral', { channel, user }, channel, () =>
    client.chat.postEphemeral({ channel, user, text: message.text, blocks: wireBlocks(message) }),
  );
}
