// Reminder DMs through the Slack Web API. Each message carries its delivery key in message metadata
// (event_type kakunin_reminder), so after an uncertain send the runner can look in the DM's history
// (conversations.history with include_all_metadata) before sending again. The client does not retry
// on its own: the runner's lease and history check decide when to try again, and a 429 is handed back
// with its Retry-After instead of holding the tick.
import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Digest } from '../scheduler/digest.ts';
import { SendFailedError, type ReminderSender, type SentMessage } from '../scheduler/sender.ts';
import { slackLogger } from './logger.ts';
import { reminderDigestMessage } from './views/reminder-digest.ts';

export const REMINDER_EVENT_TYPE = 'kakunin_reminder';

/** Messages looked at when checking whether a DM already went out (the DM is the bot's own). */
const HISTORY_PAGES = 3;

export function createReminderClient(botToken: string, slackApiUrl: string, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(botToken, {
    slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
    logger: slackLogger(logger, 'slack-reminders'),
  });
}

export function slackReminderSender(client: webApi.WebClient): ReminderSender {
  const dmOf = async (slackUserId: string): Promise<string> => {
    const opened = await client.conversations.open({ users: slackUserId });
    const id = opened.channel?.id;
    if (!id) throw new SendFailedError(`conversations.open returned no channel for ${slackUserId}`, undefined);
    return id;
  };
  const wrap = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      if (err instanceof SendFailedError) throw err;
      if (err instanceof webApi.WebAPIRateLimitedError) throw new SendFailedError(`${what}: rate limited`, err.retryAfter * 1000);
      throw new SendFailedError(`${what}: ${err instanceof Error ? err.message : String(err)}`, undefined);
    }
  };
  return {
    canReach: (digest) => digest.person.slackUserId !== null,

    send: (digest: Digest) =>
      wrap('chat.postMessage', async (): Promise<SentMessage> => {
        const channel = await dmOf(digest.person.slackUserId!);
        const message = reminderDigestMessage(digest);
        const posted = await client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          metadata: { event_type: REMINDER_EVENT_TYPE, event_payload: { key: digest.deliveryKey } },
        });
        if (!posted.ts) throw new SendFailedError('chat.postMessage returned no ts', undefined);
        return { channelId: posted.channel ?? channel, ts: posted.ts };
      }),

    findDelivered: (digest, since) =>
      wrap('conversations.history', async () => {
        const channel = await dmOf(digest.person.slackUserId!);
        let cursor: string | undefined;
        for (let page = 0; page < HISTORY_PAGES; page++) {
          const history = await client.conversations.history({
            channel,
            oldest: String(Math.floor(since.getTime() / 1000)),
            include_all_metadata: true,
            limit: 200,
            ...(cursor ? { cursor } : {}),
          });
          for (const m of history.messages ?? []) {
            const payload = m.metadata?.event_payload as Record<string, unknown> | undefined;
            if (m.metadata?.event_type === REMINDER_EVENT_TYPE && payload?.key === digest.deliveryKey && m.ts) return { channelId: channel, ts: m.ts };
          }
          cursor = history.response_metadata?.next_cursor || undefined;
          if (!history.has_more || !cursor) break;
        }
        return undefined;
      }),
  };
}
