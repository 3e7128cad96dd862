// Gives the memory malloc holds free back to the system: glibc's malloc_trim, through the small Node-API
// addon native/malloc-trim.c that `npm install` builds (scripts/build-native.mjs). glibc returns freed
// memory by itself only from the top of an arena; what is freed below a block still in use stays
// resident. After start-up that is ~4-6 MB (the report warm-up's buffers, freed between blocks V8 and
// the compile cache keep), more after a burst. Called by the idle compaction, once V8 has collected.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Returns true when memory went back to the system. */
export type TrimNativeHeap = () => boolean;

export type NativeHeapTrim = { trim: TrimNativeHeap } | { trim?: undefined; missing: string };

export const NATIVE_TRIM_FILE = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'kakunin-native', 'malloc-trim.node');

/**
 * The addon's trim, or why there is none: not built on this machine (no compiler, not glibc: the app
 * then runs as before, with a few MB more resident), or built but not loadable here.
 */
export function loadNativeHeapTrim(file: string = NATIVE_TRIM_FILE): NativeHeapTrim {
  if (!existsSync(file)) return { missing: `${file} was not built (npm install builds it where a C compiler and glibc are)` };
  let addon: unknown;
  try {
    addon = createRequire(import.meta.url)(file);
  } catch (err) {
    return { missing: `${file} does not load here: ${err instanceof Error ? err.message : String(err)}` };
  }
  const trim = (addon as { mallocTrim?: unknown }).mallocTrim;
  if (typeof trim !== 'function') return { missing: `${file} has no mallocTrim` };
  return { trim: () => (trim as () => unknown)() === true };
}
