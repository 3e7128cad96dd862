import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database.ts';
import { allMigrations } from '../../../src/store/migrations/all-migrations.ts';
import { initialSchema } from '../../../src/store/migrations/0001-initial-schema.ts';
import type { Migration } from '../../../src/store/migrations/migration.ts';
import { tempDatabasePath } from '../helpers/temp-store.ts';

const addSchedules: Migration = {
  version: 2,
  name: 'schedules',
  up: (db) => db.exec('CREATE TABLE schedules (id TEXT PRIMARY KEY) STRICT'),
};

const versionsOf = (db: Database.Database) =>
  db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();

describe('applyMigrations', () => {
  it('lists migrations with strictly increasing versions, starting at 1', () => {
    const versions = allMigrations.map((m) => m.version);
    expect(versions[0]).toBe(1);
    versions.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(versions[i]!));
  });

  it('upgrades a database made by an older build with only the new steps', () => {
    const path = tempDatabasePath();
    openDatabase(path, { migrations: [initialSchema] }).close();

    const db = openDatabase(path, { migrations: [initialSchema, addSchedules] });
    expect(versionsOf(db)).toEqual([1, 2]);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'schedules'").pluck().get()).toBe('schedules');
    db.close();
  });

  it('leaves the file as it was when a step fails', () => {
    const path = tempDatabasePath();
    openDatabase(path, { migrations: [initialSchema] }).close();
    const broken: Migration = {
      version: 2,
      name: 'half-done',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id TEXT) STRICT');
        throw new Error('step failed');
      },
    };

    expect(() => openDatabase(path, { migrations: [initialSchema, broken] })).toThrow('step failed');

    const db = openDatabase(path, { migrations: [initialSchema] });
    expect(versionsOf(db)).toEqual([1]);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });
});
