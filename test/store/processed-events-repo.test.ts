import { describe, expect, it } from 'vitest';
import { manualClock } from './helpers/manual-clock.ts';
import { openTempStore } from './helpers/temp-store.ts';

describe('processed events', () => {
  it('handles a Slack retry of the same event only once', () => {
    const store = openTempStore();

    expect(store.events.markProcessed('slack-event', 'Ev123')).toBe(true);
    expect(store.events.markProcessed('slack-event', 'Ev123')).toBe(false);
    // Same key from another source is another event.
    expect(store.events.markProcessed('slack-interaction', 'Ev123')).toBe(true);
  });

  it('forgets the mark when handling the event failed, so the retry is handled', () => {
    const store = openTempStore();

    expect(() =>
      store.transaction(() => {
        store.events.markProcessed('slack-event', 'Ev123');
        throw new Error('handler failed');
      }),
    ).toThrow('handler failed');

    expect(store.events.markProcessed('slack-event', 'Ev123')).toBe(true);
  });

  it('prunes marks older than the cutoff', () => {
    const clock = manualClock('2026-04-01T00:00:00.000Z');
    const store = openTempStore(undefined, { now: clock.now });
    store.events.markProcessed('slack-event', 'old');
    clock.advance(2 * 24 * 3_600_000);
    store.events.markProcessed('slack-event', 'recent');

    const pruned = store.events.pruneBefore(new Date('2026-04-02T00:00:00.000Z'));

    expect(pruned).toBe(1);
    expect(store.events.markProcessed('slack-event', 'old')).toBe(true);
    expect(store.events.markProcessed('slack-event', 'recent')).toBe(false);
  });
});
