// Where the store gets "now": injectable so tests can pin timestamps and age rows.

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Timestamps are stored as ISO 8601 UTC strings, which sort chronologically as text. */
export function isoNow(clock: Clock): string {
  return clock().toISOString();
}
