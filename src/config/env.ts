// Settings from the environment, validated once at start. A bad value stops start-up with one line
// per variable that names it and says what is expected.
import { z } from 'zod';
import { isValidTimeZone } from '../dates/calendar-date.ts';
import { localeSchema } from '../i18n/locale.ts';

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const envSchema = z.object({
  KAKUNIN_DB: z.string().min(1, 'a file path for the SQLite database').default('data/kakunin.sqlite'),
  KAKUNIN_TIME_ZONE: z
    .string()
    .default('Asia/Tokyo')
    .refine(isValidTimeZone, 'an IANA time zone such as Asia/Tokyo'),
  KAKUNIN_LOCALE: localeSchema.default('ja'),
  KAKUNIN_FLOWS_DIR: optionalNonEmpty,
  /** Where daily backups go; default: backups/ beside KAKUNIN_DB. */
  KAKUNIN_BACKUP_DIR: optionalNonEmpty,
  /** Where the terminal writes PDFs of submitted assessments. */
  KAKUNIN_OUT_DIR: z.string().min(1).default('out'),
  /**
   * preload: the PDF renderer and fonts are loaded and warmed at start, so the first report is as fast as
   * the next (~12 MB more resident memory). on-demand: loaded by the first report, which then takes about
   * 0.35 s longer (loading the modules and fonts, a cold render).
   */
  KAKUNIN_REPORT_RENDERER: z.enum(['preload', 'on-demand']).default('preload'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SLACK_BOT_TOKEN: optionalNonEmpty.pipe(z.string().startsWith('xoxb-', 'a bot token starting with xoxb-').optional()),
  SLACK_APP_TOKEN: optionalNonEmpty.pipe(z.string().startsWith('xapp-', 'an app-level token starting with xapp-').optional()),
  SLACK_SIGNING_SECRET: optionalNonEmpty,
  // The WebClient appends method names to this base ("…/api/" + "chat.postMessage"), so it must end in "/".
  SLACK_API_URL: optionalNonEmpty.pipe(
    z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'an http(s) URL such as https://slack.com/api/')
      .transform((url) => (url.endsWith('/') ? url : `${url}/`))
      .optional(),
  ),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});
export type Env = z.output<typeof envSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.lines = lines;
  }
}

/** Settings whose values are credentials: an error shows only enough to recognise them. */
const SECRETS = new Set(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']);

/**
 * A secret as an error line may show it: its first few characters (enough to tell an xoxb- from an
 * xapp- token, never more than a third of it) and its length.
 */
export function redactSecret(value: string): string {
  const shown = value.slice(0, Math.min(5, Math.ceil(value.length / 3)));
  return `${JSON.stringify(`${shown}…`)} (${value.length} characters, the rest hidden)`;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      const value = source[name] ?? '';
      const shown = SECRETS.has(name) && value !== '' ? redactSecret(value) : JSON.stringify(value);
      return `設定エラー / config error: ${name}=${shown} — expected ${issue.message}`;
    }),
  );
}
