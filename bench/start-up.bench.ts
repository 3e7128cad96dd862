// `npm start` to the first terminal prompt (a fresh database each time), beside the same code compiled
// to JavaScript beforehand and launched the same way. Also shown: each way of running the sources
// launched directly (no npm), to see where the time goes.
//
//   node bench/start-up.bench.ts [--runs 5]
//
// Target (issue 14): `npm start` ≤ 1.3× the precompiled code.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { printFigures, type Figure } from './lib/figure-table.ts';
import { precompile, repoRoot } from './lib/precompile.ts';
import { startFlags } from './lib/start-flags.ts';
import { median, numberArg, spread } from './lib/stats.ts';

const runs = numberArg('--runs', 5);
const startScript = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
const built = precompile();
const bin = join(repoRoot, 'node_modules', '.bin');
const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
for (const key of Object.keys(env)) if (key.startsWith('SLACK_') || key.startsWith('KAKUNIN_')) delete env[key];

/** Milliseconds from spawn to the first prompt ("…> ") on stdout; the process is then stopped. */
function toFirstPrompt(command: string, args: string[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-bench-start-'));
  const started = performance.now();
  const child = spawn(command, args, { cwd: repoRoot, env: { ...env, KAKUNIN_DB: join(dir, 'k.sqlite') }, stdio: ['pipe', 'pipe', 'inherit'], detached: true });
  return new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/> ?$/.test(out)) {
        const ms = performance.now() - started;
        // npm starts a shell that starts node: stop the whole group.
        process.kill(-child.pid!, 'SIGTERM');
        resolve(ms);
      }
    });
    child.on('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited (${code}) before its first prompt: ${out}`)));
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}

// Every way gets the Node flags `npm start` uses, so only the loading of the code differs.
const flags = startFlags();
const ways: Record<string, [string, string[]]> = {
  'npm start': ['npm', ['start', '--silent']],
  'npm → precompiled': ['npm', ['exec', '--offline', '--silent', '-c', ['node', ...flags, join(built, 'main.js')].join(' ')]],
  'node src/main.ts (type stripping)': ['node', [...flags, 'src/main.ts']],
  'tsx src/main.ts': ['node', [...flags, '--import', 'tsx', 'src/main.ts']],
  'node precompiled': ['node', [...flags, join(built, 'main.js')]],
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
// Interleaved, so load from other processes on the machine falls on every way alike.
for (let run = 0; run < runs; run++)
  for (const [name, [command, args]] of Object.entries(ways)) times[name]!.push(await toFirstPrompt(command, args));

const m = (name: string) => median(times[name]!);
const note = (name: string) => `median of ${runs}; spread ±${(spread(times[name]!) * 50).toFixed(0)}%`;
const figures: Figure[] = [
  { name: `npm start (${startScript}) → first prompt, vs precompiled through npm`, kakunin: m('npm start'), floor: m('npm → precompiled'), unit: 'ms', better: 'lower', target: 1.3, note: note('npm start') },
  { name: 'node src/main.ts (type stripping) vs node precompiled', kakunin: m('node src/main.ts (type stripping)'), floor: m('node precompiled'), unit: 'ms', better: 'lower', note: note('node src/main.ts (type stripping)') },
  { name: 'tsx src/main.ts vs node precompiled', kakunin: m('tsx src/main.ts'), floor: m('node precompiled'), unit: 'ms', better: 'lower', note: note('tsx src/main.ts') },
];
printFigures('start-up to the first terminal prompt', figures);
