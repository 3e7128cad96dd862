// A clock the test moves by hand, so timestamps are predictable and rows can be aged.
export interface ManualClock {
  now: () => Date;
  advance(ms: number): void;
}

export function manualClock(startIso = '2026-04-01T00:00:00.000Z'): ManualClock {
  let current = new Date(startIso).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}
