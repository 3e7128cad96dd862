// `kakunin export-all --format xlsx|csv [--table items|reviews] --out file [--team T…]`: every facility's
// state as the leads' workbook (or one of its tables as CSV), for an inspector or the board, straight from
// the database file.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bootstrap } from '../app/bootstrap.ts';
import { renderStatusCsv, type StatusCsvTable } from '../report/status-csv.ts';
import { renderStatusXlsx } from '../report/status-xlsx.ts';
import { createRoles } from '../service/roles.ts';
import { createStatusBoard } from '../service/status-board.ts';
import { CliInputError } from './errors.ts';
import { organizationForOperator } from './organization-choice.ts';

export async function runExportAllCommand(
  args: { format: 'xlsx' | 'csv'; table?: StatusCsvTable | undefined; out: string; team?: string | undefined; force?: boolean },
  log: (l: string) => void,
): Promise<number> {
  const app = bootstrap();
  try {
    const path = resolve(args.out);
    // As for `report`: never the database itself, never an existing file without --force.
    if (app.env.KAKUNIN_DB !== ':memory:') {
      const db = resolve(app.env.KAKUNIN_DB);
      if ([db, `${db}-wal`, `${db}-shm`, `${db}-journal`].includes(path)) throw new CliInputError(`データベースには書き出せません / --out names the database itself: ${path}`);
    }
    if (!args.force && existsSync(path)) throw new CliInputError(`既にあるファイルは上書きしません（上書きするには --force） / ${path} exists; add --force to overwrite it`);
    const organization = organizationForOperator(app.store, args.team, app.env.KAKUNIN_DB);
    const board = createStatusBoard({ store: app.store, flows: app.flows, roles: createRoles({ store: app.store }), clock: app.clock }).boardForOperator(
      organization.id,
      app.env.KAKUNIN_LOCALE,
      app.env.KAKUNIN_TIME_ZONE,
    );
    const content = args.format === 'xlsx' ? await renderStatusXlsx(board) : renderStatusCsv(board, args.table);
    try {
      writeFileSync(path, content, { flag: args.force ? 'w' : 'wx' });
    } catch (err) {
      throw new CliInputError(`書き込めません / cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    log(path);
    return 0;
  } finally {
    app.store.close();
  }
}
