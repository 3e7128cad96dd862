// postinstall: make every npm script run on a supported Node.
//
// kakunin needs Node >= 22 (better-sqlite3 13 is Node-API and segfaults on 20). A machine whose own Node is
// already 22 or 24 keeps it: nothing is downloaded. On an older Node (these project machines ship 20.20), the
// Node 24 binary is installed from the npm registry's `node-<os>-<arch>` package into node_modules/.runtime,
// and `node_modules/.bin/node` points at it. npm puts node_modules/.bin first on PATH for every script, so
// `npm start`, `npm test` and the tools' `#!/usr/bin/env node` all run on it — with no compiler and no
// download from anywhere but the registry.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PINNED = '24.21.0';
const MIN_MAJOR = 22;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
const binDir = join(root, 'node_modules', '.bin');
const shim = join(binDir, 'node');
const prefix = join(root, 'node_modules', '.runtime');
// A second `npm install` runs this script on the shim itself (npm puts node_modules/.bin first on PATH):
// that is the provided runtime, not a machine that has a supported Node of its own, so the shim stays.
const onProvidedRuntime = realpathSync(process.execPath).startsWith(realpathSync(root) + sep);
if (onProvidedRuntime) process.exit(0);
if (major >= MIN_MAJOR) {
  // A supported Node is already here; drop a shim a previous install on an older Node may have left.
  if (existsSync(shim)) rmSync(shim);
  process.exit(0);
}
if (process.platform === 'win32') {
  console.error(`kakunin needs Node ${MIN_MAJOR} or newer (found ${process.version}). Install Node 24 LTS from https://nodejs.org/.`);
  process.exit(0);
}
const pkg = `node-${process.platform}-${process.arch}`;
const binary = join(prefix, 'node_modules', pkg, 'bin', 'node');
if (!existsSync(binary) || !execFileSync(binary, ['--version']).toString().includes(`v${PINNED}`)) {
  console.log(`kakunin: Node ${process.version} is too old; installing Node ${PINNED} (${pkg}) from the npm registry for this project`);
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{"private":true}\n');
  execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', `${pkg}@${PINNED}`], { stdio: 'inherit' });
}
mkdirSync(binDir, { recursive: true });
if (existsSync(shim)) rmSync(shim);
symlinkSync(relative(binDir, binary), shim);
console.log(`kakunin: npm scripts run on Node ${PINNED} (${relative(root, binary)})`);
