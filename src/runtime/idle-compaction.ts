// Gives memory back to the system when the app goes quiet. After a burst of requests V8 keeps the heap it
// grew (several hundred MB after 1,000 people at once, against ~50 MB still in use) and returns it only
// under memory pressure; a full, compacting collection while nobody is waiting returns it at once, and
// then malloc is asked to return what it holds free (native-heap.ts). Once after start-up work (flows,
// the report warm-up) and once per quiet spell after requests, never while requests keep coming. Needs
// `gc` (node --expose-gc, as `npm start` runs); without it this does nothing.
import type { Logger } from 'pino';
import { loadNativeHeapTrim, type TrimNativeHeap } from './native-heap.ts';

/** A compacting full collection: V8's `gc` with the flavour that also releases free pages. */
export type Collect = () => void;

export interface IdleTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: IdleTimers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface IdleCompactionOptions {
  /** How long without a request counts as quiet. */
  quietMs?: number;
  /** Defaults to V8's `gc` when the process was started with --expose-gc. */
  collect?: Collect | undefined;
  /** Run after each collection; defaults to glibc's malloc_trim where the addon was built. */
  trimNative?: TrimNativeHeap | undefined;
  timers?: IdleTimers;
  logger?: Logger | undefined;
}

export interface IdleCompaction {
  /** A request arrived: the quiet spell starts again after it. */
  touch(): void;
  /** Compacts now (after start-up work, before the first request). */
  compactNow(reason: string): void;
  stop(): void;
}

export const DEFAULT_QUIET_MS = 10_000;

export function createIdleCompaction(options: IdleCompactionOptions = {}): IdleCompaction {
  const collect = 'collect' in options ? options.collect : runtimeCollect();
  // Without a collection there is nothing to trim after: the addon is not even loaded.
  const trimNative = !collect ? undefined : 'trimNative' in options ? options.trimNative : defaultTrim(options.logger);
  const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  const timers = options.timers ?? realTimers;
  let timer: unknown;
  /** A request came during the current spell: the collection waits one more quiet period. */
  let requestedSince = false;
  let stopped = false;

  const compactNow = (reason: string) => {
    if (!collect || stopped) return;
    const started = performance.now();
    collect();
    // Right after the collection: V8 has just freed the buffers it held, in between blocks still in use.
    const trimmed = trimNative?.();
    options.logger?.debug({ reason, ms: Math.round(performance.now() - started), trimmed, rssMb: Math.round(process.memoryUsage().rss / 1048576) }, 'compacted memory');
  };

  // One timer per quiet period rather than one re-armed per request: a request only marks the period.
  const arm = (): void => {
    requestedSince = false;
    timer = timers.set(() => {
      timer = undefined;
      if (requestedSince) arm();
      else compactNow('quiet after requests');
    }, quietMs);
  };

  return {
    touch() {
      if (!collect || stopped) return;
      if (timer === undefined) arm();
      else requestedSince = true;
    },
    compactNow,
    stop() {
      stopped = true;
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
    },
  };
}

/** V8's `gc` as --expose-gc installs it, asked for the collection that also releases free pages. */
function runtimeCollect(): Collect | undefined {
  const gc = (globalThis as { gc?: (options?: object) => void }).gc;
  if (typeof gc !== 'function') return undefined;
  return () => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/** The addon's malloc_trim; where it was not built, the compaction goes on without it and says why once. */
function defaultTrim(logger: Logger | undefined): TrimNativeHeap | undefined {
  const loaded = loadNativeHeapTrim();
  if (!loaded.trim) logger?.debug({ reason: loaded.missing }, 'compacting without trimming the native heap');
  return loaded.trim;
}
