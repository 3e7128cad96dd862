#!/usr/bin/env node
// Runs one of kakunin's TypeScript entry points (`node bin/run.js src/main.ts [args…]`), as `npm start`,
// `npm run kakunin` and `npm run bench` do. On Node 22.18+ and 24 the types are stripped by Node's own
// stripper, ahead of time (stripped-sources.js), which starts faster than tsx and than Node stripping
// each file as it loads it (bench/start-up.bench.ts). A Node without type stripping goes through tsx, so
// the entry's own version check still gets to print its one line on a Node that is too old, instead of a
// loader error.
import { readFileSync } from 'node:fs';
import module from 'node:module';
import { resolve, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { needsMallocTunables, withMallocTunables } from './allocator-settings.js';
import { bundledLibraryUrls } from './bundled-libraries.js';
import { cacheDir } from './cache-file.js';
import { canStripSources, strippedSources } from './stripped-sources.js';

// glibc reads its allocator settings only when a process starts: start once more, as the same process
// (same pid, flags, arguments and standard streams), with them set. allocator-settings.js says why.
if (needsMallocTunables(process)) {
  try {
    process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], withMallocTunables(process.env));
  } catch (err) {
    // Only memory is at stake: say so once and start as we are.
    console.error(`kakunin: starting without the allocator settings (re-executing failed: ${err instanceof Error ? err.message : String(err)})`);
  }
}

// pdf-lib and fontkit come from one file each (bundled-libraries.js says why); KAKUNIN_LIBRARIES=packages
// loads them as installed, with their own file names and lines in stack traces.
const libraries = process.env.KAKUNIN_LIBRARIES ?? 'bundled';
if (libraries !== 'bundled' && libraries !== 'packages') {
  console.error(`KAKUNIN_LIBRARIES: bundled or packages (got "${libraries}")`);
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const rootUrl = `${pathToFileURL(root).href}/`;
if (libraries === 'bundled' && typeof module.registerHooks === 'function') {
  try {
    const urls = await bundledLibraryUrls(root);
    // Only kakunin's own imports: a dependency that brought its own copy of one of them keeps it. (The
    // checkout itself may sit in a node_modules, as a global install does.)
    const ownCode = (parentURL) => parentURL !== undefined && !(parentURL.startsWith(rootUrl) ? parentURL.slice(rootUrl.length - 1) : parentURL).includes('/node_modules/');
    module.registerHooks({
      resolve: (specifier, context, next) => (Object.hasOwn(urls, specifier) && ownCode(context.parentURL) ? { url: urls[specifier], shortCircuit: true } : next(specifier, context)),
    });
  } catch (err) {
    // Only memory is at stake (several MB): say why once and load the packages as installed.
    console.error(`kakunin: loading its libraries unbundled (${err instanceof Error ? err.message : String(err)})`);
  }
}

// kakunin's .ts files come with their types already stripped (stripped-sources.js says why);
// KAKUNIN_SOURCES=as-is leaves them to Node, which strips them as it loads them.
const sources = process.env.KAKUNIN_SOURCES ?? 'stripped';
if (sources !== 'stripped' && sources !== 'as-is') {
  console.error(`KAKUNIN_SOURCES: stripped or as-is (got "${sources}")`);
  process.exit(2);
}
let stripped;
if (sources === 'stripped' && canStripSources(module)) {
  try {
    stripped = strippedSources(root);
  } catch (err) {
    // Only memory and start-up time are at stake: say why once and let Node strip them.
    console.error(`kakunin: loading its sources as they are (${err instanceof Error ? err.message : String(err)})`);
  }
}
if (stripped) {
  module.registerHooks({
    load: (url, context, next) => {
      const copy = url.startsWith(rootUrl) && url.endsWith('.ts') ? stripped.get(fileURLToPath(url).slice(root.length + 1).split(sep).join('/')) : undefined;
      return copy === undefined ? next(url, context) : { format: 'module', source: readFileSync(copy, 'utf8'), shortCircuit: true };
    },
  });
} else {
  // Node stripping the types itself: its compile cache keeps what it stripped and compiled on disk, keyed by
  // content, so a start after the first skips that. NODE_COMPILE_CACHE overrides the directory and
  // NODE_DISABLE_COMPILE_CACHE turns it off; a directory it cannot write only costs speed.
  module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE ?? cacheDir(root, 'node-compile-cache'));
}

const [entry] = process.argv.splice(2, 1);
if (!entry) {
  console.error('usage: node bin/run.js <entry.ts> [arguments…]');
  process.exit(2);
}
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
// The entry sees the arguments as if it had been started directly.
process.argv[1] = resolve(entry);
await import(pathToFileURL(resolve(entry)).href);
