// The clinic's IT contact takes a backup while kakunin is answering people, and later restores one:
// restore refuses while the app runs, refuses a damaged or tampered file, and keeps what it replaced.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { holdRunLock, runLockPath } from '../../src/app/run-lock.ts';
import { auditHistory } from '../../src/store/history-audit.ts';
import { runEntry } from '../helpers/run-cli.ts';
import { startHarness } from '../slack/harness.ts';
import { answerDone, sato as satoIds, startChecklist } from '../slack/helpers.ts';

test('a backup taken while the app answers is consistent and checked; restore brings it back and keeps the replaced file', { timeout: 120_000 }, async () => {
  const h = await startHarness();
  const db = h.store.db.name;
  const env = { KAKUNIN_DB: db };
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);

  const out = join(dirname(db), 'manual.sqlite');
  // People keep answering while the backup runs in another process.
  const [backup] = await Promise.all([runEntry('src/cli/main.ts', ['backup', '--out', out], '', env), answerDone(sato, 15)]);
  expect(backup.stderr).toBe('');
  expect(backup.code).toBe(0);
  expect(backup.stdout).toContain(`バックアップを作成し、検査しました（integrity_check ok、履歴`);
  expect(backup.stdout).toContain(out);
  expect(readdirSync(dirname(db)).filter((f) => f.startsWith('manual'))).toEqual(['manual.sqlite']);
  const copy = new Database(out, { readonly: true });
  const copied = auditHistory(copy);
  copy.close();
  expect(copied.ok).toBe(true);
  const id = satoIds(h).assessmentId();
  const liveRows = h.store.answers.history(id).length;
  expect(copied.rows).toBeLessThanOrEqual(liveRows);
  expect(h.store.backupRuns.lastGood()).toMatchObject({ file: out, ok: true });

  // Without --out it goes to backups/ beside the database, under a dated name.
  const dated = await runEntry('src/cli/main.ts', ['backup'], '', env);
  expect(dated.code).toBe(0);
  expect(readdirSync(join(dirname(db), 'backups'))).toEqual([expect.stringMatching(/^kakunin-\d{8}T\d{9}Z\.sqlite$/)]);

  // While the app runs (its pid file names a live process), restore refuses and changes nothing.
  await h.stop();
  const release = holdRunLock(db);
  const refused = await runEntry('src/cli/main.ts', ['restore', out], '', env);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain(`kakunin が動作中です（pid ${process.pid}）。停止してから復元してください`);
  release();
  expect(existsSync(runLockPath(db))).toBe(false);

  // A pid file left by a killed app names a dead process: restore goes ahead.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  writeFileSync(runLockPath(db), `${dead}\n`);
  const restored = await runEntry('src/cli/main.ts', ['restore', out], '', env);
  expect(restored.stderr).toBe('');
  expect(restored.code).toBe(0);
  expect(restored.stdout).toContain(`復元しました / restored ${out}`);
  const kept = readdirSync(dirname(db)).find((f) => f.startsWith('kakunin.sqlite.replaced-'))!;
  expect(restored.stdout).toContain(kept);
  const back = new Database(db, { readonly: true });
  expect(back.prepare('SELECT count(*) FROM answer_history').pluck().get()).toBe(copied.rows);
  back.close();
  const replaced = new Database(join(dirname(db), kept), { readonly: true });
  expect(replaced.prepare('SELECT count(*) FROM answer_history').pluck().get()).toBe(liveRows);
  replaced.close();
});

test('restore refuses a file that is not a whole kakunin database, or whose history was tampered with', { timeout: 60_000 }, async () => {
  const h = await startHarness();
  const db = h.store.db.name;
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  await h.stop();
  const env = { KAKUNIN_DB: db };

  const garbage = join(dirname(db), 'garbage.sqlite');
  writeFileSync(garbage, 'this is not a database');
  const notDb = await runEntry('src/cli/main.ts', ['restore', garbage], '', env);
  expect(notDb.code).toBe(2);
  expect(notDb.stderr).toContain('BackupCheckError: バックアップ');

  const tampered = join(dirname(db), 'tampered.sqlite');
  copyFileSync(db, tampered);
  const raw = new Database(tampered);
  raw.exec("DROP TRIGGER answer_history_no_update; UPDATE answer_history SET channel = 'cli' WHERE chain_seq = 2");
  raw.close();
  const refused = await runEntry('src/cli/main.ts', ['restore', tampered], '', env);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('history chain broken: answer_history');
  expect(readdirSync(dirname(db)).some((f) => f.includes('.replaced-'))).toBe(false);
});
