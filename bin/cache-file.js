// Files the launcher keeps in node_modules/.cache (the bundled libraries, the stripped sources): written
// whole, and read back only when whole and well formed.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The directory named `name` among the caches of the checkout at `root` (node_modules/.cache, where tools keep theirs). */
export function cacheDir(root, name) {
  return join(root, 'node_modules', '.cache', name);
}

/**
 * Writes `data` to `path` whole: to a temporary file first, then renamed into place. Concurrent first
 * starts (the test suite spawns many) each write their own temporary file; the rename is atomic, so a
 * reader sees a whole file from one of them, and they are byte-identical anyway.
 */
export function writeWhole(path, data) {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * The JSON in `path` when `isWellFormed` accepts it; undefined when there is no such file, or it is cut
 * short or not what was written (only a disk fault: files are renamed into place whole), so that what it
 * describes is made again. Other read errors are thrown.
 */
export function readJsonFile(path, isWellFormed) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const value = JSON.parse(text);
    return isWellFormed(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
