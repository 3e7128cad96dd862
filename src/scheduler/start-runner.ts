// The runner in the app process: a tick at once on start (whatever fell due while the app was down
// goes out now, once — not once per missed minute), then one each minute. croner's `protect` skips a
// minute while the previous tick is still running instead of overlapping it.
import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Runner } from './runner.ts';

export interface RunningScheduler {
  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void>;
}

export function startRunner(runner: Runner, clock: () => Date, logger: Logger, pattern = '0 * * * * *'): RunningScheduler {
  let current: Promise<void> | undefined;
  const tick = async () => {
    if (current) return current;
    current = runner
      .tick(clock())
      .then((report) => {
        if (report.sent || report.failed || report.recovered) logger.info({ ...report }, 'reminder tick');
      })
      .catch((err: unknown) => logger.error({ err }, 'reminder tick failed; the next tick tries again'))
      .finally(() => {
        current = undefined;
      });
    return current;
  };
  void tick();
  const job = new Cron(pattern, { protect: true }, tick);
  return {
    async stop() {
      job.stop();
      await current;
    },
  };
}
