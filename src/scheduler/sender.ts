// Where a digest goes. The runner only needs two things of a channel: send a message carrying an
// idempotency key, and find out whether a message with that key was already delivered (after a crash
// or an uncertain failure, before sending again).
import type { Digest } from './digest.ts';

export interface SentMessage {
  channelId: string;
  ts: string;
}

export interface ReminderSender {
  send(digest: Digest): Promise<SentMessage>;
  /** The message already delivered with this key since `since`, if any. */
  findDelivered(digest: Pick<Digest, 'deliveryKey' | 'person'>, since: Date): Promise<SentMessage | undefined>;
  /** False when the person cannot be reached on this channel (a terminal-only person has no Slack id). */
  canReach(digest: Pick<Digest, 'person'>): boolean;
}

/** A failed send; `retryAfterMs` when the channel said when to come back (a 429). */
export class SendFailedError extends Error {
  override readonly name = 'SendFailedError';
  readonly retryAfterMs: number | undefined;
  constructor(message: string, retryAfterMs: number | undefined) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }
}
