import { describe, expect, it } from 'vitest';
import { createIdleCompaction, type IdleTimers } from '../../src/runtime/idle-compaction.ts';

/** Timers on a simulated clock: `advance` runs what falls due, in order. */
function simulatedTimers() {
  let now = 0;
  let nextId = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: IdleTimers = {
    set: (fn, ms) => {
      pending.set(++nextId, { at: now + ms, fn });
      return nextId;
    },
    clear: (id) => void pending.delete(id as number),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...pending].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = until;
  };
  return { timers, advance, now: () => now, pendingCount: () => pending.size };
}

describe('memory is given back when the app goes quiet', () => {
  it('a burst of clicks, then 10 s without one: one compaction, none while the clicks keep coming', () => {
    const { timers, advance } = simulatedTimers();
    let compactions = 0;
    const idle = createIdleCompaction({ quietMs: 10_000, collect: () => compactions++, timers });
    for (let second = 0; second < 60; second++) {
      idle.touch();
      advance(1_000);
    }
    expect(compactions).toBe(0);
    advance(20_000);
    expect(compactions).toBe(1);
    advance(600_000);
    expect(compactions).toBe(1);
  });

  it('a manager who answers every 15 s gets one compaction in each pause, 10 s after the click', () => {
    const { timers, advance, now } = simulatedTimers();
    const at: number[] = [];
    const idle = createIdleCompaction({ quietMs: 10_000, collect: () => at.push(now()), timers });
    for (let click = 0; click < 3; click++) {
      idle.touch();
      advance(15_000);
    }
    expect(at).toEqual([10_000, 25_000, 40_000]);
  });

  it('after start-up work it compacts at once; stopped, it does nothing more', () => {
    const { timers, advance, pendingCount } = simulatedTimers();
    let compactions = 0;
    const idle = createIdleCompaction({ quietMs: 10_000, collect: () => compactions++, timers });
    idle.compactNow('start-up work done');
    expect(compactions).toBe(1);
    idle.touch();
    idle.stop();
    expect(pendingCount()).toBe(0);
    advance(60_000);
    idle.compactNow('after stop');
    expect(compactions).toBe(1);
  });

  it('after each collection, and only then, malloc gives back what it holds free', () => {
    const { timers, advance } = simulatedTimers();
    const steps: string[] = [];
    const idle = createIdleCompaction({ quietMs: 10_000, collect: () => steps.push('collect'), trimNative: () => steps.push('trim') > 0, timers });
    idle.compactNow('start-up work done');
    idle.touch();
    advance(5_000);
    expect(steps).toEqual(['collect', 'trim']);
    advance(5_000);
    expect(steps).toEqual(['collect', 'trim', 'collect', 'trim']);
  });

  it('without gc (node started without --expose-gc) it arms no timer at all, and trims nothing', () => {
    const { timers, pendingCount } = simulatedTimers();
    let trims = 0;
    const idle = createIdleCompaction({ collect: undefined, trimNative: () => ++trims > 0, timers });
    idle.touch();
    idle.compactNow('start-up work done');
    expect(pendingCount()).toBe(0);
    expect(trims).toBe(0);
  });
});
