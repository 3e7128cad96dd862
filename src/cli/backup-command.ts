// `kakunin backup [--out file]` while the app runs, and `kakunin restore <file>` while it does not.
import { readEnv } from '../config/env.ts';
import { runningPid } from '../app/run-lock.ts';
import { createBackups, defaultBackupDir } from '../service/backups.ts';
import { restoreBackupFile } from '../store/restore-file.ts';
import { createStore } from '../store/store.ts';

export class BackupCommandError extends Error {
  override readonly name = 'BackupCommandError';
}

export async function runBackupCommand(args: { out?: string | undefined }, log: (l: string) => void): Promise<number> {
  const env = readEnv();
  const store = createStore(env.KAKUNIN_DB);
  try {
    const backups = createBackups({ store, dir: env.KAKUNIN_BACKUP_DIR ?? defaultBackupDir(env.KAKUNIN_DB), timeZone: env.KAKUNIN_TIME_ZONE });
    const taken = await backups.take(args.out);
    log(`バックアップを作成し、検査しました（integrity_check ok、履歴 ${taken.rows}件の改ざんなし）: ${taken.file}`);
    log(`backup taken and checked (integrity ok, ${taken.rows} history rows verified): ${taken.file}`);
    return 0;
  } finally {
    store.close();
  }
}

export function runRestoreCommand(args: { file: string }, log: (l: string) => void): number {
  const env = readEnv();
  const pid = runningPid(env.KAKUNIN_DB);
  if (pid !== undefined)
    throw new BackupCommandError(
      `kakunin が動作中です（pid ${pid}）。停止してから復元してください / kakunin is running on ${env.KAKUNIN_DB} (pid ${pid}); stop it before restoring`,
    );
  const { restored, replacedKeptAt } = restoreBackupFile(args.file, env.KAKUNIN_DB, new Date());
  log(`復元しました / restored ${restored.file} → ${env.KAKUNIN_DB} (履歴 ${restored.rows}件を検査済み)`);
  if (replacedKeptAt) log(`置き換えたデータベースの保存先 / the replaced database is kept at ${replacedKeptAt}`);
  return 0;
}
