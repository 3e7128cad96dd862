import { renameSync, writeFileSync } from 'node:fs';

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
