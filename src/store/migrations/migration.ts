// One step of the schema. Versions only ever grow; a released migration is never edited, only
// followed by a new one, because databases in the field have already run it.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the migration transaction, where PRAGMA foreign_keys cannot be switched. */
  up(db: Database.Database): void;
}
