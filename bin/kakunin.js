#!/usr/bin/env node
// Thin launcher so `npx kakunin …` works without a build step: bin/run.js runs the TypeScript CLI, on the Node
// that `npm install` provided when the machine's own is too old (node_modules/.bin/node), as npm scripts do.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { delimiter, dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binDir = join(root, 'node_modules', '.bin');
const env = { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}` };
const r = spawnSync('node', [join(root, 'bin', 'run.js'), join(root, 'src', 'cli', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
