// Between a receiver and Bolt: every request is either acted on or acknowledged and logged once.
// Bolt itself dereferences parts of the body before any listener runs (a `null` payload, a click
// without `user`), and leaves requests no listener takes unacknowledged until Slack gives up; both
// receivers (HTTP and Socket Mode) hand their requests through here instead.
import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import { describeInbound, inboundBodySchema } from '../payloads.ts';

export async function dispatchInbound(app: App, event: ReceiverEvent, logger: Logger): Promise<void> {
  let acked = false;
  const ack: ReceiverEvent['ack'] = async (response?: unknown) => {
    if (acked) return;
    acked = true;
    await event.ack(response);
  };
  const parsed = inboundBodySchema.safeParse(event.body);
  if (!parsed.success) {
    await ack();
    logger.warn({ request: describeInbound(event.body), problem: parsed.error.issues[0]?.message }, 'ignored a malformed Slack request');
    return;
  }
  try {
    await app.processEvent({ ...event, ack });
  } catch (err) {
    // Listeners catch their own errors (listeners/safely.ts); this is Bolt's own machinery failing.
    logger.error({ err, request: describeInbound(event.body) }, 'Bolt could not process a Slack request');
  }
  if (!acked) {
    await ack();
    logger.warn({ request: describeInbound(event.body) }, 'ignored a Slack request that kakunin does not handle');
  }
}

/** Bolt's receivers only ever call `app.processEvent`; this stands in for the app and guards each call. */
export function guardedApp(app: App, logger: Logger): App {
  const guard: Pick<App, 'processEvent'> = { processEvent: (event) => dispatchInbound(app, event, logger) };
  return guard as App;
}
