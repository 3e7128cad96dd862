// The Node flags `npm start` passes (package.json scripts.start: `node <flags> bin/run.js src/main.ts`),
// so a benchmark starts kakunin and its floor the same way the app is started.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  return words.slice(1, words.findIndex((w) => w.endsWith('run.js'))).filter((w) => w.startsWith('--'));
}
