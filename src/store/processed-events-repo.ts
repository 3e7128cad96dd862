// Slack retries events and interactions it thinks were not acknowledged in time; remembering what was
// already handled makes a retry a no-op instead of a second answer.
import type Database from 'better-sqlite3';
import { isoNow, type Clock } from './clock.ts';

export type ProcessedEventsRepo = ReturnType<typeof createProcessedEventsRepo>;

export function createProcessedEventsRepo(db: Database.Database, clock: Clock) {
  const insert = db.prepare<[string, string, string]>(
    `INSERT INTO processed_events (source, event_key, at) VALUES (?, ?, ?)
     ON CONFLICT (source, event_key) DO NOTHING`,
  );
  const deleteBefore = db.prepare<[string]>('DELETE FROM processed_events WHERE at < ?');

  return {
    /**
     * True the first time (source, key) is seen. Call it inside the transaction that handles the event:
     * if handling fails and rolls back, the mark rolls back too and Slack's retry is handled again.
     */
    markProcessed(source: string, key: string): boolean {
      return insert.run(source, key, isoNow(clock)).changes === 1;
    },

    /** Forgets events marked before `cutoff` (Slack stops retrying within minutes); returns how many. */
    pruneBefore(cutoff: Date): number {
      return deleteBefore.run(cutoff.toISOString()).changes;
    },
  };
}
