// Makes answer_history tamper-evident: chain columns, the chain heads table, and every existing row
// chained in the order it was written. The append-only triggers are dropped for the one UPDATE that
// fills the chain columns and restored unchanged afterwards. Also the log of backups (backup_runs), so
// the app can say when the last good backup was.
import { chainExistingRows, chainHeadsSchemaSql, chainSchemaSql } from '../hash-chain.ts';
import { answerHistoryChain } from '../chained-tables.ts';
import type { Migration } from './migration.ts';

export const historyHashChain: Migration = {
  version: 4,
  name: 'history-hash-chain',
  up: (db) => {
    db.exec(chainHeadsSchemaSql);
    db.exec(chainSchemaSql(answerHistoryChain));
    db.exec('DROP TRIGGER answer_history_no_update');
    chainExistingRows(db, answerHistoryChain);
    db.exec(`CREATE TRIGGER answer_history_no_update BEFORE UPDATE ON answer_history
BEGIN
  SELECT RAISE(ABORT, 'answer_history is append-only: rows cannot be updated');
END;`);
    db.exec(`CREATE TABLE backup_runs (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  taken_at TEXT NOT NULL,
  file     TEXT NOT NULL,
  bytes    INTEGER,
  -- history rows whose chains verified in the copy
  rows     INTEGER,
  ok       INTEGER NOT NULL CHECK (ok IN (0, 1)),
  problem  TEXT,
  CHECK (ok = 1 OR problem IS NOT NULL)
) STRICT;
CREATE INDEX backup_runs_by_time ON backup_runs (ok, taken_at);`);
  },
};
