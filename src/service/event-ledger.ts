// Deliveries an adapter must handle at most once (Slack retries an event it thinks was lost). The
// mark is written in the same transaction as the work, after it: if the work fails, both roll back
// and the retry is handled again; if it succeeds, a retry finds the mark and is skipped.
import type { Store } from '../store/store.ts';

export type EventLedger = ReturnType<typeof createEventLedger>;

class AlreadyHandled extends Error {}

export function createEventLedger(store: Store) {
  return {
    /**
     * Runs `work` (synchronous, in one transaction) unless `(source, key)` was handled before; then
     * returns `{ duplicate: true }` and nothing `work` wrote is kept.
     */
    once<T>(source: string, key: string, work: () => T): { duplicate: false; result: T } | { duplicate: true } {
      try {
        return store.transaction(() => {
          const result = work();
          if (!store.events.markProcessed(source, key)) throw new AlreadyHandled();
          return { duplicate: false as const, result };
        });
      } catch (err) {
        if (err instanceof AlreadyHandled) return { duplicate: true };
        throw err;
      }
    },

    /** Forgets deliveries handled before `cutoff` (Slack stops retrying within minutes); returns how many. */
    forgetBefore(cutoff: Date): number {
      return store.events.pruneBefore(cutoff);
    },
  };
}
