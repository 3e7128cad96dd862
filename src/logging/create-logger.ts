// The app's one pino logger. Secrets never reach a line: fields that can hold a token, a signature or
// a request body are redacted by name (pino `redact`), and every finished line is scrubbed once more of
// anything shaped like a Slack token and of the configured secrets themselves, so a token quoted
// inside a library's message string (Bolt and the WebClient log strings) is caught too.
import pino, { type DestinationStream, type Logger } from 'pino';

export const REDACTED = '[redacted]';

/** Fields whose value is never logged, wherever they appear up to two levels down. */
export const REDACT_PATHS: readonly string[] = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'authorization',
  'body',
  'rawBody',
  'payload',
  'headers.authorization',
  'headers["x-slack-signature"]',
].flatMap((p) => [p, `*.${p}`, `*.*.${p}`]);

/** Slack tokens: bot/user/app/config/refresh (xoxb-, xoxp-, xapp-, xoxe-, …). */
const TOKEN_SHAPE = /\b(xox[a-z]|xapp)-[A-Za-z0-9-]{4,}/g;

export interface LoggerOptions {
  level: string;
  /** Exact values to scrub from every line (the signing secret, the tokens). */
  secrets?: readonly (string | undefined)[];
  destination?: DestinationStream;
}

export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let out = line.replace(TOKEN_SHAPE, (_m, kind: string) => `${kind}-${REDACTED}`);
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

export function createLogger({ level, secrets = [], destination }: LoggerOptions): Logger {
  // Short values would scrub ordinary words; real secrets are long.
  const exact = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  return pino(
    {
      level,
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      hooks: { streamWrite: (line) => scrubSecrets(line, exact) },
    },
    destination ?? pino.destination(1),
  );
}
