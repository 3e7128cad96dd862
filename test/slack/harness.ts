// The app as a test runs it: a real SQLite file in a temp dir, the real flows and engine, the real
// Bolt app with its HTTP receiver on 127.0.0.1, and its Web API client pointed at the fake Slack API.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { onTestFinished } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import type { IdleCompaction } from '../../src/runtime/idle-compaction.ts';
import type { Flow } from '../../src/flow/model.ts';
import { createReassessmentService } from '../../src/service/reassessment-service.ts';
import { createAssessmentService, type AssessmentService } from '../../src/service/assessment-service.ts';
import { createEventLedger, type EventLedger } from '../../src/service/event-ledger.ts';
import { createLeadDomain, type LeadDomain } from '../../src/service/lead-domain.ts';
import { createWorkspaceDirectory, type WorkspaceDirectory } from '../../src/service/workspace-directory.ts';
import type { Wait } from '../../src/slack/conversation-lanes.ts';
import type { RenderReport } from '../../src/slack/context.ts';
import { createBackups, type Backups } from '../../src/service/backups.ts';
import { createSlackApp, type KakuninSlackApp } from '../../src/slack/start.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import type { SyncFile } from '../../src/store/deferred-sync.ts';
import { manualClock, type ManualClock } from '../store/helpers/manual-clock.ts';
import { startFakeSlackApi, type FakeSlackApi, type FakeSlackApiOptions } from './fake-slack-api.ts';
import { SlackUser, type SlackEndpoint } from './slack-user.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-bot-token';

/** How every test's Slack app reaches the fake Web API and is reached by signed requests on loopback. */
export function fakeSlackConnection(slackApiUrl: string) {
  return {
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    http: { port: 0, host: '127.0.0.1' },
    slackApiUrl,
    botId: 'B0BOT',
    botUserId: 'U0BOT',
  };
}

/** The two checklists the stories use (flows/ also holds forms that other tests cover). */
export function checklistFlows(): Map<string, Flow> {
  const all = loadFlowsDir();
  return new Map(['mhlw-minimum-5.2', 'online-qualification-measures'].map((id) => [id, all.get(id)!]));
}

export interface HarnessOptions {
  flows?: Map<string, Flow>;
  /** Default: the real PDF renderer. */
  renderReport?: RenderReport;
  retryConfig?: { retries: number; minTimeout?: number; maxTimeout?: number; factor?: number };
  fake?: FakeSlackApiOptions;
  /** Default 2026-04-01 09:00 in Tokyo. */
  clock?: ManualClock;
  /** An existing database file (an upgrade story); default a fresh one in a temp dir. */
  dbPath?: string;
  /** App Home refresh debounce (default 5 ms: a burst within one request still coalesces). */
  homeRefreshDelayMs?: number;
  /** Waits before retries; by default they pass at once (tests never sleep). */
  wait?: Wait;
  stopGraceMs?: number;
  pruneEveryMs?: number;
  /** Daily backups into a backups/ dir beside the database, shown on leads' App Home (off by default). */
  backups?: boolean;
  /** How the store syncs its WAL after an answer (a test holds it); default the real fdatasync. */
  syncFile?: SyncFile;
  /** Stands in for the app's idle compaction (default: the real one, which does nothing without gc). */
  idleCompaction?: IdleCompaction;
}

/** What the Slack adapter gets from the service layer, over the test's store (flows: the two checklists). */
export function slackServices(
  store: Store,
  clock?: () => Date,
  flows: Map<string, Flow> = checklistFlows(),
  afterChange?: (organizationId: string, assessmentId: string) => void,
): { directory: WorkspaceDirectory; events: EventLedger; leads: LeadDomain } {
  return {
    directory: createWorkspaceDirectory({ store, channel: 'slack', clock }),
    events: createEventLedger(store),
    leads: createLeadDomain({ store, flows, ...(clock ? { clock } : {}), ...(afterChange ? { afterChange } : {}) }),
  };
}

export interface Harness {
  fake: FakeSlackApi;
  store: Store;
  service: AssessmentService;
  kakunin: KakuninSlackApp;
  endpoint: SlackEndpoint;
  clock: ManualClock;
  logs: Record<string, unknown>[];
  /** The SQLite file, for reading it as another process would. */
  dbPath: string;
  /** The app's HTTP server (a test may observe the moment each response is written). */
  server: Server;
  user(userId: string, name: string, teamId?: string): SlackUser;
  /** Stops the app and closes the database, then starts both again on the same file — a process restart. */
  restart(): Promise<void>;
  /** Stops the app and closes the database for good (a test that works on the file afterwards). */
  stop(): Promise<void>;
  /** With `backups: true`: the app's backups, on the harness clock. */
  backups: Backups | undefined;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-slack-'));
  const dbPath = options.dbPath ?? join(dir, 'kakunin.sqlite');
  const flows = options.flows ?? checklistFlows();
  const clock = options.clock ?? manualClock('2026-04-01T00:00:00.000Z');
  const fake = await startFakeSlackApi({
    teams: { T0CLINIC: { name: 'さくら内科クリニック', domain: 'sakura-naika' }, T0OTHER: { name: '別のクリニック' } },
    users: { U0SATO: { name: 'sato', realName: '佐藤 花子' }, U0SUZUKI: { name: 'suzuki', realName: '鈴木 一郎' } },
    ...options.fake,
  });
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const endpoint: SlackEndpoint = { url: '', signingSecret: SIGNING_SECRET };

  const boot = async () => {
    const store = createStore(dbPath, { now: clock.now, syncFile: options.syncFile });
    const service = createAssessmentService({ store, flows, clock: clock.now });
    const backups = options.backups ? createBackups({ store, dir: join(dir, 'backups'), timeZone: 'Asia/Tokyo', clock: clock.now, log: logger }) : undefined;
    const kakunin = createSlackApp({
      service,
      ...(backups ? { backupStatus: () => backups.status() } : {}),
      ...slackServices(store, clock.now, flows),
      homeRefreshDelayMs: options.homeRefreshDelayMs ?? 5,
      reassessment: createReassessmentService({ store, service, clock: clock.now }),
      ...fakeSlackConnection(fake.url),
      retryConfig: options.retryConfig ?? { retries: 0 },
      logger,
      clock: clock.now,
      wait: options.wait ?? (async () => undefined),
      ...(options.stopGraceMs !== undefined ? { stopGraceMs: options.stopGraceMs } : {}),
      ...(options.pruneEveryMs !== undefined ? { pruneEveryMs: options.pruneEveryMs } : {}),
      ...(options.renderReport ? { renderReport: options.renderReport } : {}),
      ...(options.idleCompaction ? { idleCompaction: options.idleCompaction } : {}),
    });
    const { port, server } = await kakunin.start();
    endpoint.url = `http://127.0.0.1:${port}/slack/events`;
    return { store, service, kakunin, server: server!, backups };
  };

  let running = await boot();
  let stopped = false;
  const harness: Harness = {
    fake,
    get store() {
      return running.store;
    },
    get service() {
      return running.service;
    },
    get kakunin() {
      return running.kakunin;
    },
    get backups() {
      return running.backups;
    },
    get server() {
      return running.server;
    },
    endpoint,
    clock,
    logs,
    dbPath,
    user: (userId, name, teamId = 'T0CLINIC') => new SlackUser(endpoint, fake, teamId, userId, name, () => running.kakunin.idle()),
    async restart() {
      await running.kakunin.stop();
      running.store.close();
      running = await boot();
    },
    async stop() {
      stopped = true;
      await running.kakunin.stop();
      running.store.close();
    },
  };
  onTestFinished(async () => {
    if (!stopped) await running.kakunin.stop();
    if (running.store.db.open) running.store.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return harness;
}
