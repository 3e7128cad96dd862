// The report's libraries, pdf-lib and fontkit, loaded as one file each instead of as the ~190 modules
// they come in (bin/run.js points kakunin's `import 'pdf-lib'` and `import 'fontkit'` at these files).
//
// Why: under KAKUNIN_REPORT_RENDERER=preload (the default) both are loaded and warmed up at start, and V8
// keeps every module's source for as long as the process lives, two bytes a character where a file holds
// one character beyond Latin-1 (fontkit's 0.55 MB file is held as 1.1 MB), plus one module record and one
// compile-cache entry each. One minified file per library, written in ASCII, loads ~5 MB lighter (idle
// RSS, README Benchmarks). Names are kept, so the class names pdf-lib's error messages print read as they
// do from the package. fontkit's WOFF2 support, brotli with its 740 KB dictionary source, is left out:
// reports embed TTF files only (src/report/font.ts), and a WOFF2 file gets a clear error instead. (zod
// and XState, which every request runs through, were measured too: ~1 MB, not worth their stack traces.)
//
// The files are built with esbuild on the first start and kept in node_modules/.cache/kakunin-libraries
// with a manifest of every installed file that went into them; a start that finds one of those files
// changed (an `npm install` that moved a version) builds them again.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheDir, readJsonFile, writeWhole } from './cache-file.js';

/** The packages that are bundled, as `import` names them. */
export const BUNDLED_LIBRARIES = ['pdf-lib', 'fontkit'];

/** Bumped whenever the build below changes, so older bundles are rebuilt rather than trusted. */
export const BUNDLE_FORMAT = 5;

const WOFF2_STUB = join(import.meta.dirname, 'woff2-unsupported.js');

export class BundledLibrariesError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'BundledLibrariesError';
  }
}

/** Where the bundles of the checkout at `root` are kept. */
export function bundledLibrariesDir(root) {
  return cacheDir(root, 'kakunin-libraries');
}

/** The manifest in `dir`, or undefined when there is none or it is not one (it is then rebuilt). */
export function readManifest(dir) {
  const isObject = (value) => typeof value === 'object' && value !== null;
  return readJsonFile(
    join(dir, 'manifest.json'),
    (manifest) => isObject(manifest) && isObject(manifest.bundles) && isObject(manifest.inputs) && Object.values(manifest.inputs).every((input) => Array.isArray(input) && input.length === 2),
  );
}

/**
 * True when the bundles the manifest names were built by this format from exactly the files on disk now
 * (same size and modification time, paths relative to `root`) and are still there.
 */
export function isCurrent(manifest, root, dir, stat = statSync) {
  if (manifest?.format !== BUNDLE_FORMAT) return false;
  if (BUNDLED_LIBRARIES.some((name) => typeof manifest.bundles[name] !== 'string')) return false;
  const statOf = (path) => {
    try {
      return stat(path);
    } catch {
      return undefined; // gone (or unreadable): rebuild
    }
  };
  const same = (path, [size, mtimeMs]) => {
    const s = statOf(path);
    return s?.size === size && s.mtimeMs === mtimeMs;
  };
  return (
    Object.entries(manifest.inputs).every(([path, expected]) => same(join(root, path), expected)) &&
    BUNDLED_LIBRARIES.every((name) => statOf(join(dir, manifest.bundles[name])) !== undefined)
  );
}

/** Builds each library's bundle into `dir` and writes their manifest last, each file renamed into place whole. */
export async function buildLibraries(root, dir, esbuild) {
  const bundles = {};
  const inputs = {};
  mkdirSync(dir, { recursive: true });
  for (const name of BUNDLED_LIBRARIES) {
    const entry = `${name}.entry.js`;
    const result = await esbuild.build({
      stdin: { contents: `export * from '${name}';`, resolveDir: root, sourcefile: entry },
      absWorkingDir: root,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      // pdf-lib's ES build (its `main` is CommonJS, which would bundle to a default export only).
      mainFields: ['module', 'main'],
      minify: true,
      // Minifying and bundling rename functions and classes (PDFDict → PDFDict2); this keeps each one's
      // `name` as written, which pdf-lib's error messages print.
      keepNames: true,
      charset: 'ascii',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [
        {
          name: 'woff2-unsupported',
          setup(build) {
            build.onResolve({ filter: /^brotli(\/|$)/ }, () => ({ path: WOFF2_STUB }));
          },
        },
      ],
    });
    const code = result.outputFiles[0].contents;
    const file = `${name}.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
    writeWhole(join(dir, file), code);
    bundles[name] = file;
    for (const path of Object.keys(result.metafile.inputs)) {
      if (path === entry) continue; // the two-line entry above, not a file
      const s = statSync(join(root, path));
      inputs[path] = [s.size, s.mtimeMs];
    }
  }
  const manifest = { format: BUNDLE_FORMAT, esbuild: esbuild.version, bundles, inputs };
  writeWhole(join(dir, 'manifest.json'), JSON.stringify(manifest));
  // Bundles of earlier versions: a process already running has read its own, so they can go.
  const current = new Set(Object.values(bundles));
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.mjs') || current.has(file)) continue;
    try {
      unlinkSync(join(dir, file));
    } catch (err) {
      if (err.code !== 'ENOENT') throw err; // another first start removed it already
    }
  }
  return manifest;
}

/**
 * The file URL each library should be loaded from: the bundles in `dir`, built first when missing or out
 * of date. Throws BundledLibrariesError when they can be neither found nor built.
 */
export async function bundledLibraryUrls(root, dir = bundledLibrariesDir(root), loadEsbuild = () => import('esbuild')) {
  let manifest = readManifest(dir);
  if (!isCurrent(manifest, root, dir)) {
    let esbuild;
    try {
      esbuild = await loadEsbuild();
    } catch (err) {
      throw new BundledLibrariesError('esbuild is not installed (run `npm install`)', { cause: err });
    }
    try {
      manifest = await buildLibraries(root, dir, esbuild);
    } catch (err) {
      throw new BundledLibrariesError(`building them in ${dir} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }
  return Object.fromEntries(BUNDLED_LIBRARIES.map((name) => [name, pathToFileURL(join(dir, manifest.bundles[name])).href]));
}
