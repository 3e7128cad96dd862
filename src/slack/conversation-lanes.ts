// Slack calls into one conversation run one after another, each conversation on its own: a 429 with
// Retry-After on one person's DM is waited out in that DM's lane only. (A WebClient left to handle
// 429s itself pauses its whole queue, so one rate-limited DM would hold up everyone's replies.)
import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';

export type Wait = (ms: number) => Promise<void>;

export const realWait: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ConversationLanes {
  /** Runs `call` after the calls already queued for `channel`, waiting out rate limits in this lane. */
  run<T>(channel: string, call: () => Promise<T>): Promise<T>;
  /** How many calls into `channel` have succeeded so far (a later success means Slack answers again). */
  delivered(channel: string): number;
}

/** How many times one call waits out a rate limit before it fails for good. */
const RATE_LIMIT_WAITS = 3;

export function createConversationLanes(logger: Logger, wait: Wait = realWait): ConversationLanes {
  const tails = new Map<string, Promise<unknown>>();
  const successes = new Map<string, number>();

  async function patiently<T>(channel: string, call: () => Promise<T>): Promise<T> {
    for (let waited = 0; ; waited++) {
      try {
        return await call();
      } catch (err) {
        const retryAfter = rateLimitedFor(err);
        if (retryAfter === undefined || waited >= RATE_LIMIT_WAITS) throw err;
        logger.warn({ channel, retryAfterSeconds: retryAfter }, 'Slack rate limit on one conversation: waiting in its lane');
        await wait(retryAfter * 1000);
      }
    }
  }

  return {
    run(channel, call) {
      const previous = tails.get(channel) ?? Promise.resolve();
      const mine = previous.then(async () => {
        const result = await patiently(channel, call);
        successes.set(channel, (successes.get(channel) ?? 0) + 1);
        return result;
      });
      const tail = mine.then(
        () => undefined,
        () => undefined,
      );
      tails.set(channel, tail);
      void tail.then(() => {
        if (tails.get(channel) === tail) tails.delete(channel);
      });
      return mine;
    },
    delivered: (channel) => successes.get(channel) ?? 0,
  };
}

function rateLimitedFor(err: unknown): number | undefined {
  const e = err as { code?: string; retryAfter?: number };
  return e?.code === webApi.ErrorCode.RateLimitedError && typeof e.retryAfter === 'number' ? e.retryAfter : undefined;
}
