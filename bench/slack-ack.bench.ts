// Slack end to end (signed HTTP → SQLite → fake Web API) under N simulated clinic managers answering at
// once, compared with a bare Bolt app that acks and makes the same Web API calls per click.
//
//   node bench/slack-ack.bench.ts [--users 100,1000] [--answers 5] [--runs 1] [--loader strip|tsx]
//        [--renderer preload,on-demand] [--pace 50] [--rest 22]
//
// Each user starts the 90-item checklist through the signed HTTP receiver (slash command, buttons —
// as Slack sends them), then answers `--answers` questions, each time waiting for the next question to
// appear in the fake Slack API before clicking (as a person would). The bare app is then clicked the
// same way: each click it acks, updates the clicked message and posts it again (chat.update +
// chat.postMessage, what kakunin does per answer), and the person clicks the new message.
// Reported: answers per second, time to ack p50/p99, Web API calls per click, the app process's RSS
// right after start (idle), at rest once every user's assessment is in progress (started `--pace` people
// at a time, then a full GC: the people have gone back to work) and its peak during the measured burst,
// where all N click at once. kakunin runs once per
// KAKUNIN_REPORT_RENDERER setting: `preload` (the default: PDF renderer warm at start) and `on-demand`.
// Both apps are started the same way: with the Node flags of `npm start` (package.json), and
// `--loader strip` (Node's own type stripping, as `npm start`) or tsx.
// Targets (issue 14): answers/s ≥ 0.5× bare; ack p99 ≤ 1.5× bare; idle RSS ≤ 1.3× bare; RSS with
// 1,000 assessments in progress ≤ 150 MB.
import { fork, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Block, FakeMessage } from '../test/slack/fake-slack-api.ts';
import { SlackUser, buttonLabels, type SlackEndpoint, type SlackScreen } from '../test/slack/slack-user.ts';
import { printFigures, type Figure } from './lib/figure-table.ts';
import { startFlags } from './lib/start-flags.ts';
import { median } from './lib/stats.ts';

const SIGNING_SECRET = 'bench-signing-secret';
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const userCounts = arg('users', '100,1000').split(',').map(Number);
const answersPerUser = Number(arg('answers', '5'));
const loader = arg('loader', 'strip');
if (loader !== 'strip' && loader !== 'tsx') throw new Error('--loader is strip or tsx');
/** Each configuration runs this many times (kakunin, then bare, alternating); the summary takes medians. */
const runs = Number(arg('runs', '1'));
type Renderer = 'preload' | 'on-demand';
const renderers = arg('renderer', 'preload,on-demand').split(',') as Renderer[];
if (renderers.some((r) => r !== 'preload' && r !== 'on-demand')) throw new Error('--renderer is preload, on-demand or both');

interface TargetReport {
  /** The app's CPU time since the burst began (user + system, all its threads). */
  cpuMs: number;
  maxRssKb: number;
  rssKb: number;
  heapAfterGcMb: number;
  /** The V8 heap's committed pages after the GC: what of RSS the JS heap still holds. */
  heapCommittedMb: number;
  externalMb: number;
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
  /** RSS now, in KB. */
  rss(): Promise<number>;
  stop(): Promise<void>;
}

/** The app processes still running, killed if the benchmark itself exits first (one exit hook for all). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill();
});

async function startTarget(mode: 'kakunin' | 'bare' | 'bare-durable', apiUrl: string, renderer: Renderer = 'preload'): Promise<Target> {
  // Through bin/run.js, as `npm start` runs the app: with the sources stripped beforehand, no app loads
  // Node's TypeScript stripper (~8–12 MB resident once loaded), the bare ones included.
  const child = fork(fileURLToPath(new URL('../bin/run.js', import.meta.url)), [fileURLToPath(new URL('./slack-bench-target.ts', import.meta.url))], {
    // BENCH_CPU_PROF=<dir>: the app process writes a CPU profile of the measured burst (slack-bench-target.ts).
    execArgv: [...startFlags(), ...(loader === 'tsx' ? ['--import', 'tsx'] : []), '--expose-gc'],
    // process.env carries GLIBC_TUNABLES when this benchmark was started by bin/run.js: every app gets it.
    env: { ...process.env, BENCH_MODE: mode, BENCH_API_URL: apiUrl, BENCH_SIGNING_SECRET: SIGNING_SECRET, BENCH_REPORT_RENDERER: renderer },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  // A failed run must not leave the app running.
  running.add(child);
  child.once('exit', () => running.delete(child));
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
    rss: () =>
      new Promise((resolve) => {
        child.once('message', (m: { rssKb: number }) => resolve(m.rssKb));
        child.send('rss-now');
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
  worker.on('message', (m: { kind: string; method?: string; url?: string; channel?: string; ts?: string; text?: string; blocks?: Block[] }) => {
    if (m.kind === 'ready') return ready(m.url!);
    if (m.kind === 'call') return void (apiCalls[m.method!] = (apiCalls[m.method!] ?? 0) + 1);
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
/** Web API calls the fake Slack received, by method, since the last reset. */
let apiCalls: Record<string, number> = {};
const callsPerClick = (clicks: number) =>
  Object.entries(apiCalls)
    // BENCH_DEBUG=1 lists every method (views.publish, conversations.*), not only the chat.* calls both apps make.
    .filter(([method]) => process.env.BENCH_DEBUG !== undefined || method.startsWith('chat.'))
    .map(([method, n]) => `${method} ${(n / clicks).toFixed(2)}`)
    .join(', ');
const slow: { ms: number; headersMs: number; reused: boolean }[] = [];
/** One waiter per DM channel, checked only when that channel changes (the generator must stay cheap). */
const waiters = new Map<string, () => boolean>();


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Lets the freshly started app settle (lazy start-up work, GC) before its idle RSS is read. */
const settle = () => new Promise((r) => setTimeout(r, 1000));

/**
 * Quiet time before memory "at rest" is read: long enough for kakunin's idle compaction (10 s without a
 * request, runtime/idle-compaction.ts) to have run; the bare app is given the same time.
 */
const restSeconds = Number(arg('rest', '22'));
const rest = () => new Promise((r) => setTimeout(r, restSeconds * 1000));

/** How many people click at once while assessments are being started (`--pace`). */
const pace = Number(arg('pace', '50'));
/** Runs `fn` for every person, at most `pace` at a time. */
async function paced(people: SlackUser[], fn: (user: SlackUser) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(pace, people.length) }, async () => {
      while (next < people.length) await fn(people[next++]!);
    }),
  );
}

async function runKakunin(fake: SlackScreen, apiUrl: string, users: number, renderer: Renderer) {
  const target = await startTarget('kakunin', apiUrl, renderer);
  await settle();
  const idleRssKb = await target.rss();
  const people = Array.from({ length: users }, (_, i) => new SlackUser(target.endpoint, fake, 'T0BENCH', `U0B${String(i).padStart(5, '0')}`, `user${i}`));

  // Not measured: every user starts the checklist and answers the scope questions.
  const click = async (user: SlackUser, label: string | RegExp) => {
    const before = fake.dm(user.userId).length;
    const result = await user.click(label);
    await nextPrompt(fake, user, before);
    return result;
  };
  // Paced, as clinics arrive over a morning rather than in one instant (the burst comes next, measured).
  await paced(people, async (user) => {
      const before = fake.dm(user.userId).length;
      await user.command('start mhlw-minimum-5.2');
      await nextPrompt(fake, user, before);
      await click(user, '始める');
      for (const label of ['利用している', '取り扱っている', '採用している', 'ある']) await click(user, label);
  });
  await rest();
  const inProgress = await target.report();

  const acks: number[] = [];
  let answers = 0;
  target.reset();
  generatorLoop.reset();
  apiCalls = {};
  const started = performance.now();
  await Promise.all(
    people.map(async (user) => {
      for (let answered = 0; answered < answersPerUser; ) {
        const isQuestion = buttonLabels(user.last().blocks).includes('実施済');
        const before = fake.dm(user.userId).length;
        const result = await user.click(isQuestion ? '実施済' : '始める');
        acks.push(result.ms);
        if (result.ms > 300) slow.push({ ms: result.ms, headersMs: result.headersMs ?? NaN, reused: result.reusedSocket ?? false });
        await nextPrompt(fake, user, before);
        if (isQuestion) {
          answered++;
          answers++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const generatorLoopP99 = generatorLoop.percentile(99) / 1e6;
  const calls = callsPerClick(acks.length);
  await settle();
  const report = await target.report();
  if (process.env.BENCH_DEBUG) console.error(renderer, 'at rest:', report);
  await target.stop();
  return { acks, answers, seconds, report, generatorLoopP99, idleRssKb, inProgressRssKb: inProgress.rssKb, calls };
}

async function runBare(fake: SlackScreen, apiUrl: string, users: number, mode: 'bare' | 'bare-durable' = 'bare') {
  const target = await startTarget(mode, apiUrl);
  await settle();
  const idleRssKb = await target.rss();
  // The same people, each clicking 実施済 on the last question kakunin posted, then on the bare app's copies.
  const people = Array.from({ length: users }, (_, i) => new SlackUser(target.endpoint, fake, 'T0BENCH', `U0B${String(i).padStart(5, '0')}`, `user${i}`));
  // The floor of "N people in the middle of a checklist": the bare app after one click each, paced the same way.
  await paced(people, async (user) => {
    const before = fake.dm(user.userId).length;
    await user.click(buttonLabels(user.last().blocks).includes('実施済') ? '実施済' : '始める');
    await nextPrompt(fake, user, before);
  });
  await rest();
  const inProgress = await target.report();
  const acks: number[] = [];
  let answers = 0;
  target.reset();
  generatorLoop.reset();
  apiCalls = {};
  const started = performance.now();
  await Promise.all(
    people.map(async (user) => {
      for (let answered = 0; answered < answersPerUser; answered++) {
        const before = fake.dm(user.userId).length;
        // Whatever kakunin's last message offers (a question's 実施済; 始める on an introduction).
        const result = await user.click(buttonLabels(user.last().blocks).includes('実施済') ? '実施済' : '始める');
        if (result.status !== 200) throw new Error(`bare app answered ${result.status}`);
        acks.push(result.ms);
        await nextPrompt(fake, user, before);
        answers++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const generatorLoopP99 = generatorLoop.percentile(99) / 1e6;
  const calls = callsPerClick(acks.length);
  await settle();
  const report = await target.report();
  await target.stop();
  return { acks, answers, seconds, report, generatorLoopP99, idleRssKb, inProgressRssKb: inProgress.rssKb, calls };
}

// Node 20 does not apply --import hooks to a worker's entry module; register tsx inside the worker first.
const workerUrl = new URL('./slack-fake-api-worker.ts', import.meta.url).href;
/** The load generator's own event-loop delay: when it is high, client-side ack times include it. */
const generatorLoop = monitorEventLoopDelay({ resolution: 5 });
generatorLoop.enable();
const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}); });`, { eval: true });
const fake = startMirror(worker);
const apiUrl = await fake.url;

function line(
  name: string,
  r: { acks: number[]; answers: number; seconds: number; report: TargetReport; generatorLoopP99: number; idleRssKb: number; inProgressRssKb: number; calls: string },
) {
  const sorted = [...r.acks].sort((x, y) => x - y);
  const server = [...r.report.serverAcks].sort((x, y) => x - y);
  return {
    name,
    n: sorted.length,
    rate: r.answers / r.seconds,
    clickRate: sorted.length / r.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
    sp50: percentile(server, 50),
    sp99: percentile(server, 99),
    loop: r.report.loopDelayP99Ms,
    gen: r.generatorLoopP99,
    rss: r.report.maxRssKb / 1024,
    rest: r.inProgressRssKb / 1024,
    idle: r.idleRssKb / 1024,
    heap: r.report.heapAfterGcMb,
    cpuPerAnswer: r.report.cpuMs / r.answers,
    calls: r.calls,
  };
}

// Each app is started and stopped once before anything is measured, so no measured start pays for
// stripping the sources or bundling the PDF libraries after a change, as no `npm start` after the first does.
for (const [mode, renderer] of [['kakunin', 'preload'], ['bare', 'preload'], ['bare-durable', 'preload']] as const) await (await startTarget(mode, apiUrl, renderer)).stop();

const rows: string[] = [];
const fmt = (n: number, d = 1) => n.toFixed(d);
const figures: Figure[] = [];
type Line = ReturnType<typeof line>;
for (const users of userCounts) {
  const perRun: { kk: Map<Renderer, Line>; bb: Line; bd: Line }[] = [];
  for (let run = 1; run <= runs; run++) {
    const kk = new Map<Renderer, Line>();
    for (const renderer of renderers) kk.set(renderer, line(`kakunin (${renderer})`, await runKakunin(fake, apiUrl, users, renderer)));
    const bb = line('bare Bolt', await runBare(fake, apiUrl, users));
    const bd = line('bare Bolt + durable commit', await runBare(fake, apiUrl, users, 'bare-durable'));
    perRun.push({ kk, bb, bd });
    const tag = runs > 1 ? ` #${run}` : '';
    for (const r of [...kk.values(), bb, bd])
      rows.push(
        `| ${users}${tag} | ${r.name} | ${r.n} | ${fmt(r.rate)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${fmt(r.sp50)} | ${fmt(r.sp99)} | ${fmt(r.loop)} | ${fmt(r.gen)} | ${fmt(r.idle, 0)} | ${fmt(r.rest, 0)} | ${fmt(r.rss, 0)} | ${fmt(r.heap, 0)} | ${fmt(r.cpuPerAnswer, 2)} | ${r.calls} |`,
      );
    for (const [renderer, k] of kk)
      console.error(`users=${users}${tag} ${renderer}: kakunin ${fmt(k.rate)} answers/s p99 ${fmt(k.p99)} ms, bare ${fmt(bb.rate)} answers/s p99 ${fmt(bb.p99)} ms`);
  }
  const note = `${users} users, median of ${runs} run(s)`;
  for (const renderer of renderers) {
    const m = (pick: (x: Line) => number) => median(perRun.map((r) => pick(r.kk.get(renderer)!)));
    const b = (pick: (x: Line) => number) => median(perRun.map((r) => pick(r.bb)));
    const who = `KAKUNIN_REPORT_RENDERER=${renderer}`;
    figures.push(
      { name: `answers/s, ${users} users (${who})`, kakunin: m((x) => x.rate), floor: b((x) => x.rate), unit: '/s', better: 'higher', target: 0.5, note },
      {
        name: `clicks handled/s, ${users} users (${who})`,
        kakunin: m((x) => x.clickRate),
        floor: b((x) => x.clickRate),
        unit: '/s',
        better: 'higher',
        note: `${note}; context for the row above: kakunin takes ${fmt(m((x) => x.clickRate / x.rate), 2)} clicks per answer where the bare app takes one, and makes more Web API calls per click (last column of the table above)`,
      },
      { name: `ack p99, ${users} users (${who})`, kakunin: m((x) => x.p99), floor: b((x) => x.p99), unit: 'ms', better: 'lower', target: 1.5, note },
      { name: `RSS idle after start (${who})`, kakunin: m((x) => x.idle), floor: b((x) => x.idle), unit: 'MB', better: 'lower', target: 1.3, note },
      {
        name: `RSS with ${users} assessments in progress, at rest (${who})`,
        kakunin: m((x) => x.rest),
        floor: b((x) => x.rest),
        unit: 'MB',
        better: 'lower',
        ...(users >= 1000 ? { absoluteMax: 150 } : {}),
        note: `${note}; started ${pace} people at a time, then ${restSeconds} s quiet and a full GC; bare: one click each, same pace`,
      },
      {
        name: `app CPU time per answer during the burst, ${users} users (${who})`,
        kakunin: m((x) => x.cpuPerAnswer),
        floor: b((x) => x.cpuPerAnswer),
        unit: 'ms',
        better: 'lower',
        note: `${note}; context: the app process's own CPU time (user + system, all threads) over the burst, divided by its answers`,
      },
      { name: `peak RSS during the load, ${users} users (${who})`, kakunin: m((x) => x.rss), floor: b((x) => x.rss), unit: 'MB', better: 'lower', note },
      {
        name: `answers/s, ${users} users (${who}), beside a bare Bolt app that also commits each click durably before acking`,
        kakunin: m((x) => x.rate),
        floor: median(perRun.map((r) => r.bd.rate)),
        unit: '/s',
        better: 'higher',
        note: `${note}; context for the row above: this floor's fsync blocks its event loop; kakunin syncs each answer's WAL on the thread pool before it acks`,
      },
    );
  }
}
worker.postMessage('close');
if (process.env.BENCH_DEBUG) console.error('slow kakunin requests:', slow.length, 'reused:', slow.filter((x) => x.reused).length, slow.slice(0, 10));

console.log(`\nSlack end to end — ${answersPerUser} answers per user, ${runs} run(s) each, apps run with ${loader === 'tsx' ? 'tsx' : 'Node type stripping'} ${startFlags().join(' ')}${process.env.GLIBC_TUNABLES ? ` GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES}` : ''}, Node ${process.version}, ${new Date().toISOString()}\n`);
console.log('| users | app | requests | answers/s | ack p50 ms | ack p99 ms | ack max ms | in-app ack p50 ms | in-app ack p99 ms | app loop delay p99 ms | generator loop delay p99 ms | idle RSS MB | RSS with N in progress MB | peak RSS MB | heap after GC MB | app CPU ms per answer | Web API calls per click |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const row of rows) console.log(row);
console.log('\nack = request sent → response received, measured by the load generator (the fake Slack API runs in a worker thread).');
console.log('in-app ack = request received → response finished, measured inside the app process.');
printFigures('Slack end to end: kakunin vs a bare Bolt app making the same Web API calls', figures);
