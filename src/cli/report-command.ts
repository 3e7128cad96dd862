// `kakunin report <id> --out file.pdf` and `kakunin export <id> --format csv|json [--out file]`.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bootstrap } from '../app/bootstrap.ts';
import { toChecklistCsv } from '../report/checklist-csv.ts';
import { toChecklistJson } from '../report/checklist-json.ts';
import { renderReport } from '../report/render-report.ts';
import { reportSource } from '../service/report-source.ts';

export class ReportCommandError extends Error {
  override readonly name = 'ReportCommandError';
}

export async function runReportCommand(
  args: { assessmentId: string; out?: string | undefined; force?: boolean; format: 'pdf' | 'csv' | 'json' },
  log: (l: string) => void,
  _warn: (l: string) => void,
): Promise<number> {
  const app = bootstrap();
  try {
    // Checked before any work: the database (and its journal files) is never an output, --force or not.
    const out = args.out === undefined ? undefined : resolve(args.out);
    if (out && app.env.KAKUNIN_DB !== ':memory:') {
      const db = resolve(app.env.KAKUNIN_DB);
      if ([db, `${db}-wal`, `${db}-shm`, `${db}-journal`].includes(out))
        throw new ReportCommandError(`データベースには書き出せません / --out names the database itself: ${out}`);
    }
    if (out && !args.force && existsSync(out))
      throw new ReportCommandError(`既にあるファイルは上書きしません（上書きするには --force） / ${out} exists; add --force to overwrite it`);
    const organizationId = app.store.assessments.organizationOf(args.assessmentId);
    if (!organizationId)
      throw new ReportCommandError(`点検「${args.assessmentId}」は見つかりません / no assessment "${args.assessmentId}" in ${app.env.KAKUNIN_DB}`);
    const source = { ...reportSource(app.store, organizationId, args.assessmentId), locale: app.env.KAKUNIN_LOCALE };
    let content: Uint8Array | string;
    if (args.format === 'pdf') content = await renderReport(source);
    else if (source.flow.kind !== 'checklist')
      throw new ReportCommandError(`CSV/JSONの書き出しはチェックリストのみです / csv and json exports are for checklists; "${source.flow.id}" is a form: use report --out file.pdf`);
    else if (args.format === 'csv') content = toChecklistCsv(source);
    else content = `${JSON.stringify(toChecklistJson(source), null, 2)}\n`;

    if (!args.out) {
      if (args.format === 'pdf') throw new ReportCommandError('PDFの出力先を --out で指定してください / give --out file.pdf');
      process.stdout.write(content);
      return 0;
    }
    const path = resolve(args.out);
    try {
      // 'wx' also refuses a file created since the check above.
      writeFileSync(path, content, { flag: args.force ? 'w' : 'wx' });
    } catch (err) {
      throw new ReportCommandError(`書き込めません / cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    log(path);
    return 0;
  } finally {
    app.store.close();
  }
}
