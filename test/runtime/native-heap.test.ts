// The idle compaction asks glibc to give back what malloc holds free (native/malloc-trim.c, built by
// npm install where there is a C compiler): memory freed between blocks still in use leaves the process.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NATIVE_TRIM_FILE, loadNativeHeapTrim } from '../../src/runtime/native-heap.ts';
import { repoRoot } from '../helpers/run-cli.ts';

const buildable = process.platform === 'linux' && spawnSync(process.env.CC || 'cc', ['--version']).status === 0;

describe('trimming the native heap', () => {
  it.skipIf(!buildable)('is built by npm install on Linux with a C compiler', () => {
    const loaded = loadNativeHeapTrim();
    expect(loaded.trim, loaded.trim ? NATIVE_TRIM_FILE : loaded.missing).toBeTypeOf('function');
  });

  it.skipIf(!buildable)('gives back memory malloc kept after most of 40 MB of small buffers were freed', () => {
    const out = execFileSync(process.execPath, ['--expose-gc', join('test', 'runtime', 'native-heap-probe.ts')], { cwd: repoRoot, encoding: 'utf8' });
    const { freed, trimmed, released } = JSON.parse(out) as { freed: number; trimmed: number; released: boolean };
    expect(released).toBe(true);
    // 37.5 MB of the 40 were freed; without the trim nearly all of it stays resident.
    expect(freed - trimmed).toBeGreaterThan(20);
  });

  it('is left out of an install without a C compiler, which says so and goes on', () => {
    const out = execFileSync(process.execPath, [join('scripts', 'build-native.mjs')], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CC: 'kakunin-no-such-cc' } });
    expect(out.trim()).toBe(
      process.platform === 'linux'
        ? 'kakunin: native heap trimming not built (no C compiler (kakunin-no-such-cc)); kakunin runs without it, with a few MB more resident memory'
        : 'kakunin: native heap trimming not built (malloc_trim is glibc’s, and this is not Linux); kakunin runs without it, with a few MB more resident memory',
    );
  });

  it('is simply absent where it was not built, and says which file is missing', () => {
    const loaded = loadNativeHeapTrim(join(tmpdir(), 'kakunin-no-such-dir', 'malloc-trim.node'));
    expect(loaded.trim).toBeUndefined();
    expect(loaded.trim ? '' : loaded.missing).toContain('kakunin-no-such-dir/malloc-trim.node was not built');
  });

  it('is refused, with the loader’s reason, when the file is not an addon for this machine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kakunin-native-'));
    try {
      const file = join(dir, 'malloc-trim.node');
      writeFileSync(file, 'not a shared library');
      const loaded = loadNativeHeapTrim(file);
      expect(loaded.trim).toBeUndefined();
      expect(loaded.trim ? '' : loaded.missing).toMatch(/malloc-trim\.node does not load here: .+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
