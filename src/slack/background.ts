// Work that continues after Slack has been acknowledged (posting the next question, rendering and
// uploading the PDF). Tracked so `stop()` can let it finish and tests can wait for it.
export interface Background {
  /** Runs `work`, logging instead of throwing; the promise settles when it is done. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves once nothing is in flight (including work started while waiting). */
  idle(): Promise<void>;
  readonly pending: number;
}

export function createBackground(): Background {
  const inFlight = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      inFlight.add(settled);
      void settled.then(() => inFlight.delete(settled));
      return work;
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    get pending() {
      return inFlight.size;
    },
  };
}

const waiting: (() => void)[] = [];
let pumping = false;

function pump(): void {
  const next = waiting.shift();
  // Whoever is released runs its synchronous part (an engine turn) right after this callback; the next
  // release waits for the following loop iteration, so requests that arrived meanwhile are acked first.
  next?.();
  if (waiting.length > 0) setImmediate(pump);
  else pumping = false;
}

/**
 * Waits for this request's turn to do its synchronous work, after its ack. Turns are released one per
 * event-loop iteration: queued with plain setImmediate they would all run back to back in one check
 * phase, and every ack arriving meanwhile would wait behind all of them.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  });
}
