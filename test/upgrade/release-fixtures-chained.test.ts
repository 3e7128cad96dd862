// Every database a released version wrote gets its history chained by the upgrade: afterwards
// `audit verify` finds nothing, and the chain goes on from there.
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditHistory } from '../../src/store/history-audit.ts';
import { createStore } from '../../src/store/store.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'db');
const releases = readdirSync(fixtures).filter((f) => /^release-.*\.sqlite$/.test(f));
const tempDir = useTempDir('kakunin-chain-upgrade-');

describe.each(releases)('%s', (file) => {
  it('is chained by the upgrade and verifies, before and after new answers', () => {
    const db = join(tempDir(), file);
    copyFileSync(join(fixtures, file), db);
    const before = new Database(db, { readonly: true });
    const historyRows = before.prepare('SELECT count(*) FROM answer_history').pluck().get() as number;
    before.close();

    const store = createStore(db);
    try {
      const audit = auditHistory(store.db);
      expect(audit.ok).toBe(true);
      expect(audit.rows).toBeGreaterThanOrEqual(historyRows);
      expect(historyRows).toBeGreaterThan(0);
      const [row] = store.db.prepare('SELECT assessment_id AS id, item_id AS item FROM answer_history ORDER BY id DESC LIMIT 1').all() as { id: string; item: string }[];
      store.answers.apply(row!.id, [{ itemId: row!.item, answer: undefined }], { personId: null, channel: 'cli' });
      expect(auditHistory(store.db)).toMatchObject({ ok: true, rows: audit.rows + 1 });
    } finally {
      store.close();
    }
  });
});
