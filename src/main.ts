// `npm start`: the Slack app when Slack settings are present, otherwise the local terminal conversation.
import './runtime/require-supported-node.ts';
import { loadDotEnv } from './config/dotenv.ts';
import { bootstrap } from './app/bootstrap.ts';
import { holdRunLock } from './app/run-lock.ts';
import { ConfigError } from './config/env.ts';
import { createLogger } from './logging/create-logger.ts';
import { dailyBackupJob } from './scheduler/backup-job.ts';
import { createBackups, defaultBackupDir } from './service/backups.ts';
import { FlowFileError } from './flow/errors.ts';
import { createEventLedger } from './service/event-ledger.ts';
import { createLeadDomain } from './service/lead-domain.ts';
import { createReassessmentService } from './service/reassessment-service.ts';
import { createWorkspaceDirectory } from './service/workspace-directory.ts';
import { runTerminal } from './terminal/start-terminal.ts';

async function main(): Promise<number> {
  loadDotEnv();
  const app = bootstrap();
  // `kakunin restore` refuses while this mark names a live process.
  const releaseRunLock = app.env.KAKUNIN_DB === ':memory:' ? () => undefined : holdRunLock(app.env.KAKUNIN_DB);
  if (app.env.SLACK_BOT_TOKEN || app.env.SLACK_APP_TOKEN || app.env.SLACK_SIGNING_SECRET) {
    const { env } = app;
    const logger = createLogger({ level: env.LOG_LEVEL, secrets: [env.SLACK_BOT_TOKEN, env.SLACK_APP_TOKEN, env.SLACK_SIGNING_SECRET] });
    const backups = createBackups({
      store: app.store,
      dir: env.KAKUNIN_BACKUP_DIR ?? defaultBackupDir(env.KAKUNIN_DB),
      timeZone: env.KAKUNIN_TIME_ZONE,
      clock: app.clock,
      log: logger.child({ component: 'backup' }),
    });
    const { startSlackApp } = await import('./slack/start.ts');
    const directory = createWorkspaceDirectory({
      store: app.store,
      channel: 'slack',
      clock: app.clock,
      defaultLocale: app.env.KAKUNIN_LOCALE,
      defaultTimeZone: app.env.KAKUNIN_TIME_ZONE,
    });
    const events = createEventLedger(app.store);
    const leads = createLeadDomain({
      store: app.store,
      flows: app.flows,
      clock: app.clock,
      defaultTimeZone: app.env.KAKUNIN_TIME_ZONE,
      afterChange: app.scheduler.service.afterAssessmentChange,
    });
    const reassessment = createReassessmentService({ store: app.store, service: app.service, clock: app.clock });
    const slack = await startSlackApp({
      env,
      service: app.service,
      directory,
      events,
      leads,
      reassessment,
      scheduler: app.scheduler,
      flows: app.flows,
      clock: app.clock,
      logger,
      backupStatus: () => backups.status(),
      // The day's backup is one of the runner's jobs: on its clock, caught up once at start.
      jobs: env.KAKUNIN_DB === ':memory:' ? [] : [dailyBackupJob(backups)],
    });
    // Stop taking requests and close SQLite cleanly when the service manager stops us.
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      process.once(signal, () => {
        void slack
          .stop()
          .finally(() => {
            app.store.close();
            releaseRunLock();
            process.exit(0);
          });
      });
    return -1; // keep running
  }
  const { writeSubmittedReport } = await import('./terminal/submitted-report.ts');
  const directory = createWorkspaceDirectory({
    store: app.store,
    channel: 'terminal',
    clock: app.clock,
    defaultLocale: app.env.KAKUNIN_LOCALE,
    defaultTimeZone: app.env.KAKUNIN_TIME_ZONE,
  });
  const running = runTerminal({
    directory,
    service: app.service,
    schedule: app.scheduler.service,
    reassessment: createReassessmentService({ store: app.store, service: app.service, clock: app.clock }),
    locale: app.env.KAKUNIN_LOCALE,
    input: process.stdin,
    output: process.stdout,
    onSubmitted: (turn) => writeSubmittedReport({ directory, outDir: app.env.KAKUNIN_OUT_DIR, locale: app.env.KAKUNIN_LOCALE }, turn),
  });
  // The first question is on the screen: warm the report renderer while the person types (input is
  // buffered meanwhile), so the PDF at the end does not pay for it.
  if (app.env.KAKUNIN_REPORT_RENDERER === 'preload') {
    const { warmUpReports } = await import('./report/warm-up.ts');
    setImmediate(() => void warmUpReports(app.flows.values()).catch((err: unknown) => console.error(err)));
  }
  const end = await running;
  app.store.close();
  releaseRunLock();
  void end;
  return 0;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    // Known start-up problems get their own clear lines; anything else is a bug worth its stack.
    if (err instanceof ConfigError || err instanceof FlowFileError || (err instanceof Error && err.name === 'SlackStartError'))
      console.error(err.message);
    else console.error(err);
    process.exit(1);
  },
);
