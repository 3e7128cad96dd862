// bin/run.js hands Node kakunin's .ts files with their types already stripped, made by Node's own stripper
// in a child process and kept until the file changes: the copies must keep every line, and a
// start must strip again exactly what changed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STRIPPED_FORMAT, StrippedSourcesError, canStripSources, listSources, readSourcesManifest, stripInChild, strippedSources } from '../../bin/stripped-sources.js';
import { repoRoot } from '../helpers/run-cli.ts';

const canStrip = canStripSources(module);

describe('the stripped sources', () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kakunin-sources-'));
    dir = join(root, 'cache');
    mkdirSync(join(root, 'src', 'flow'), { recursive: true });
    writeFileSync(join(root, 'src', 'main.ts'), "import { load } from './flow/load.ts';\nconst n: number = load('確認');\nexport { n };\n");
    writeFileSync(join(root, 'src', 'flow', 'load.ts'), 'export function load(name: string): number {\n  return name.length as number;\n}\n');
    writeFileSync(join(root, 'src', 'flow', 'types.d.ts'), 'export type X = 1;\n');
    writeFileSync(join(root, 'src', 'flow', 'notes.md'), '# not code\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A stripper that records what it was asked to strip and strips nothing. */
  function recordingStripper(failed: Record<string, string> = {}) {
    const calls: string[][] = [];
    return { calls, strip: (_root: string, _dir: string, paths: string[]) => (calls.push(paths), failed) };
  }

  it.skipIf(!canStrip)('are each .ts file with whitespace where its types were: every line where it was', () => {
    const copies = strippedSources(root, dir, { dirs: ['src'] });
    expect([...copies.keys()].sort()).toEqual(['src/flow/load.ts', 'src/main.ts']);
    for (const [path, copy] of copies) {
      const source = readFileSync(join(root, path), 'utf8');
      const stripped = readFileSync(copy, 'utf8');
      expect(stripped.split('\n')).toHaveLength(source.split('\n').length);
      expect(stripped).not.toContain(': number');
    }
    // Mostly ASCII: what is beyond Latin-1 is written as escapes (latin1-escaped.js), lines still in place.
    expect(readFileSync(copies.get('src/main.ts')!, 'utf8')).toBe("import { load } from './flow/load.ts';\nconst n         = load('\\u78ba\\u8a8d');\nexport { n };\n");
  });

  it.skipIf(!canStrip)('covers every .ts file of the checkout’s src, bench and test', () => {
    const paths = listSources(repoRoot).map(([path]) => path);
    expect(paths).toContain('src/main.ts');
    expect(paths).toContain('bench/slack-bench-target.ts');
    expect(paths).toContain('test/runtime/launcher-probe.ts');
    expect(paths.some((path) => path.endsWith('.d.ts') || path.includes('node_modules'))).toBe(false);
  });

  it('are made again only for a file that changed, a file that is new, or a manifest that cannot be trusted', () => {
    const stripper = recordingStripper();
    strippedSources(root, dir, { dirs: ['src'], strip: stripper.strip, version: 'a' });
    expect(stripper.calls).toEqual([['src/flow/load.ts', 'src/main.ts']]);

    strippedSources(root, dir, { dirs: ['src'], strip: stripper.strip, version: 'a' });
    expect(stripper.calls).toHaveLength(1);

    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'src', 'main.ts'), later, later);
    writeFileSync(join(root, 'src', 'flow', 'steps.ts'), 'export const steps: string[] = [];\n');
    strippedSources(root, dir, { dirs: ['src'], strip: stripper.strip, version: 'a' });
    expect(stripper.calls[1]).toEqual(['src/flow/steps.ts', 'src/main.ts']);

    // Another stripper (a Node upgrade), another format, or a manifest cut short: everything again.
    strippedSources(root, dir, { dirs: ['src'], strip: stripper.strip, version: 'b' });
    expect(stripper.calls[2]).toHaveLength(3);
    const manifest = readSourcesManifest(dir)!;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, format: STRIPPED_FORMAT + 1 }));
    strippedSources(root, dir, { dirs: ['src'], strip: stripper.strip, version: 'b' });
    expect(stripper.calls[3]).toHaveLength(3);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest).slice(0, 40));
    expect(readSourcesManifest(dir)).toBeUndefined();
    strippedSources(root, dir, { dirs: ['src'], strip: stripper.strip, version: 'b' });
    expect(stripper.calls[4]).toHaveLength(3);
  });

  it('forget a file that is gone', () => {
    const stripper = recordingStripper();
    strippedSources(root, dir, { dirs: ['src'], strip: stripper.strip, version: 'a' });
    rmSync(join(root, 'src', 'flow', 'load.ts'));
    const copies = strippedSources(root, dir, { dirs: ['src'], strip: stripper.strip, version: 'a' });
    expect([...copies.keys()]).toEqual(['src/main.ts']);
    expect(Object.keys(readSourcesManifest(dir)!.files)).toEqual(['src/main.ts']);
    expect(stripper.calls).toHaveLength(1);
  });

  it.skipIf(!canStrip)('leave a file the stripper refuses to Node, and do not try it again until it changes', () => {
    // An enum needs code generated, which stripping alone cannot do: Node reports it when loading the file.
    writeFileSync(join(root, 'src', 'flow', 'kind.ts'), 'export enum Kind { Done, Planned }\n');
    const copies = strippedSources(root, dir, { dirs: ['src'] });
    expect(copies.has('src/flow/kind.ts')).toBe(false);
    expect(Object.keys(readSourcesManifest(dir)!.failed)).toEqual(['src/flow/kind.ts']);
    const stripper = recordingStripper();
    strippedSources(root, dir, { dirs: ['src'], strip: stripper.strip });
    expect(stripper.calls).toEqual([]);
  });

  it('say why when the stripping process fails, so the launcher can leave the files to Node', () => {
    const failing = () => ({ status: 1, signal: null, stdout: '', stderr: 'TypeError: module.stripTypeScriptTypes is not a function\n' });
    expect(() => stripInChild(root, dir, ['src/main.ts'], failing as never)).toThrow(new StrippedSourcesError('the stripping process failed: TypeError: module.stripTypeScriptTypes is not a function'));
    const missing = () => ({ error: new Error('spawn ENOENT'), status: null, signal: null, stdout: '', stderr: '' });
    expect(() => stripInChild(root, dir, ['src/main.ts'], missing as never)).toThrow(StrippedSourcesError);
    const thrown = () => {
      throw new Error('disk full');
    };
    expect(() => strippedSources(root, dir, { dirs: ['src'], strip: thrown })).toThrow(new StrippedSourcesError(`stripping into ${dir} failed: disk full`));
  });
});
