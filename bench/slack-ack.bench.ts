// How fast kakunin acknowledges Slack, under N simulated clinic managers answering at once, compared
// with a bare Bolt app that only acks the very same requests.
//
//   npx tsx bench/slack-ack.bench.ts [--users 10,100,500] [--answers 20] [--runs 1]
//
// Each user starts the 90-item checklist through the signed HTTP receiver (slash command, buttons —
// as Slack sends them), then answers `--answers` questions, each time waiting for the next question to
// appear in the fake Slack API before clicking (as a person would). The bare app then receives the same
// request bodies, re-signed, with the same pauses between them. Reported: answers per second, time to
// ack (request sent → HTTP response) p50/p99, and the app process's peak RSS.
import { fork, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Block, FakeMessage } from '../test/slack/fake-slack-api.ts';
import { SlackUser, buttonLabels, postSigned, type SlackEndpoint, type SlackScreen } from '../test/slack/slack-user.ts';

const SIGNING_SECRET = 'bench-signing-secret';
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const userCounts = arg('users', '10,100,500').split(',').map(Number);
const answersPerUser = Number(arg('answers', '20'));
/** Each configuration runs this many times (kakunin, then bare, alternating); the summary takes medians. */
const runs = Number(arg('runs', '1'));

interface TargetReport {
  maxRssKb: number;
  heapAfterGcMb: number;
  serverAcks: number[];
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

interface Target {
  endpoint: SlackEndpoint;
  child: ChildProcess;
  /** Starts the measured phase: forget set-up requests. */
  reset(): void;
  report(): Promise<TargetReport>;
  stop(): Promise<void>;
}

async function startTarget(mode: 'kakunin' | 'bare', apiUrl: string): Promise<Target> {
  const child = fork(fileURLToPath(new URL('./slack-bench-target.ts', import.meta.url)), [], {
    // BENCH_CPU_PROF=<dir> writes a CPU profile of the app process (open it in Chrome DevTools).
    execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.BENCH_CPU_PROF && mode === 'kakunin' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { ...process.env, BENCH_MODE: mode, BENCH_API_URL: apiUrl, BENCH_SIGNING_SECRET: SIGNING_SECRET },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /READY (\d+)/.exec(chunk.toString());
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${mode} target exited with ${code}`)));
  });
  return {
    endpoint: { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET },
    child,
    reset: () => void child.send('reset'),
    report: () =>
      new Promise((resolve) => {
        child.once('message', (m: TargetReport) => resolve(m));
        child.send('rss');
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/** The DMs as the fake API (in its worker thread) reports them: what each simulated person sees. */
function startMirror(worker: Worker): SlackScreen & { url: Promise<string> } {
  const channels = new Map<string, FakeMessage[]>();
  let ready: (url: string) => void;
  const url = new Promise<string>((resolve) => (ready = resolve));
  worker.on('message', (m: { kind: string; url?: string; channel?: string; ts?: string; text?: string; blocks?: Block[] }) => {
    if (m.kind === 'ready') return ready(m.url!);
    const list = channels.get(m.channel!) ?? [];
    channels.set(m.channel!, list);
    const existing = list.find((x) => x.ts === m.ts);
    const version = { text: m.text ?? '', blocks: m.blocks ?? [] };
    if (existing) Object.assign(existing, version, { versions: [...existing.versions, version] });
    else list.push({ channel: m.channel!, ts: m.ts!, ...version, versions: [version] });
    const waiter = waiters.get(m.channel!);
    if (waiter?.()) waiters.delete(m.channel!);
  });
  const dmChannelOf = (user: string) => `D${user.replace(/^U/, '')}`;
  return {
    url,
    dmChannelOf,
    dm: (user) => channels.get(dmChannelOf(user)) ?? [],
    message: (channel, ts) => channels.get(channel)?.find((m) => m.ts === ts),
    ephemerals: () => [],
    homeViews: () => [],
    openedViews: [],
  };
}

/** Resolves when the user's DM shows a new message with live buttons (the next thing to click). */
function nextPrompt(fake: SlackScreen, user: SlackUser, afterCount: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ready = () => {
      const dm = fake.dm(user.userId);
      return dm.length > afterCount && buttonLabels(dm[dm.length - 1]!.blocks).length > 0;
    };
    if (ready()) return resolve();
    const timer = setTimeout(() => reject(new Error(`${user.userId}: no next question within 60 s`)), 60_000);
    waiters.set(fake.dmChannelOf(user.userId), () => {
      if (!ready()) return false;
      clearTimeout(timer);
      resolve();
      return true;
    });
  });
}
const slow: { ms: number; headersMs: number; reused: boolean }[] = [];
/** One waiter per DM channel, checked only when that channel changes (the generator must stay cheap). */
const waiters = new Map<string, () => boolean>();

interface Recorded {
  body: string;
  /** Pause after this request's ack before the next one (the person reading the next question). */
  pauseMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function runKakunin(fake: SlackScreen, apiUrl: string, users: number) {
  const target = await startTarget('kakunin', apiUrl);
  const people = Array.from({ length: users }, (_, i) => new SlackUser(target.endpoint, fake, 'T0BENCH', `U0B${String(i).padStart(5, '0')}`, `user${i}`));

  // Not measured: every user starts the checklist and answers the scope questions.
  const click = async (user: SlackUser, label: string | RegExp) => {
    const before = fake.dm(user.userId).length;
    const result = await user.click(label);
    await nextPrompt(fake, user, before);
    return result;
  };
  await Promise.all(
    people.map(async (user) => {
      const before = fake.dm(user.userId).length;
      await user.command('start mhlw-minimum-5.2');
      await nextPrompt(fake, user, before);
      await click(user, '始める');
      await click(user, '始める');
      for (const label of ['利用している', '取り扱っている', '採用している', 'ある']) await click(user, label);
    }),
  );

  const acks: number[] = [];
  const recorded = new Map<string, Recorded[]>();
  let answers = 0;
  target.reset();
  generatorLoop.reset();
  const started = performance.now();
  await Promise.all(
    people.map(async (user) => {
      const log: Recorded[] = [];
      recorded.set(user.userId, log);
      for (let answered = 0; answered < answersPerUser; ) {
        const isQuestion = buttonLabels(user.last().blocks).includes('実施済');
        const before = fake.dm(user.userId).length;
        const result = await user.click(isQuestion ? '実施済' : '始める');
        const acked = performance.now();
        acks.push(result.ms);
        if (result.ms > 300) slow.push({ ms: result.ms, headersMs: result.headersMs ?? NaN, reused: result.reusedSocket ?? false });
        await nextPrompt(fake, user, before);
        log.push({ body: new URLSearchParams({ payload: JSON.stringify(user.lastPayload) }).toString(), pauseMs: performance.now() - acked });
        if (isQuestion) {
          answered++;
          answers++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const generatorLoopP99 = generatorLoop.percentile(99) / 1e6;
  const report = await target.report();
  await target.stop();
  return { acks, answers, seconds, report, recorded, generatorLoopP99 };
}

async function runBare(apiUrl: string, recorded: Map<string, Recorded[]>) {
  const target = await startTarget('bare', apiUrl);
  const acks: number[] = [];
  let answers = 0;
  target.reset();
  generatorLoop.reset();
  const started = performance.now();
  await Promise.all(
    [...recorded.values()].map(async (log) => {
      for (const { body, pauseMs } of log) {
        const result = await postSigned(target.endpoint, body, 'application/x-www-form-urlencoded');
        if (result.status !== 200) throw new Error(`bare app answered ${result.status}`);
        acks.push(result.ms);
        if (body.includes('kakunin.answer')) answers++;
        await new Promise((r) => setTimeout(r, pauseMs));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const generatorLoopP99 = generatorLoop.percentile(99) / 1e6;
  const report = await target.report();
  await target.stop();
  return { acks, answers, seconds, report, generatorLoopP99 };
}

// Node 20 does not apply --import hooks to a worker's entry module; register tsx inside the worker first.
const workerUrl = new URL('./slack-fake-api-worker.ts', import.meta.url).href;
/** The load generator's own event-loop delay: when it is high, client-side ack times include it. */
const generatorLoop = monitorEventLoopDelay({ resolution: 5 });
generatorLoop.enable();
const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}); });`, { eval: true });
const fake = startMirror(worker);
const apiUrl = await fake.url;

function line(name: string, r: { acks: number[]; answers: number; seconds: number; report: TargetReport; generatorLoopP99: number }) {
  const sorted = [...r.acks].sort((x, y) => x - y);
  const server = [...r.report.serverAcks].sort((x, y) => x - y);
  return {
    name,
    n: sorted.length,
    rate: r.answers / r.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
    sp50: percentile(server, 50),
    sp99: percentile(server, 99),
    loop: r.report.loopDelayP99Ms,
    gen: r.generatorLoopP99,
    rss: r.report.maxRssKb / 1024,
    heap: r.report.heapAfterGcMb,
  };
}

const rows: string[] = [];
const summary: string[] = [];
const fmt = (n: number, d = 1) => n.toFixed(d);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const users of userCounts) {
  const perRun: { kk: ReturnType<typeof line>; bb: ReturnType<typeof line> }[] = [];
  for (let run = 1; run <= runs; run++) {
    const k = await runKakunin(fake, apiUrl, users);
    const b = await runBare(apiUrl, k.recorded);
    const kk = line('kakunin', k);
    const bb = line('bare Bolt', b);
    perRun.push({ kk, bb });
    const tag = runs > 1 ? ` #${run}` : '';
    for (const r of [kk, bb])
      rows.push(
        `| ${users}${tag} | ${r.name} | ${r.n} | ${fmt(r.rate)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${fmt(r.sp50)} | ${fmt(r.sp99)} | ${fmt(r.loop)} | ${fmt(r.gen)} | ${fmt(r.rss, 0)} | ${fmt(r.heap, 0)} |`,
      );
    rows.push(`| ${users}${tag} | ratio kakunin/bare | | | ${fmt(kk.p50 / bb.p50, 2)}× | ${fmt(kk.p99 / bb.p99, 2)}× | | ${fmt(kk.sp50 / bb.sp50, 2)}× | ${fmt(kk.sp99 / bb.sp99, 2)}× | | | ${fmt(kk.rss / bb.rss, 2)}× | |`);
    console.error(`users=${users}${tag}: kakunin p99 ${fmt(kk.p99)} ms, bare p99 ${fmt(bb.p99)} ms`);
  }
  const m = (pick: (x: { kk: ReturnType<typeof line>; bb: ReturnType<typeof line> }) => number) => median(perRun.map(pick));
  summary.push(
    `| ${users} | ${fmt(m((x) => x.kk.rate))} | ${fmt(m((x) => x.kk.p50))} | ${fmt(m((x) => x.kk.p99))} | ${fmt(m((x) => x.bb.p99))} | ${fmt(m((x) => x.kk.p99 / x.bb.p99), 2)}× | ${fmt(m((x) => x.kk.sp99))} | ${fmt(m((x) => x.bb.sp99))} | ${fmt(m((x) => x.kk.rss), 0)} | ${fmt(m((x) => x.bb.rss), 0)} |`,
  );
}
worker.postMessage('close');
if (process.env.BENCH_DEBUG) console.error('slow kakunin requests:', slow.length, 'reused:', slow.filter((x) => x.reused).length, slow.slice(0, 10));

console.log(`\nSlack ack benchmark — ${answersPerUser} answers per user, ${runs} run(s) each, Node ${process.version}, ${new Date().toISOString()}\n`);
console.log('| users | app | requests | answers/s | ack p50 ms | ack p99 ms | ack max ms | in-app ack p50 ms | in-app ack p99 ms | app loop delay p99 ms | generator loop delay p99 ms | peak RSS MB | heap after GC MB |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
if (runs > 1) {
  console.log(`\nMedians over ${runs} runs:\n`);
  console.log('| users | kakunin answers/s | kakunin ack p50 ms | kakunin ack p99 ms | bare ack p99 ms | p99 ratio | kakunin in-app p99 ms | bare in-app p99 ms | kakunin peak RSS MB | bare peak RSS MB |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of summary) console.log(row);
}
console.log('\nack = request sent → response received, measured by the load generator (the fake Slack API runs in a worker thread).');
console.log('in-app ack = request received → response finished, measured inside the app process.');
console.log('Target: p99 ack ≤ 50 ms at 100 users, and at most 1.5× the bare app’s p99.');
