// `npm start` to the first terminal prompt (a fresh database each time), beside the same code compiled
// to JavaScript beforehand and launched the same way. Also shown: each way of running the sources
// launched directly (no npm), to see where the time goes.
//
//   node bench/start-up.bench.ts [--runs 7]
//
// Target (issue 14): `npm start` ≤ 1.3× the precompiled code.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { printFigures, type Figure } from './lib/figure-table.ts';
import { buildDir, precompile, repoRoot } from './lib/precompile.ts';
import { startFlags } from './lib/start-flags.ts';
import { median, numberArg, spread } from './lib/stats.ts';

const runs = numberArg('--runs', 7);
const startScript = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
const built = precompile();
const bin = join(repoRoot, 'node_modules', '.bin');
const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
for (const key of Object.keys(env)) if (key.startsWith('SLACK_') || key.startsWith('KAKUNIN_')) delete env[key];
// `npm start` from a shell has no GLIBC_TUNABLES, so the launcher re-executes itself with them (bin/allocator-settings.js):
// this benchmark was itself started through the launcher, so drop them and every way pays that as it would.
delete env.GLIBC_TUNABLES;

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

// Every way gets the Node flags and the launcher (bin/run.js) that `npm start` uses, so only the loading of the code differs. The precompiled floor is started by `npm run` as well,
// from a package.json of its own beside the compiled code.
const flags = startFlags();
const launcher = join(repoRoot, 'bin', 'run.js');
writeFileSync(
  join(buildDir, 'package.json'),
  JSON.stringify({ private: true, type: 'module', scripts: { start: ['node', ...flags, launcher, join(built, 'main.js')].join(' ') } }),
);
const ways: Record<string, [string, string[]]> = {
  'npm start': ['npm', ['start', '--silent']],
  'npm start, precompiled': ['npm', ['run', '--silent', '--prefix', buildDir, 'start']],
  'bin/run.js src/main.ts (type stripping)': ['node', [...flags, launcher, 'src/main.ts']],
  'bin/run.js precompiled': ['node', [...flags, launcher, join(built, 'main.js')]],
  'tsx src/main.ts': ['node', [...flags, '--import', 'tsx', 'src/main.ts']],
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
// Interleaved, so load from other processes on the machine falls on every way alike.
for (let run = 0; run < runs; run++)
  for (const [name, [command, args]] of Object.entries(ways)) times[name]!.push(await toFirstPrompt(command, args));

const m = (name: string) => median(times[name]!);
const note = (name: string) => `median of ${runs}; spread ±${(spread(times[name]!) * 50).toFixed(0)}%`;
const floorNote = (name: string) => `${note(name)}; floor ${note('npm start, precompiled').replace('median of ', '')}`;
const figures: Figure[] = [
  { name: `npm start (${startScript}) → first prompt, vs the same code precompiled`, kakunin: m('npm start'), floor: m('npm start, precompiled'), unit: 'ms', better: 'lower', target: 1.3, note: floorNote('npm start') },
  { name: 'without npm: bin/run.js src/main.ts vs bin/run.js precompiled', kakunin: m('bin/run.js src/main.ts (type stripping)'), floor: m('bin/run.js precompiled'), unit: 'ms', better: 'lower', note: note('bin/run.js src/main.ts (type stripping)') },
  { name: 'tsx src/main.ts (as before) vs bin/run.js precompiled', kakunin: m('tsx src/main.ts'), floor: m('bin/run.js precompiled'), unit: 'ms', better: 'lower', note: note('tsx src/main.ts') },
];
printFigures('start-up to the first terminal prompt', figures);
