// Starting the Slack adapter. `startSlackApp` is what `npm start` calls; `createSlackApp` is the same
// app with every outside contact injectable (receiver port and host, Web API URL, bot identity,
// retry policy, clock, PDF renderer), which the tests and the benchmark use.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { webApi, type App } from '@slack/bolt';
import type { Logger } from 'pino';
import { createLogger } from '../logging/create-logger.ts';
import { createIdleCompaction, type IdleCompaction } from '../runtime/idle-compaction.ts';
import type { Env } from '../config/env.ts';
import type { Flow } from '../flow/model.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import type { RunnerJob } from '../scheduler/runner.ts';
import { startRunner } from '../scheduler/start-runner.ts';
import type { AssessmentService } from '../service/assessment-service.ts';
import type { BackupStatus } from '../service/backups.ts';
import type { EventLedger } from '../service/event-ledger.ts';
import type { LeadDomain } from '../service/lead-domain.ts';
import type { WorkspaceDirectory } from '../service/workspace-directory.ts';
import { publishHome } from './conversation/assessments.ts';
import { createHomeRefresh } from './home-refresh.ts';
import type { ReassessmentService } from '../service/reassessment-service.ts';
import { createBoltApp } from './app.ts';
import { createBackground } from './background.ts';
import { createConversationLanes, realWait, type Wait } from './conversation-lanes.ts';
import { createDmChannels, createProfiles, createRecentSteps, type RenderReport, type SlackContext } from './context.ts';
import { SlackStartError, slackErrorCode } from './errors.ts';
import { slackLogger } from './logger.ts';
import { createReminderClient, slackReminderSender } from './reminder-sender.ts';
import { DEFAULT_SLACK_API_URL, slackSettings } from './settings.ts';

export interface CreateSlackAppOptions {
  service: AssessmentService;
  /** The workspace directory for channel 'slack' (service/workspace-directory.ts). */
  directory: WorkspaceDirectory;
  events: EventLedger;
  /** Roles, facilities, review and the status board (service/lead-domain.ts). */
  leads: LeadDomain;
  /** The reminders' service for the DM buttons; the runner itself is started by startSlackApp. */
  scheduler?: Scheduler | undefined;
  /**
   * Re-assessments (service/reassessment-service.ts): 始める on a flow submitted before offers its answers,
   * and the 変更なし buttons work. Without it every start is blank.
   */
  reassessment?: ReassessmentService | undefined;
  botToken: string;
  /** Socket Mode when given; otherwise HTTP with `signingSecret`. */
  appToken?: string | undefined;
  signingSecret?: string | undefined;
  /** Where the HTTP receiver listens (port 0: any free port). */
  http?: { port: number; host?: string } | undefined;
  slackApiUrl?: string | undefined;
  botId?: string | undefined;
  botUserId?: string | undefined;
  /** Retries of Slack API calls; tests pass `{ retries: 0 }`. Defaults: a few quick ones for clicks, patient ones for uploads. */
  retryConfig?: webApi.RetryOptions | undefined;
  logger?: Logger | undefined;
  clock?: (() => Date) | undefined;
  renderReport?: RenderReport | undefined;
  /** Waits before retries (Retry-After, re-sending a question); tests inject their own. */
  wait?: Wait | undefined;
  /** How long stop() lets acknowledged work finish before it gives up on it (default 10 s). */
  stopGraceMs?: number | undefined;
  /** How often processed Slack events are pruned (default hourly). */
  pruneEveryMs?: number | undefined;
  /** How long App Home refreshes wait to coalesce a burst of changes (default 2 s). */
  homeRefreshDelayMs?: number | undefined;
  /** Gives memory back when requests stop (runtime/idle-compaction.ts); tests inject their own. */
  idleCompaction?: IdleCompaction | undefined;
  /** When the last good backup was, for the leads' App Home (service/backups.ts). */
  backupStatus?: (() => BackupStatus) | undefined;
}

export interface KakuninSlackApp {
  app: App;
  context: SlackContext;
  /** Starts the receiver; for HTTP, resolves with the port it listens on and its server. */
  start(): Promise<{ port?: number; server?: Server }>;
  /**
   * Stops receiving, then lets work already acknowledged (posting replies, uploads) finish for at most
   * `stopGraceMs`. Answers are in SQLite before their ack, so what is cut off is only a reply or a
   * PDF, which /kakunin brings back.
   */
  stop(): Promise<void>;
  /** Resolves when no acknowledged work is still running. */
  idle(): Promise<void>;
}

/** processed_events only needs to outlive Slack's retries (minutes); prune what is a day old. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const KEEP_EVENTS_MS = 24 * 60 * 60 * 1000;
const STOP_GRACE_MS = 10_000;

export function createSlackApp(options: CreateSlackAppOptions): KakuninSlackApp {
  const logger = options.logger ?? createLogger({ level: 'info', secrets: [options.botToken, options.appToken, options.signingSecret] });
  const clock = options.clock ?? (() => new Date());
  const slackApiUrl = options.slackApiUrl ?? DEFAULT_SLACK_API_URL;
  const { retryPolicies } = webApi;
  const webClient = (name: 'interactive' | 'modal' | 'bulk', clientOptions: webApi.WebClientOptions) => {
    const client = new webApi.WebClient(options.botToken, { slackApiUrl, ...clientOptions, logger: slackLogger(logger, `slack-${name}`) });
    client.on(webApi.WebClientEvent.RATE_LIMITED, (retryAfterSeconds: number, { url }: { url: string }) =>
      logger.warn({ retryAfterSeconds, url, client: name }, 'Slack rate limit'),
    );
    return client;
  };
  // Separate clients, separate queues: a 429 never pauses the replies to other people's clicks.
  const client = webClient('interactive', {
    retryConfig: options.retryConfig ?? retryPolicies.fiveRetriesInFiveMinutes,
    timeout: 15_000,
    rejectRateLimitedCalls: true,
  });
  const modal = webClient('modal', { retryConfig: { retries: 0 }, timeout: 2_500, rejectRateLimitedCalls: true });
  const bulk = webClient('bulk', { retryConfig: options.retryConfig ?? retryPolicies.tenRetriesInAboutThirtyMinutes, timeout: 120_000 });
  const wait = options.wait ?? realWait;
  const background = createBackground();
  const context: SlackContext = {
    service: options.service,
    reassessment: options.reassessment,
    directory: options.directory,
    events: options.events,
    roles: options.leads.roles,
    facilities: options.leads.facilities,
    leads: {
      ...options.leads,
      homeRefresh: createHomeRefresh({ delayMs: options.homeRefreshDelayMs ?? 2_000, background, publish: (actor) => publishHome(context, client, actor) }),
    },
    schedule: options.scheduler?.service,
    clock,
    logger,
    client,
    modal,
    bulk,
    lanes: createConversationLanes(logger, wait),
    wait,
    lifecycle: { stopping: false },
    renderReport: options.renderReport ?? renderReportOnFirstUse,
    background,
    dm: createDmChannels(),
    profiles: createProfiles(logger),
    recent: createRecentSteps(),
    backupStatus: options.backupStatus,
  };

  if (!options.appToken && !options.signingSecret) throw new Error('createSlackApp needs appToken (Socket Mode) or signingSecret (HTTP)');
  const { app } = createBoltApp(
    {
      botToken: options.botToken,
      botId: options.botId,
      botUserId: options.botUserId,
      receiver: options.appToken ? { mode: 'socket', appToken: options.appToken } : { mode: 'http', signingSecret: options.signingSecret! },
      slackApiUrl,
      retryConfig: options.retryConfig ?? retryPolicies.fiveRetriesInFiveMinutes,
      logger,
    },
    context,
  );
  const idleCompaction = options.idleCompaction ?? createIdleCompaction({ logger });
  app.use(async ({ next }) => {
    idleCompaction.touch();
    await next();
  });

  const prune = () => {
    try {
      const pruned = options.events.forgetBefore(new Date(clock().getTime() - KEEP_EVENTS_MS));
      if (pruned) logger.debug({ pruned }, 'pruned processed Slack events');
    } catch (err) {
      // A timer callback that throws would take the process down; the next run tries again.
      logger.error({ err }, 'pruning processed Slack events failed; retrying at the next interval');
    }
  };
  let pruner: NodeJS.Timeout | undefined;
  return {
    app,
    context,
    async start() {
      pruner = setInterval(prune, options.pruneEveryMs ?? PRUNE_EVERY_MS);
      pruner.unref();
      // Start-up work (flows, the report warm-up, starting the receiver) leaves a grown heap behind: give
      // it back once the receiver is up. (Before it, the receiver's own start-up garbage, ~1.7 MB, stayed.)
      if (options.appToken) {
        await app.start();
        idleCompaction.compactNow('start-up work done');
        return {};
      }
      const http = options.http ?? { port: 3000 };
      const server = (await app.start({ port: http.port, ...(http.host ? { host: http.host } : {}) })) as Server;
      // Proxies and load balancers reuse idle connections for up to 60 s; closing them sooner (Node's
      // default is 5 s) makes requests race the close or pay for a new connection.
      server.keepAliveTimeout = 65_000;
      server.headersTimeout = 66_000;
      idleCompaction.compactNow('start-up work done');
      return { port: (server.address() as AddressInfo).port, server };
    },
    async stop() {
      clearInterval(pruner);
      idleCompaction.stop();
      context.lifecycle.stopping = true;
      await app.stop();
      await context.leads.homeRefresh.flush();
      const grace = options.stopGraceMs ?? STOP_GRACE_MS;
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        context.background.idle().then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), grace))),
      ]);
      clearTimeout(timer);
      if (!finished)
        logger.warn({ unfinished: context.background.pending, graceMs: grace }, 'stopped with Slack replies or uploads unfinished; answers are saved, /kakunin resends');
    },
    idle: () => context.background.idle(),
  };
}

/**
 * The PDF renderer (pdf-lib, fontkit, the fonts: ~12 MB resident once loaded and warmed) is imported by
 * the first report, unless KAKUNIN_REPORT_RENDERER=preload has already loaded and warmed it at start.
 */
const renderReportOnFirstUse: RenderReport = async (source) => (await import('../report/render-report.ts')).renderReport(source);

export interface StartSlackAppOptions {
  env: Env;
  service: AssessmentService;
  directory: WorkspaceDirectory;
  events: EventLedger;
  leads: LeadDomain;
  scheduler?: Scheduler;
  reassessment?: ReassessmentService | undefined;
  flows?: Map<string, Flow>;
  logger?: Logger;
  clock?: () => Date;
  backupStatus?: () => BackupStatus;
  /** Done on the reminders' runner ticks besides the reminders (the daily backup). */
  jobs?: readonly RunnerJob[];
}

/**
 * `npm start` with Slack settings: checks the bot token against SLACK_API_URL (so a wrong token or
 * URL stops start-up with one clear line), then runs in Socket Mode or serves HTTP on PORT.
 */
export async function startSlackApp(options: StartSlackAppOptions): Promise<{ app: App; stop(): Promise<void> }> {
  const settings = slackSettings(options.env);
  const logger =
    options.logger ??
    createLogger({ level: options.env.LOG_LEVEL, secrets: [settings.botToken, options.env.SLACK_APP_TOKEN, options.env.SLACK_SIGNING_SECRET] });
  const identity = await whoAmI(settings.botToken, settings.apiUrl, logger);
  const kakunin = createSlackApp({
    service: options.service,
    directory: options.directory,
    events: options.events,
    leads: options.leads,
    scheduler: options.scheduler,
    reassessment: options.reassessment,
    botToken: settings.botToken,
    ...(settings.mode === 'socket' ? { appToken: settings.appToken } : { signingSecret: settings.signingSecret, http: { port: settings.port } }),
    slackApiUrl: settings.apiUrl,
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger,
    clock: options.clock,
    backupStatus: options.backupStatus,
  });
  // Before the receiver listens: no request waits while the report renderer warms up.
  if (options.env.KAKUNIN_REPORT_RENDERER === 'preload') {
    const { warmUpReports } = await import('../report/warm-up.ts');
    await warmUpReports(options.flows?.values() ?? []);
  }
  try {
    const { port } = await kakunin.start();
    logger.info(
      { mode: settings.mode, port, apiUrl: settings.apiUrl, team: identity.team, botUserId: identity.botUserId },
      settings.mode === 'socket' ? 'kakunin is connected to Slack (Socket Mode)' : `kakunin is serving Slack requests on port ${port}`,
    );
  } catch (err) {
    throw new SlackStartError(settings.apiUrl, err instanceof Error ? err.message : String(err));
  }
  const clock = options.clock ?? (() => new Date());
  const reminders = options.scheduler
    ? startRunner(
        options.scheduler.runner(slackReminderSender(createReminderClient(settings.botToken, settings.apiUrl, logger)), { logger, ...(options.jobs ? { jobs: options.jobs } : {}) }),
        clock,
        logger,
      )
    : undefined;
  return {
    app: kakunin.app,
    stop: async () => {
      await reminders?.stop();
      await kakunin.stop();
    },
  };
}

async function whoAmI(botToken: string, apiUrl: string, logger: Logger): Promise<{ botId?: string; botUserId?: string; team?: string }> {
  const client = new webApi.WebClient(botToken, { slackApiUrl: apiUrl, retryConfig: { retries: 2 }, timeout: 15_000, logger: slackLogger(logger, 'slack-start') });
  try {
    const auth = await client.auth.test();
    return { botId: auth.bot_id, botUserId: auth.user_id, team: auth.team };
  } catch (err) {
    throw new SlackStartError(apiUrl, `auth.test failed (${slackErrorCode(err) ?? (err instanceof Error ? err.message : String(err))})`);
  }
}
