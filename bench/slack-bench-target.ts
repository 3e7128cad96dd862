// The app under load, in its own process so its peak RSS is its own: either kakunin's Slack app
// (real SQLite, engine, Bolt HTTP receiver) or a bare Bolt app that only acknowledges (`bare`), or also
// commits one row durably per click before acking (`bare-durable`). Started by
// bench/slack-ack.bench.ts; prints "READY <port>" and answers "rss" over IPC.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, LogLevel } from '@slack/bolt';
// kakunin's modules are imported only in kakunin mode: the bare app's memory is Bolt's alone.

const mode = process.env.BENCH_MODE;
const apiUrl = process.env.BENCH_API_URL!;
const signingSecret = process.env.BENCH_SIGNING_SECRET!;

/** Time to ack as the app itself sees it: request received → response finished. */
const serverAcks: number[] = [];
function measure(server: Server): void {
  server.on('request', (_req, res) => {
    const started = performance.now();
    res.on('finish', () => serverAcks.push(performance.now() - started));
  });
}
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

/**
 * For `bare-durable`: one answer-sized row committed per click before the ack, on a connection configured
 * as kakunin's (synchronous=FULL), as kakunin stores each answer before it acks. Raw better-sqlite3.
 */
async function openDurableClicks(): Promise<{ record(click: string): void; close(): void }> {
  const Database = (await import('better-sqlite3')).default;
  const { configureConnection } = await import('../src/store/database.ts');
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-bench-bare-'));
  const db = new Database(join(dir, 'clicks.sqlite'));
  configureConnection(db);
  db.exec('CREATE TABLE clicks (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO clicks (body, at) VALUES (?, ?)');
  const record = db.transaction((body: string) => insert.run(body, new Date().toISOString()));
  return {
    record: (click) => void record.immediate(click),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<() => Promise<void>> {
  if (mode === 'bare' || mode === 'bare-durable') {
    const durable = mode === 'bare-durable' ? await openDurableClicks() : undefined;
    const app = new App({
      token: 'xoxb-bench',
      botId: 'B0BOT',
      botUserId: 'U0BOT',
      signingSecret,
      logLevel: LogLevel.WARN,
      clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
      convoStore: false,
    });
    // The Web API calls kakunin makes per click (close the clicked message, post the next one), made
    // with the clicked message's own blocks, so the floor pays for the same HTTP round trips.
    app.action(/.*/, async ({ ack, body, client }) => {
      durable?.record(JSON.stringify((body as { actions?: unknown[] }).actions ?? []));
      await ack();
      const b = body as { channel?: { id: string }; message?: { ts: string; text?: string; blocks?: unknown[] } };
      if (!b.channel || !b.message) return;
      const { ts, blocks = [] } = b.message;
      // An empty text would make the WebClient warn on every call (kakunin always sends one).
      const text = b.message.text || 'kakunin';
      await client.chat.update({ channel: b.channel.id, ts, text, blocks: blocks as never });
      await client.chat.postMessage({ channel: b.channel.id, text, blocks: blocks as never });
    });
    app.command(/.*/, async ({ ack }) => ack());
    app.view(/.*/, async ({ ack }) => ack());
    app.event(/.*/, async () => undefined);
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    // The same keep-alive as kakunin's receiver (src/slack/start.ts), so both see the same connections.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    measure(server);
    console.log(`READY ${(server.address() as AddressInfo).port}`);
    return async () => {
      await app.stop();
      durable?.close();
    };
  }
  const { loadFlowsDir } = await import('../src/flow/loader.ts');
  const { createAssessmentService } = await import('../src/service/assessment-service.ts');
  const { createEventLedger } = await import('../src/service/event-ledger.ts');
  const { createLeadDomain } = await import('../src/service/lead-domain.ts');
  const { createWorkspaceDirectory } = await import('../src/service/workspace-directory.ts');
  const { createSlackApp } = await import('../src/slack/start.ts');
  const { createStore } = await import('../src/store/store.ts');
  const pino = (await import('pino')).default;
  const logger = pino({ level: 'warn' });
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-bench-'));
  const store = createStore(join(dir, 'kakunin.sqlite'));
  const all = loadFlowsDir();
  const flows = new Map([['mhlw-minimum-5.2', all.get('mhlw-minimum-5.2')!]]);
  const service = createAssessmentService({ store, flows });
  const kakunin = createSlackApp({
    service,
    directory: createWorkspaceDirectory({ store, channel: 'slack' }),
    events: createEventLedger(store),
    leads: createLeadDomain({ store, flows }),
    botToken: 'xoxb-bench',
    signingSecret,
    http: { port: 0, host: '127.0.0.1' },
    slackApiUrl: apiUrl,
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    logger,
  });
  // As startSlackApp (npm start) does before it listens, unless run as KAKUNIN_REPORT_RENDERER=on-demand.
  if (process.env.BENCH_REPORT_RENDERER !== 'on-demand') {
    const { warmUpReports } = await import('../src/report/warm-up.ts');
    await warmUpReports(flows.values());
  }
  const { port, server } = await kakunin.start();
  // Listening to the receiver's 'request' event as well only observes.
  measure(server!);
  console.log(`READY ${port}`);
  return async () => {
    await kakunin.stop();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  };
}

/** BENCH_CPU_PROF=<dir>: a CPU profile of the measured burst only (from 'reset' to 'rss'), for Chrome DevTools. */
function createProfiler() {
  const session = new Session();
  session.connect();
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  let running = false;
  // BENCH_HEAP_PROF=1 samples allocations (garbage included) instead of CPU time.
  const heap = process.env.BENCH_HEAP_PROF !== undefined;
  return {
    start: async () => {
      running = true;
      if (heap) {
        await post('HeapProfiler.enable');
        await new Promise((resolve, reject) =>
          session.post(
            'HeapProfiler.startSampling',
            { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true },
            (err) => (err ? reject(err) : resolve(undefined)),
          ),
        );
        return;
      }
      await post('Profiler.enable');
      await post('Profiler.start');
    },
    /** Only once the burst has started ('rss' is also asked before it). */
    stop: async (file: string) => {
      if (!running) return;
      running = false;
      const { profile } = (await post(heap ? 'HeapProfiler.stopSampling' : 'Profiler.stop')) as { profile: unknown };
      writeFileSync(heap ? file.replace(/\.cpuprofile$/, '.heapprofile') : file, JSON.stringify(profile));
    },
  };
}
// Only when asked for: a connected inspector session is not free, and RSS is among what is measured.
const profiler = process.env.BENCH_CPU_PROF ? createProfiler() : undefined;

const stop = await main();
/** CPU time (user + system, all threads) since the measured phase began. */
let cpuAtReset = process.cpuUsage();
process.on('message', (msg) => {
  if (msg === 'reset') {
    cpuAtReset = process.cpuUsage();
    serverAcks.length = 0;
    loopDelay.reset();
    void profiler?.start();
  }
  if (msg === 'rss-now') process.send!({ rssKb: process.memoryUsage().rss / 1024 });
  if (msg === 'rss' && profiler) void profiler.stop(join(process.env.BENCH_CPU_PROF!, `${mode}-${process.pid}.cpuprofile`));
  if (msg === 'rss' && process.env.BENCH_DEBUG) {
    // Resident memory by kind of mapping (V8's 256 KB heap pages, malloc's heap, the binary…): which part grew.
    const maps = readFileSync('/proc/self/smaps', 'utf8').split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/);
    const rows = maps.map((m) => ({ head: m.split('\n')[0]!.slice(0, 110), rss: Number(/\nRss:\s+(\d+)/.exec(m)?.[1] ?? 0) }));
    const bySize = new Map<string, { count: number; rss: number }>();
    for (const r of rows) {
      const [from, to] = r.head.split(' ')[0]!.split('-').map((h) => parseInt(h, 16)) as [number, number];
      const kind = r.head.includes('/') || r.head.includes('[') ? r.head.slice(73).trim() || 'file' : `anon ${Math.round((to - from) / 1024)} KB`;
      const entry = bySize.get(kind) ?? { count: 0, rss: 0 };
      entry.count++;
      entry.rss += r.rss;
      bySize.set(kind, entry);
    }
    console.error(`${mode} resident memory by mapping kind (KB):`, [...bySize].sort((a, b) => b[1].rss - a[1].rss).slice(0, 12));
  }
  if (msg === 'rss') {
    // Live heap after a full collection, next to peak RSS: tells retained memory from lazy GC.
    const cpu = process.cpuUsage(cpuAtReset);
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssKb: process.resourceUsage().maxRSS,
      rssKb: process.memoryUsage().rss / 1024,
      heapAfterGcMb: process.memoryUsage().heapUsed / 1e6,
      heapCommittedMb: getHeapStatistics().total_physical_size / 1e6,
      externalMb: process.memoryUsage().external / 1e6,
      serverAcks,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
    });
  }
  if (msg === 'stop') void stop().then(() => process.exit(0));
});
