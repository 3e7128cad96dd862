import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { DatabaseVersionError } from '../../src/store/errors.ts';
import { allMigrations } from '../../src/store/migrations/all-migrations.ts';
import { manualClock } from './helpers/manual-clock.ts';
import { tempDatabasePath } from './helpers/temp-store.ts';

const tablesOf = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();

describe('openDatabase', () => {
  it('creates a fresh file with every table and records each migration once', () => {
    const clock = manualClock('2026-04-01T09:00:00.000Z');
    const db = openDatabase(tempDatabasePath(), { now: clock.now });

    expect(tablesOf(db)).toEqual(
      expect.arrayContaining([
        'organizations',
        'facilities',
        'people',
        'flow_versions',
        'assessments',
        'answers',
        'answer_history',
        'processed_events',
        'schema_migrations',
      ]),
    );
    expect(db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all()).toEqual(
      allMigrations.map((m) => ({ version: m.version, name: m.name, applied_at: '2026-04-01T09:00:00.000Z' })),
    );
    db.close();
  });

  it('applies nothing again when the same file is reopened', () => {
    const path = tempDatabasePath();
    const clock = manualClock();
    openDatabase(path, { now: clock.now }).close();
    clock.advance(60_000);

    const db = openDatabase(path, { now: clock.now });
    const rows = db.prepare('SELECT version, applied_at FROM schema_migrations').all();
    expect(rows).toHaveLength(allMigrations.length);
    expect(rows).toContainEqual({ version: 1, applied_at: '2026-04-01T00:00:00.000Z' });
    db.close();
  });

  it('runs in WAL mode with foreign keys enforced and a busy timeout', () => {
    const db = openDatabase(tempDatabasePath());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    const orphan = db.prepare(
      "INSERT INTO facilities (id, organization_id, name, created_at) VALUES ('f', 'nobody', 'x', 'now')",
    );
    expect(() => orphan.run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('also opens an in-memory database (for quick scripts and tests)', () => {
    const db = openDatabase(':memory:');
    expect(tablesOf(db)).toContain('assessments');
    db.close();
  });

  it('refuses a file written by a newer kakunin, leaving it untouched', () => {
    const path = tempDatabasePath();
    openDatabase(path).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from-the-future', 'x')").run();
    raw.close();

    let error: unknown;
    try {
      openDatabase(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseVersionError);
    expect((error as DatabaseVersionError).databaseVersion).toBe(999);
    expect((error as Error).message).toMatch(/Upgrade kakunin/);

    const after = new Database(path);
    expect(after.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(allMigrations.length + 1);
    after.close();
  });
});
