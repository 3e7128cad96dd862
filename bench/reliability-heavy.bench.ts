// The heavy variants of the crash and fuzz tests (npm test runs the bounded ones): 60 people through 15
// SIGKILLs, and 10,000 fuzzed requests with a seed of the day. Prints each run's wall time and outcome.
//   npx tsx bench/reliability-heavy.bench.ts [--users 60] [--kills 15] [--fuzz-scale 10]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { users: { type: 'string', default: '60' }, kills: { type: 'string', default: '15' }, 'fuzz-scale': { type: 'string', default: '10' } },
});
const root = join(import.meta.dirname, '..');
const vitest = join(root, 'node_modules', '.bin', 'vitest');
const seed = String(Math.floor(Date.now() / 86_400_000));

const runs = [
  { name: `kill -9: ${values.users} people, ${values.kills} SIGKILLs`, file: 'test/reliability/kill-9.test.ts', env: { KAKUNIN_KILL9_USERS: values.users, KAKUNIN_KILL9_KILLS: values.kills } },
  { name: `fuzz: ${Number(values['fuzz-scale']) * 1000} requests, seed ${seed}`, file: 'test/reliability/fuzz.test.ts', env: { KAKUNIN_FUZZ_SCALE: values['fuzz-scale'], KAKUNIN_FUZZ_SEED: seed } },
];
let failed = 0;
for (const run of runs) {
  const started = performance.now();
  const r = spawnSync(vitest, ['run', run.file], { cwd: root, env: { ...process.env, ...run.env }, encoding: 'utf8' });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const ok = r.status === 0;
  if (!ok) failed++;
  console.log(`${run.name}: ${ok ? 'passed' : 'FAILED'} in ${seconds} s`);
  if (!ok) console.log(`${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /Error|expected|Counterexample|seed/.test(l)).slice(0, 20).join('\n'));
}
process.exit(failed ? 1 : 0);
