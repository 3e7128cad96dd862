// Makes the history tamper-evident: chain columns, the chain heads table, and every existing row of
// answer_history, assessment_events and review_decisions chained in the order it was written (their append-only triggers
// are lifted for that one update and restored unchanged). Also the log of backups (backup_runs), so the
// app can say when the last good backup was.
import { chainTable } from '../hash-chain.ts';
import { answerHistoryChain, assessmentEventsChain, reviewDecisionsChain } from '../chained-tables.ts';
import type { Migration } from './migration.ts';

export const historyHashChain: Migration = {
  version: 4,
  name: 'history-hash-chain',
  up: (db) => {
    chainTable(db, answerHistoryChain);
    chainTable(db, assessmentEventsChain);
    chainTable(db, reviewDecisionsChain);
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
