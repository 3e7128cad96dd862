// An answer given through `durably` is committed at once and reported only after the WAL sync, which
// runs off the event loop; the connection goes back to syncing every other commit itself. When many
// answer at once, commits share syncs: each is reported after a sync that started once it was written.
import Database from 'better-sqlite3';
import { fstatSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiskSyncError, NestedDeferredSyncError, type SyncFile } from '../../src/store/deferred-sync.ts';
import type { Store } from '../../src/store/store.ts';
import { seedClinic } from './helpers/seed.ts';
import { openTempStore, tempDatabasePath } from './helpers/temp-store.ts';

/** A sync the test releases by hand, recording which file each call was for. */
function heldSyncs() {
  const calls: { fd: number; release: () => void }[] = [];
  const syncFile: SyncFile = (fd) => new Promise<void>((resolve) => calls.push({ fd, release: resolve }));
  return { calls, syncFile };
}

/** The clinic's respondent marks one item 実施済: one committed write. */
function answerDone(store: Store, { respondent, assessment }: ReturnType<typeof seedClinic>, itemId: string) {
  return store.answers.apply(assessment.id, [{ itemId, answer: { kind: 'done' } }], { personId: respondent.id, channel: 'slack' });
}

const synchronousSetting = (db: Database.Database) => db.pragma('synchronous', { simple: true });

describe('durably', () => {
  it('commits the answer at once, but resolves only when the WAL sync has returned', async () => {
    const path = tempDatabasePath();
    const syncs = heldSyncs();
    const store = openTempStore(path, { syncFile: syncs.syncFile });
    const clinic = seedClinic(store);

    let resolved = false;
    let setting: unknown;
    const answered = store
      .durably(() => {
        setting = synchronousSetting(store.db);
        return answerDone(store, clinic, 'officer');
      })
      .then(() => (resolved = true));
    // The commit itself did not sync (NORMAL)…
    expect(setting).toBe(1);

    // Committed: another connection (a restarted process) reads it…
    const other = new Database(path, { readonly: true });
    expect(other.prepare('SELECT item_id FROM answers WHERE assessment_id = ?').pluck().all(clinic.assessment.id)).toEqual(['officer']);
    other.close();
    // …the sync asked for is the WAL's, and until it returns nobody is told the answer is kept.
    expect(syncs.calls).toHaveLength(1);
    expect(fstatSync(syncs.calls[0]!.fd).ino).toBe(statSync(`${path}-wal`).ino);
    await new Promise((r) => setImmediate(r));
    expect(resolved).toBe(false);

    syncs.calls[0]!.release();
    await answered;
    expect(resolved).toBe(true);
  });

  it('leaves every other commit synced inside COMMIT (synchronous=FULL), also after a use case throws', async () => {
    let synced = 0;
    const store = openTempStore(tempDatabasePath(), { syncFile: async () => void synced++ });
    const clinic = seedClinic(store);
    expect(synchronousSetting(store.db)).toBe(2);

    await store.durably(() => answerDone(store, clinic, 'officer'));
    expect(synchronousSetting(store.db)).toBe(2);

    const refused = new Error('refused after the first of two commits');
    await expect(
      store.durably(() => {
        answerDone(store, clinic, 'devices');
        throw refused;
      }),
    ).rejects.toBe(refused);
    // What it committed before throwing was synced before the error came out.
    expect(synced).toBe(2);
    expect(synchronousSetting(store.db)).toBe(2);
    expect(store.answers.current(clinic.assessment.id)).toEqual({ officer: { kind: 'done' }, devices: { kind: 'done' } });
  });

  it('refuses to run inside a transaction, whose commit it could not wait for', async () => {
    const store = openTempStore(tempDatabasePath(), { syncFile: async () => undefined });
    store.db.exec('BEGIN IMMEDIATE');
    await expect(store.durably(() => 1)).rejects.toBeInstanceOf(NestedDeferredSyncError);
    store.db.exec('ROLLBACK');
  });

  it('says so, in a typed error, when the disk does not confirm the sync', async () => {
    const path = tempDatabasePath();
    const store = openTempStore(path, {
      syncFile: async () => {
        throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
      },
    });
    const clinic = seedClinic(store);
    const failed = store.durably(() => answerDone(store, clinic, 'officer'));
    await expect(failed).rejects.toBeInstanceOf(DiskSyncError);
    await expect(failed).rejects.toThrow(`Syncing ${path}-wal to disk failed (EIO: i/o error, fdatasync)`);
  });

  it('when four answer at once, the two made while two syncs run share the next sync, which starts only then', async () => {
    const syncs = heldSyncs();
    const store = openTempStore(tempDatabasePath(), { syncFile: syncs.syncFile });
    const clinic = seedClinic(store);
    const reported: string[] = [];
    const answer = (itemId: string) => store.durably(() => answerDone(store, clinic, itemId)).then(() => void reported.push(itemId));
    const settle = () => new Promise((r) => setImmediate(r));

    const items = ['officer', 'devices', 'backup', 'training'];
    const answered = items.map(answer);
    // The first two each start a sync; the last two were written while both ran, and wait together.
    expect(syncs.calls).toHaveLength(2);
    expect(store.answers.current(clinic.assessment.id)).toEqual(Object.fromEntries(items.map((id) => [id, { kind: 'done' }])));

    syncs.calls[0]!.release();
    await settle();
    // The first sync flushed the first answer only: the shared sync starts now, after all of them.
    expect(reported).toEqual(['officer']);
    expect(syncs.calls).toHaveLength(3);

    syncs.calls[2]!.release();
    await settle();
    expect(reported).toEqual(['officer', 'backup', 'training']);

    syncs.calls[1]!.release();
    await Promise.all(answered);
    expect(reported).toEqual(['officer', 'backup', 'training', 'devices']);
    expect(syncs.calls).toHaveLength(3);
  });

  it('tells everyone who shared a sync the disk did not confirm it', async () => {
    // The third sync, the one the last two answers share, fails.
    let calls = 0;
    const store = openTempStore(tempDatabasePath(), {
      syncFile: async () => {
        const call = ++calls;
        await new Promise((r) => setImmediate(r));
        if (call === 3) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
      },
    });
    const clinic = seedClinic(store);
    const results = await Promise.allSettled(['officer', 'devices', 'backup', 'training'].map((id) => store.durably(() => answerDone(store, clinic, id))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    for (const r of results.slice(2)) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DiskSyncError);
  });

  it('syncs for real with fdatasync by default', async () => {
    const store = openTempStore();
    const clinic = seedClinic(store);
    await store.durably(() => answerDone(store, clinic, 'officer'));
    expect(store.answers.current(clinic.assessment.id)).toEqual({ officer: { kind: 'done' } });
  });
});

describe('closing the store', () => {
  it('keeps the WAL descriptor open for a sync still running, and closes it when the sync returns', async () => {
    const path = tempDatabasePath();
    const syncs = heldSyncs();
    const store = openTempStore(path, { syncFile: syncs.syncFile });
    const clinic = seedClinic(store);
    const answered = store.durably(() => answerDone(store, clinic, 'officer'));
    const fd = syncs.calls[0]!.fd;

    store.close();
    // Still open (closing the database may have removed the WAL's name, not the open file).
    expect(() => fstatSync(fd)).not.toThrow();
    syncs.calls[0]!.release();
    await answered;
    expect(() => fstatSync(fd)).toThrow(/EBADF/);
  });

  it('keeps it open for a sync still queued behind running ones, and closes it after the last returns', async () => {
    const syncs = heldSyncs();
    const store = openTempStore(tempDatabasePath(), { syncFile: syncs.syncFile });
    const clinic = seedClinic(store);
    const answered = ['officer', 'devices', 'backup'].map((id) => store.durably(() => answerDone(store, clinic, id)));
    const fd = syncs.calls[0]!.fd;

    store.close();
    syncs.calls[0]!.release();
    syncs.calls[1]!.release();
    await new Promise((r) => setImmediate(r));
    // The queued sync ran on the same descriptor, still open.
    expect(syncs.calls).toHaveLength(3);
    expect(syncs.calls[2]!.fd).toBe(fd);
    expect(() => fstatSync(fd)).not.toThrow();
    syncs.calls[2]!.release();
    await Promise.all(answered);
    expect(() => fstatSync(fd)).toThrow(/EBADF/);
  });
});
