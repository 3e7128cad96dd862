// How glibc's malloc is set up for a kakunin process (`npm start`, and each app a benchmark compares).
//
// glibc keeps what a burst of requests freed inside its arenas instead of giving it back: after 1,000
// people started a checklist, a `malloc_trim(0)` run into the idle app (through gdb) returned ~14 MB
// that nothing was using. The idle compaction now calls malloc_trim itself where the small addon could be
// built (src/runtime/native-heap.ts), but only when the app goes quiet; these limits, which glibc reads
// from GLIBC_TUNABLES when a process starts, work all the time and without the addon:
// - trim_threshold 128 KiB: free memory at the top of an arena goes back once it exceeds this;
// - mmap_threshold 32 KiB, fixed: blocks this size or larger are mapped on their own and unmapped when
//   freed (glibc otherwise raises this threshold as the app runs and such blocks end up inside the
//   arenas). At 128 KiB the blocks between 32 and 128 KiB (V8's compiler zones are 32 KiB pieces; the
//   report warm-up compiles much of pdf-lib) stayed behind as free holes in the arenas: 32 KiB took
//   5–8 MB off idle and 1,000-in-progress RSS. Its cost is about one map/unmap pair per outgoing Web API
//   call (a socket read's 64 KiB buffer), a few microseconds;
// - arena_max 2: all threads (V8's and libuv's workers) share two arenas rather than one each.
// Measured with `npm run bench -- slack` (README, Benchmarks). Other C libraries ignore the variable.

export const MALLOC_TUNABLES = 'glibc.malloc.trim_threshold=131072:glibc.malloc.mmap_threshold=32768:glibc.malloc.arena_max=2';

/**
 * The environment a kakunin process should start with: the tunables above, unless the operator has set
 * GLIBC_TUNABLES themselves (theirs are kept as they are).
 */
export function withMallocTunables(env) {
  return env.GLIBC_TUNABLES === undefined ? { ...env, GLIBC_TUNABLES: MALLOC_TUNABLES } : env;
}

/**
 * True when this process should re-execute itself so that glibc reads the tunables: on Linux, on a Node
 * that has process.execve (22.15+, 24), when they are not set yet, and not when started with an IPC
 * channel (execve keeps only stdin, stdout and stderr; a parent that forked us would lose its channel).
 */
export function needsMallocTunables(proc) {
  return proc.platform === 'linux' && typeof proc.execve === 'function' && proc.env.GLIBC_TUNABLES === undefined && proc.channel === undefined;
}
