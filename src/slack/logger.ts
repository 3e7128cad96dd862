// Bolt, the WebClient and the Socket Mode client log through @slack/logger's interface; this sends
// those lines to the app's pino logger, so Slack API retries and rate limits land in the same log.
import { LogLevel, type Logger } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';

const PINO_TO_SLACK: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

function format(parts: unknown[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if (p instanceof Error) return `${p.name}: ${p.message}`;
      try {
        return JSON.stringify(p);
      } catch {
        return String(p);
      }
    })
    .join(' ');
}

export function slackLogger(pino: PinoLogger, component: string): Logger {
  const log = pino.child({ component });
  let level = PINO_TO_SLACK[log.level] ?? LogLevel.INFO;
  return {
    debug: (...msg) => {
      if (log.isLevelEnabled('debug')) log.debug(format(msg));
    },
    info: (...msg) => log.info(format(msg)),
    warn: (...msg) => log.warn(format(msg)),
    error: (...msg) => log.error(format(msg)),
    // pino's level stays the source of truth; Bolt only asks so it can decide what to compute.
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
