import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_NODE_MAJOR, unsupportedNodeMessage } from '../../src/runtime/supported-node.ts';
import { repoRoot } from '../helpers/run-cli.ts';

/** A Node older than the minimum on this machine's own PATH (not the project's pinned one), if there is one. */
function olderSystemNode(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || dir.includes('node_modules')) continue;
    const candidate = join(dir, 'node');
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['--version']).toString().trim();
    if (Number(version.slice(1).split('.')[0]) < MIN_NODE_MAJOR) return candidate;
  }
  return undefined;
}

describe('the Node kakunin runs on', () => {
  it('accepts Node 22 and 24, and refuses 20 and 18 in one line naming what was found and what is needed', () => {
    expect(unsupportedNodeMessage('v24.21.0')).toBeNull();
    expect(unsupportedNodeMessage('v22.23.5')).toBeNull();
    for (const old of ['v20.20.2', 'v18.20.4']) {
      const message = unsupportedNodeMessage(old);
      expect(message).toContain(old);
      expect(message).toContain('Node 22');
      expect(message).toContain('Node 24 LTS');
      expect(message?.split('\n')).toHaveLength(1);
    }
  });

  it('runs the suite itself on a supported Node', () => {
    expect(unsupportedNodeMessage(process.version)).toBeNull();
  });

  const oldNode = olderSystemNode();
  it.skipIf(!oldNode)('started directly on the machine’s older Node, the app prints the one line instead of crashing', () => {
    const tsxCli = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    for (const entry of ['src/main.ts', 'src/cli/main.ts']) {
      const r = spawnSync(oldNode!, [tsxCli, join(repoRoot, entry), 'help'], { cwd: repoRoot, encoding: 'utf8', input: '', env: { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '' } });
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('kakunin needs Node 22 or newer');
      expect(r.stderr).not.toMatch(/Segmentation|at .*\.ts:\d+/);
    }
  });
});
