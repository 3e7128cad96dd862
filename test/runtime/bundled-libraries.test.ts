// bin/run.js loads pdf-lib and fontkit from one file each, built on the first start and rebuilt when an
// installed file they came from changes: a report must come out the same either way.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { text } from 'node:stream/consumers';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_LIBRARIES, BUNDLE_FORMAT, BundledLibrariesError, buildLibraries, bundledLibrariesDir, bundledLibraryUrls, isCurrent, readManifest } from '../../bin/bundled-libraries.js';
import { repoRoot } from '../helpers/run-cli.ts';
import { readPdfText, squash } from '../report/helpers/pdf-text.ts';

const loadEsbuild = () => import('esbuild');

describe('the bundled libraries', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kakunin-libraries-'));
    await buildLibraries(repoRoot, dir, await loadEsbuild());
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are one file per library, with a manifest of every installed file that went into them', () => {
    const manifest = readManifest(dir)!;
    expect(manifest.format).toBe(BUNDLE_FORMAT);
    expect(Object.keys(manifest.bundles).sort()).toEqual([...BUNDLED_LIBRARIES].sort());
    const inputs = Object.keys(manifest.inputs);
    expect(inputs).toContain('node_modules/pdf-lib/es/api/PDFDocument.js');
    expect(inputs.some((path) => path.startsWith('node_modules/restructure/'))).toBe(true);
    // brotli (WOFF2 only) is left out; the stand-in that says so is in.
    expect(inputs.some((path) => path.includes('node_modules/brotli/'))).toBe(false);
    expect(inputs).toContain('bin/woff2-unsupported.js');
    expect(readFileSync(join(dir, manifest.bundles.fontkit!), 'utf8')).toContain('WOFF2 fonts are not supported in reports');
    expect(isCurrent(manifest, repoRoot, dir)).toBe(true);
  });

  it('are written in ASCII, so V8 keeps their source one byte a character', () => {
    for (const file of Object.values(readManifest(dir)!.bundles)) {
      expect(readFileSync(join(dir, file)).every((byte) => byte < 0x80)).toBe(true);
    }
  });

  it('export every name the installed packages export, functions and classes under their own names', async () => {
    const manifest = readManifest(dir)!;
    for (const name of BUNDLED_LIBRARIES) {
      const bundled = (await import(pathToFileURL(join(dir, manifest.bundles[name]!)).href)) as Record<string, unknown>;
      const installed = (await import(name)) as Record<string, unknown>;
      const keys = Object.keys(installed).filter((key) => key !== 'default' && key !== '__esModule');
      expect(keys.filter((key) => !(key in bundled)), name).toEqual([]);
      // pdf-lib's errors print class names ("Expected instance of PDFDict, but got …"). (Its CommonJS
      // build, which Node loads, leaves plain functions anonymous: only named ones are compared.)
      const nameOf = (value: unknown) => (typeof value === 'function' ? value.name : '');
      expect(keys.filter((key) => nameOf(installed[key]) !== '' && nameOf(bundled[key]) !== nameOf(installed[key])), name).toEqual([]);
    }
  });

  it('are rebuilt when an installed file they came from changed, one is missing, or the build changed', () => {
    const manifest = readManifest(dir)!;
    const changed = Object.keys(manifest.inputs).find((path) => path.includes('pdf-lib/es/api/PDFPage.js'))!;
    const touched = (path: string): Stats => {
      const stats = statSync(path);
      return path.endsWith(changed) ? ({ ...stats, mtimeMs: stats.mtimeMs + 1000 } as Stats) : stats;
    };
    expect(isCurrent(manifest, repoRoot, dir, touched)).toBe(false);
    expect(isCurrent({ ...manifest, bundles: { ...manifest.bundles, fontkit: 'fontkit.gone.mjs' } }, repoRoot, dir)).toBe(false);
    expect(isCurrent({ ...manifest, format: BUNDLE_FORMAT - 1 }, repoRoot, dir)).toBe(false);
    expect(isCurrent(undefined, repoRoot, dir)).toBe(false);
  });

  it('are built again over a manifest cut short, and not while they are current; older ones go', async () => {
    const other = mkdtempSync(join(tmpdir(), 'kakunin-libraries-'));
    let builds = 0;
    const counting = async () => {
      builds++;
      return loadEsbuild();
    };
    try {
      writeFileSync(join(other, 'manifest.json'), '{"format":1,"bund');
      expect(readManifest(other)).toBeUndefined();
      // Parsed, but not a manifest: rebuilt as well.
      writeFileSync(join(other, 'manifest.json'), JSON.stringify({ format: BUNDLE_FORMAT, bundles: {}, inputs: { 'a.js': 12 } }));
      expect(readManifest(other)).toBeUndefined();
      writeFileSync(join(other, 'fontkit.0123456789abcdef.mjs'), 'export {};\n');
      const urls = await bundledLibraryUrls(repoRoot, other, counting);
      expect(builds).toBe(1);
      expect(existsSync(join(other, 'fontkit.0123456789abcdef.mjs'))).toBe(false);
      expect(Object.keys(urls).sort()).toEqual([...BUNDLED_LIBRARIES].sort());
      expect(fileURLToPath(urls['pdf-lib']!).startsWith(other)).toBe(true);
      expect(await bundledLibraryUrls(repoRoot, other, counting)).toEqual(urls);
      expect(builds).toBe(1);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  }, 60_000);

  it('say what is missing when esbuild is not installed', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kakunin-libraries-'));
    try {
      const missing = () => Promise.reject(new Error("Cannot find package 'esbuild'"));
      await expect(bundledLibraryUrls(repoRoot, empty, missing)).rejects.toThrow(BundledLibrariesError);
      await expect(bundledLibraryUrls(repoRoot, empty, missing)).rejects.toThrow('esbuild is not installed (run `npm install`)');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

interface Probe {
  libraries: Record<string, string>;
  dependency?: string;
  pdf: string;
}

async function renderThroughLauncher(env: NodeJS.ProcessEnv): Promise<{ code: number | null; probe?: Probe; stderr: string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'run.js'), join('test', 'runtime', 'libraries-probe.ts')], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const [out, stderr, code] = await Promise.all([text(child.stdout), text(child.stderr), new Promise<number | null>((resolve) => child.on('close', resolve))]);
  return { code, stderr, ...(code === 0 ? { probe: JSON.parse(out) as Probe } : {}) };
}

describe('an app started through bin/run.js', () => {
  it('loads its libraries from the bundles, and renders a report byte for byte as the installed packages do', async () => {
    const { KAKUNIN_LIBRARIES: _ignored, ...env } = process.env;
    const bundled = await renderThroughLauncher(env);
    const installed = await renderThroughLauncher({ ...env, KAKUNIN_LIBRARIES: 'packages' });
    expect(bundled.stderr).toBe('');
    for (const name of BUNDLED_LIBRARIES) {
      expect(fileURLToPath(bundled.probe!.libraries[name]!).startsWith(bundledLibrariesDir(repoRoot)), name).toBe(true);
      expect(installed.probe!.libraries[name], name).toContain(`/node_modules/${name}/`);
    }
    expect(bundled.probe!.pdf).toBe(installed.probe!.pdf);
    const pages = await readPdfText(new Uint8Array(Buffer.from(bundled.probe!.pdf, 'base64')));
    expect(squash(pages[0]!.pieces.map((piece) => piece.str).join(''))).toContain('さくら内科クリニック');
  }, 60_000);

  it('leaves a dependency’s own import of one of them to Node', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kakunin-libraries-'));
    try {
      const dependency = join(dir, 'node_modules', 'some-dependency', 'index.js');
      mkdirSync(dirname(dependency), { recursive: true });
      // Resolved from the temporary directory, where no pdf-lib is installed: what Node says, not the bundle.
      writeFileSync(dependency, "let pdfLib; try { pdfLib = import.meta.resolve('pdf-lib'); } catch (err) { pdfLib = err.code; } export { pdfLib };\n");
      const { probe } = await renderThroughLauncher({ ...process.env, PROBE_DEPENDENCY: pathToFileURL(dependency).href });
      expect(probe!.dependency).toBe('ERR_MODULE_NOT_FOUND');
      expect(fileURLToPath(probe!.libraries['pdf-lib']!).startsWith(bundledLibrariesDir(repoRoot))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('stops at once, naming the setting, when KAKUNIN_LIBRARIES is neither bundled nor packages', async () => {
    const result = await renderThroughLauncher({ ...process.env, KAKUNIN_LIBRARIES: 'minified' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('KAKUNIN_LIBRARIES: bundled or packages (got "minified")');
  });
});
