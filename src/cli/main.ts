// `npm run kakunin -- <command>`: the command-line tools beside the conversation.
import '../runtime/require-supported-node.ts';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadDotEnv } from '../config/dotenv.ts';
import { defaultFlowsDir } from '../flow/loader.ts';
import { STATUS_CSV_TABLES } from '../report/status-csv.ts';
import { validateFlows } from './flows-validate.ts';

const USAGE = `使い方 / usage:
  npm run kakunin -- assessments                                 点検の一覧（ID・点検・拠点・状態）
  npm run kakunin -- flows validate [file…]                      flows/（KAKUNIN_FLOWS_DIR）の定義を検査する
  npm run kakunin -- report <assessment-id> --out file.pdf       点検をPDFにする（未提出は「下書き」）
  npm run kakunin -- export <assessment-id> --format csv|json [--out file]
  npm run kakunin -- export-all --format xlsx|csv [--table items|reviews] --out file [--team T…]   全拠点の状況を書き出す（CSVの reviews は確認履歴）
  npm run kakunin -- review list|show <id>|approve <id>|return <id> --as <リード> [--comment "…"] [--item technical.7 "…"]… [--team T…]
  npm run kakunin -- leads [add|remove <Slackユーザーid または名前>] [--team T…]
  npm run kakunin -- schedule preview [--from 2027-04-01] [--to 2027-04-30] [--facility 拠点]
                                                                 送られるリマインドを表示する（送らない）
  npm run kakunin -- schedule tick --now 2027-04-01T09:00+09:00  その時刻のリマインドを1回送る（Slack設定がなければ表示）
  npm run kakunin -- backup [--out file]                          動作中でもバックアップを取り、検査する
  npm run kakunin -- restore <file>                               停止中にバックアップから復元する
  npm run kakunin -- audit verify [--assessment ID] [--hash HASH]  履歴の改ざんを検査する
  npm run kakunin -- help                                        この説明

  --out は既存のファイルを上書きしません（上書きするには --force）。
  設定は環境変数または .env から読みます（KAKUNIN_DB など）。`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f' },
      table: { type: 'string' },
      force: { type: 'boolean' },
      team: { type: 'string' },
      as: { type: 'string' },
      comment: { type: 'string' },
      item: { type: 'string', multiple: true },
      assessment: { type: 'string' },
      hash: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      from: { type: 'string' },
      to: { type: 'string' },
      facility: { type: 'string' },
      now: { type: 'string' },
    },
    tokens: true,
  });
  const [command, ...rest] = positionals;
  const log = (l: string) => process.stdout.write(`${l}\n`);
  const warn = (l: string) => process.stderr.write(`${l}\n`);
  if (values.help || command === 'help' || !command) {
    log(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'flows': {
      if (rest[0] !== 'validate') throw new UsageError(`unknown: flows ${rest[0] ?? ''}`.trim());
      const dir = process.env.KAKUNIN_FLOWS_DIR ? resolve(process.env.KAKUNIN_FLOWS_DIR) : defaultFlowsDir;
      return validateFlows(rest.slice(1), dir, log, warn);
    }
    case 'assessments':
    case 'list': {
      const { listAssessments } = await import('./assessments-command.ts');
      return listAssessments(log);
    }
    case 'report':
    case 'export': {
      const { runReportCommand } = await import('./report-command.ts');
      const args = z
        .object({
          assessmentId: z.string({ error: 'an assessment id is required' }).min(1),
          out: z.string().optional(),
          force: z.boolean().default(false),
          format: z.enum(['pdf', 'csv', 'json']).default(command === 'report' ? 'pdf' : 'csv'),
        })
        .safeParse({ assessmentId: rest[0], out: values.out, force: values.force, format: values.format });
      if (!args.success) throw new UsageError(args.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return runReportCommand(args.data, log, warn);
    }
    case 'export-all': {
      const { runExportAllCommand } = await import('./export-all-command.ts');
      const args = z
        .object({
          format: z.enum(['xlsx', 'csv'], { error: 'xlsx or csv' }).default('xlsx'),
          // The workbook has every table as a sheet; a CSV file holds one.
          table: z.enum(STATUS_CSV_TABLES, { error: 'items or reviews' }).optional(),
          out: z.string({ error: 'an output file is required (--out file.xlsx)' }).min(1),
          team: z.string().optional(),
          force: z.boolean().default(false),
        })
        .refine((a) => a.table === undefined || a.format === 'csv', { path: ['table'], error: 'only with --format csv (the workbook has every table as a sheet)' })
        .safeParse({ format: values.format, table: values.table, out: values.out, team: values.team, force: values.force });
      if (!args.success) throw new UsageError(args.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return runExportAllCommand(args.data, log);
    }
    case 'review': {
      const { runReviewCommand } = await import('./review-command.ts');
      // `--item technical.7 "コメント"`: the comment is the positional right after each --item.
      const flags: { itemId: string; comment: string }[] = [];
      const itemComments = new Set<number>();
      tokens.forEach((tok, i) => {
        if (tok.kind !== 'option' || tok.name !== 'item' || !tok.value) return;
        const next = tokens[i + 1];
        const comment = next?.kind === 'positional' ? next.value : '';
        if (next?.kind === 'positional') itemComments.add(next.index);
        flags.push({ itemId: tok.value, comment });
      });
      const rest2 = tokens.filter((t) => t.kind === 'positional' && !itemComments.has(t.index)).map((t) => (t as { value: string }).value).slice(1);
      const args = z
        .object({
          verb: z.enum(['list', 'show', 'approve', 'return'], { error: 'list, show, approve or return' }),
          assessmentId: z.string().optional(),
          as: z.string({ error: 'the acting lead is required (--as U… or a name)' }).min(1),
          team: z.string().optional(),
          comment: z.string().optional(),
          flags: z.array(z.object({ itemId: z.string().min(1), comment: z.string() })),
        })
        .safeParse({ verb: rest2[0], assessmentId: rest2[1], as: values.as, team: values.team, comment: values.comment, flags });
      if (!args.success) throw new UsageError(args.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return runReviewCommand(args.data, log);
    }
    case 'leads': {
      const { runLeadsCommand } = await import('./review-command.ts');
      const args = z
        .object({ verb: z.enum(['list', 'add', 'remove']).default('list'), person: z.string().optional(), team: z.string().optional() })
        .safeParse({ verb: rest[0], person: rest[1], team: values.team });
      if (!args.success) throw new UsageError(args.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return runLeadsCommand(args.data, log);
    }
    case 'schedule': {
      const { previewArgsSchema, runSchedulePreview, runScheduleTick, tickArgsSchema } = await import('./schedule-command.ts');
      const problems = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
        e.issues.map((i) => `--${i.path.map(String).join('.')}: ${i.message}`).join('; ');
      if (rest[0] === 'preview') {
        const args = previewArgsSchema.safeParse({ from: values.from, to: values.to, facility: values.facility, now: values.now });
        if (!args.success) throw new UsageError(problems(args.error));
        return runSchedulePreview(args.data, log);
      }
      if (rest[0] === 'tick') {
        const args = tickArgsSchema.safeParse({ now: values.now });
        if (!args.success) throw new UsageError(problems(args.error));
        return runScheduleTick(args.data, log);
      }
      throw new UsageError(`unknown: schedule ${rest[0] ?? ''}`.trim());
    }
    case 'audit': {
      if (rest[0] !== 'verify') throw new UsageError(`unknown: audit ${rest[0] ?? ''}`.trim());
      const args = z
        .object({
          assessmentId: z.string().min(1).optional(),
          hash: z.string().regex(/^[0-9a-fA-F]{16,64}$/, 'the head hash (16 to 64 hex digits) printed on a report').optional(),
        })
        .safeParse({ assessmentId: values.assessment, hash: values.hash });
      if (!args.success) throw new UsageError(args.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const { runAuditCommand } = await import('./audit-command.ts');
      return runAuditCommand(args.data, log, warn);
    }
    case 'backup': {
      const { runBackupCommand } = await import('./backup-command.ts');
      return runBackupCommand({ out: values.out }, log);
    }
    case 'restore': {
      if (!rest[0]) throw new UsageError('restore needs the backup file: restore <file>');
      const { runRestoreCommand } = await import('./backup-command.ts');
      return runRestoreCommand({ file: rest[0] }, log);
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`${err.message}\n${USAGE}\n`);
    else if (err instanceof Error && err.name === 'CliInputError') process.stderr.write(`${err.message}\n`);
    else if (err instanceof Error && err.name !== 'Error') process.stderr.write(`${err.name}: ${err.message}\n`);
    else process.stderr.write(`${String(err)}\n`);
    process.exit(2);
  },
);
