// `npm start` runs bin/run.js, which starts the app once more as the same process with glibc's allocator
// settings (bin/allocator-settings.js): the app must see everything it was started with, unchanged. It
// hands Node kakunin's TypeScript with the types already stripped (bin/stripped-sources.js), or, told to
// leave them as they are, turns on Node's compile cache so that a start after the first skips stripping.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { MALLOC_TUNABLES, needsMallocTunables, withMallocTunables } from '../../bin/allocator-settings.js';
import { repoRoot } from '../helpers/run-cli.ts';

interface Probe {
  pid: number;
  tunables: string | null;
  argv: string[];
  execArgv: string[];
  input: string;
  compileCache: string | null;
  typeStripperLoaded: boolean;
  stackLine: string | null;
}

async function launch(env: NodeJS.ProcessEnv): Promise<{ childPid: number; probe: Probe; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, ['--expose-gc', join(repoRoot, 'bin', 'run.js'), join('test', 'runtime', 'launcher-probe.ts'), 'start', 'mhlw minimum'], {
    cwd: repoRoot,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end('佐藤です\n');
  const [out, stderr] = await Promise.all([text(child.stdout), text(child.stderr)]);
  const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));
  return { childPid: child.pid!, probe: (out ? JSON.parse(out) : undefined) as Probe, stderr, code };
}

const canReexec = process.platform === 'linux' && typeof (process as { execve?: unknown }).execve === 'function';

describe('the launcher’s allocator settings', () => {
  it('are wanted on Linux with process.execve, unless already set or started with an IPC channel', () => {
    const linux = { platform: 'linux', execve: () => undefined, env: {} };
    expect(needsMallocTunables(linux)).toBe(true);
    expect(needsMallocTunables({ ...linux, platform: 'darwin' })).toBe(false);
    expect(needsMallocTunables({ ...linux, platform: 'win32' })).toBe(false);
    expect(needsMallocTunables({ ...linux, execve: undefined })).toBe(false);
    expect(needsMallocTunables({ ...linux, env: { GLIBC_TUNABLES: '' } })).toBe(false);
    expect(needsMallocTunables({ ...linux, channel: {} })).toBe(false);
  });

  it('keep tunables the operator set, and add kakunin’s otherwise', () => {
    expect(withMallocTunables({ PATH: '/bin' })).toEqual({ PATH: '/bin', GLIBC_TUNABLES: MALLOC_TUNABLES });
    expect(withMallocTunables({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=4' }).GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=4');
  });

  it.skipIf(!canReexec)('reach the app as the same process, with its flags, arguments and standard input unchanged', async () => {
    const { GLIBC_TUNABLES: _ignored, ...env } = process.env;
    const { childPid, probe, stderr } = await launch(env);
    // The same pid: a process manager's signals (and a SIGKILL in the crash tests) reach the app itself.
    expect(probe.pid).toBe(childPid);
    expect(probe.tunables).toBe(MALLOC_TUNABLES);
    expect(probe.argv).toEqual(['start', 'mhlw minimum']);
    expect(probe.execArgv).toEqual(['--expose-gc']);
    expect(probe.input).toBe('佐藤です\n');
    expect(stderr).toBe('');
  });

  it.skipIf(!canReexec)('leave an operator’s own GLIBC_TUNABLES alone', async () => {
    const { probe } = await launch({ ...process.env, GLIBC_TUNABLES: 'glibc.malloc.arena_max=4' });
    expect(probe.tunables).toBe('glibc.malloc.arena_max=4');
  });
});

describe('the launcher’s TypeScript', () => {
  const { NODE_COMPILE_CACHE: _a, NODE_DISABLE_COMPILE_CACHE: _b, KAKUNIN_SOURCES: _c, ...env } = process.env;
  const probeLine = () => {
    const lines = readFileSync(join(repoRoot, 'test', 'runtime', 'launcher-probe.ts'), 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes("new Error('here')"));
    return `${index + 1}:${lines[index]!.indexOf("new Error('here')") + 1}`;
  };

  it('comes with its types stripped beforehand: Node’s stripper is never loaded, nor its compile cache kept', async () => {
    const { probe, stderr } = await launch(env);
    expect(stderr).toBe('');
    expect(probe.typeStripperLoaded).toBe(false);
    expect(probe.compileCache).toBeNull();
    // Whitespace where the types were: a stack trace names the .ts file, at the line and column in it.
    expect(probe.stackLine).toBe(`${join(repoRoot, 'test', 'runtime', 'launcher-probe.ts')}:${probeLine()}`);
  });

  it('left as it is (KAKUNIN_SOURCES=as-is), is stripped by Node, with the compile cache in node_modules/.cache or where NODE_COMPILE_CACHE says', async () => {
    const asIs = { ...env, KAKUNIN_SOURCES: 'as-is' };
    const { probe } = await launch(asIs);
    expect(probe.typeStripperLoaded || probe.compileCache !== null).toBe(true);
    expect(probe.stackLine).toBe(`${join(repoRoot, 'test', 'runtime', 'launcher-probe.ts')}:${probeLine()}`);
    // Node keeps one subdirectory per Node version and build inside it.
    const dirOf = async (e: NodeJS.ProcessEnv) => dirname((await launch(e)).probe.compileCache ?? '(none)');
    expect(await dirOf(asIs)).toBe(join(repoRoot, 'node_modules', '.cache', 'node-compile-cache'));
    const elsewhere = join(tmpdir(), `kakunin-compile-cache-${process.pid}`);
    expect(await dirOf({ ...asIs, NODE_COMPILE_CACHE: elsewhere })).toBe(elsewhere);
    rmSync(elsewhere, { recursive: true, force: true });
    const disabled = await launch({ ...asIs, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(disabled.probe.compileCache).toBeNull();
    expect(disabled.probe.typeStripperLoaded).toBe(true);
  });

  it('refuses a KAKUNIN_SOURCES it does not know, naming the setting', async () => {
    const { code, stderr } = await launch({ ...env, KAKUNIN_SOURCES: 'compiled' });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('KAKUNIN_SOURCES: stripped or as-is (got "compiled")');
  });
});
