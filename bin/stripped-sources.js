// kakunin's own TypeScript, handed to Node with the types already stripped (bin/run.js's load hook).
//
// Why: Node strips types itself with a WebAssembly build of a TypeScript parser, loaded on the first .ts
// file it meets and resident from then on (~11 MB). Node's compile cache spared that on starts after the
// first, but Node keeps every cache entry it read until the process exits (5–7 MB for the Slack app's
// ~1,100 modules), and reading them made `npm start` no faster than compiling stripped sources afresh.
// So the types are stripped once, by Node's own stripper (`module.stripTypeScriptTypes`, which puts
// whitespace where the types were: every line stays where it is in the .ts file, and stack traces name
// the .ts file), in a short-lived child process (strip-types.js), which also writes what is beyond
// Latin-1 as escapes where that halves what V8 holds (latin1-escaped.js), and the results are kept in
// node_modules/.cache/kakunin-sources with a manifest of each source's size and modification time. A start
// strips again only the files that changed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, readJsonFile, writeWhole } from './cache-file.js';

/** Bumped whenever what is written changes, so older copies are stripped again rather than trusted. */
export const STRIPPED_FORMAT = 1;

/** The trees of the checkout whose .ts files are served stripped (entries bin/run.js starts, and what they import). */
export const SOURCE_DIRS = ['src', 'bench', 'test'];

export class StrippedSourcesError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'StrippedSourcesError';
  }
}

/** Where the stripped copies of the checkout at `root` are kept. */
export function strippedSourcesDir(root) {
  return cacheDir(root, 'kakunin-sources');
}

/** Whether this Node can do it: load hooks, type stripping as a function, and .ts files at all. */
export function canStripSources(module, proc = process) {
  return typeof module.registerHooks === 'function' && typeof module.stripTypeScriptTypes === 'function' && Boolean(proc.features.typescript);
}

/** The stripper's version: a copy made by another one is stripped again. */
export function stripperVersion(proc = process) {
  return proc.versions.amaro ?? proc.version;
}

/** Every .ts file (not .d.ts) under `dirs` of `root`, as [path relative to root with / between names, size, mtimeMs]. */
export function listSources(root, dirs = SOURCE_DIRS) {
  const sources = [];
  // Plain string paths, not path.join/relative: this runs on every start, over some 500 files.
  const walk = (rel) => {
    let entries;
    try {
      entries = readdirSync(`${root}/${rel}`, { withFileTypes: true });
    } catch (err) {
      if (err.code === 'ENOENT') return; // a checkout without bench/ or test/
      throw err;
    }
    for (const entry of entries) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const s = statSync(`${root}/${path}`);
        sources.push([path, s.size, s.mtimeMs]);
      }
    }
  };
  for (const dir of dirs) walk(dir);
  return sources;
}

/** The manifest in `dir`, or undefined when there is none or it is not one (everything is then stripped again). */
export function readSourcesManifest(dir) {
  const isStats = (value) => Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number');
  const isTable = (value) => typeof value === 'object' && value !== null && Object.values(value).every(isStats);
  return readJsonFile(join(dir, 'manifest.json'), (manifest) => typeof manifest === 'object' && manifest !== null && isTable(manifest.files) && isTable(manifest.failed));
}

/** Strips `paths` (relative to `root`) into `dir` in a child process; returns the ones it could not strip, with why. */
export function stripInChild(root, dir, paths, spawn = spawnSync) {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(import.meta.dirname, 'strip-types.js'), root, dir], {
    input: JSON.stringify(paths),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (child.error) throw new StrippedSourcesError(`the stripping process did not start: ${child.error.message}`, { cause: child.error });
  if (child.status !== 0) {
    const why = child.stderr.trim().split('\n').at(-1) || `exit ${child.status ?? child.signal}`;
    throw new StrippedSourcesError(`the stripping process failed: ${why}`);
  }
  return JSON.parse(child.stdout).failed;
}

/**
 * The stripped copy to load for each source, by the source's path relative to `root` (with / between
 * names): made first for whatever is new or changed since the last start. Files the stripper refused are
 * left out (Node loads them itself and reports the error as it always does). Throws StrippedSourcesError
 * when the copies can be neither found nor made.
 */
export function strippedSources(root, dir = strippedSourcesDir(root), { dirs = SOURCE_DIRS, strip = stripInChild, version = stripperVersion() } = {}) {
  const sources = listSources(root, dirs);
  const previous = readSourcesManifest(dir);
  const trusted = previous?.format === STRIPPED_FORMAT && previous.stripper === version ? previous : { files: {}, failed: {} };
  const same = (table, [path, size, mtimeMs]) => table[path]?.[0] === size && table[path]?.[1] === mtimeMs;
  const manifest = { format: STRIPPED_FORMAT, stripper: version, files: {}, failed: {} };
  const stale = [];
  for (const source of sources) {
    const [path, size, mtimeMs] = source;
    if (same(trusted.files, source)) manifest.files[path] = [size, mtimeMs];
    else if (same(trusted.failed, source)) manifest.failed[path] = [size, mtimeMs];
    else stale.push(source);
  }
  if (stale.length > 0) {
    mkdirSync(dir, { recursive: true });
    let failed;
    try {
      failed = strip(root, dir, stale.map(([path]) => path));
    } catch (err) {
      if (err instanceof StrippedSourcesError) throw err;
      throw new StrippedSourcesError(`stripping into ${dir} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    // The sizes and times taken before stripping: a file saved meanwhile is stripped again next start.
    for (const [path, size, mtimeMs] of stale) (Object.hasOwn(failed, path) ? manifest.failed : manifest.files)[path] = [size, mtimeMs];
  }
  // Written only when something changed, files that are gone included.
  if (stale.length > 0 || Object.keys(trusted.files).length + Object.keys(trusted.failed).length !== sources.length) {
    writeWhole(join(dir, 'manifest.json'), JSON.stringify(manifest));
  }
  return new Map(Object.keys(manifest.files).map((path) => [path, `${dir}/${path}.js`]));
}
