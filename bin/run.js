#!/usr/bin/env node
// Runs one of kakunin's TypeScript entry points (`node bin/run.js src/main.ts [args…]`), as `npm start`,
// `npm run kakunin` and `npm run bench` do. Node 22.18+ and 24 strip the types themselves: that starts
// ~20% faster than tsx (bench/start-up.bench.ts); resident memory is the same within noise.
// A Node without type stripping goes through tsx, so the entry's own version check still gets to print
// its one line on a Node that is too old, instead of a loader error.
import module from 'node:module';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { needsMallocTunables, withMallocTunables } from './allocator-settings.js';
import { bundledLibraryUrls } from './bundled-libraries.js';

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

// Node keeps what it compiled (the type-stripped source and V8's code) on disk, keyed by content, so a
// start after the first skips stripping and compiling what has not changed. NODE_COMPILE_CACHE overrides
// the directory and NODE_DISABLE_COMPILE_CACHE turns it off; a directory it cannot write only costs speed.
module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE ?? join(import.meta.dirname, '..', 'node_modules', '.cache', 'node-compile-cache'));

// pdf-lib and fontkit come from one file each (bundled-libraries.js says why); KAKUNIN_LIBRARIES=packages
// loads them as installed, with their own file names and lines in stack traces.
const libraries = process.env.KAKUNIN_LIBRARIES ?? 'bundled';
if (libraries !== 'bundled' && libraries !== 'packages') {
  console.error(`KAKUNIN_LIBRARIES: bundled or packages (got "${libraries}")`);
  process.exit(2);
}
if (libraries === 'bundled' && typeof module.registerHooks === 'function') {
  try {
    const root = resolve(import.meta.dirname, '..');
    const urls = await bundledLibraryUrls(root);
    // Only kakunin's own imports: a dependency that brought its own copy of one of them keeps it. (The
    // checkout itself may sit in a node_modules, as a global install does.)
    const rootUrl = `${pathToFileURL(root).href}/`;
    const ownCode = (parentURL) => parentURL !== undefined && !(parentURL.startsWith(rootUrl) ? parentURL.slice(rootUrl.length - 1) : parentURL).includes('/node_modules/');
    module.registerHooks({
      resolve: (specifier, context, next) => (Object.hasOwn(urls, specifier) && ownCode(context.parentURL) ? { url: urls[specifier], shortCircuit: true } : next(specifier, context)),
    });
  } catch (err) {
    // Only memory is at stake (several MB): say why once and load the packages as installed.
    console.error(`kakunin: loading its libraries unbundled (${err instanceof Error ? err.message : String(err)})`);
  }
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
