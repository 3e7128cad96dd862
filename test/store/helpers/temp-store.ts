// Real SQLite files in a fresh temp dir per test, closed and removed when the test ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { createStore, type Store, type StoreOptions } from '../../../src/store/store.ts';

export function tempDatabasePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-store-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'kakunin.sqlite');
}

export function openTempStore(path: string = tempDatabasePath(), options: StoreOptions = {}): Store {
  const store = createStore(path, options);
  onTestFinished(() => {
    if (store.db.open) store.close();
  });
  return store;
}
