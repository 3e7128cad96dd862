// The PDF renderer (pdf-lib, fontkit, ~30 MB resident once loaded and warmed) is loaded by the first report, or
// at start when KAKUNIN_REPORT_RENDERER=preload (the default) asks for it: never by merely starting the
// Slack app, so `on-demand` really leaves it out of an idle app's memory.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ConfigError, readEnv } from '../../src/config/env.ts';

const repoRoot = join(import.meta.dirname, '..', '..');

/** Imports `entry` in a fresh Node and lists which of the renderer's packages were resolved meanwhile. */
function packagesLoadedBy(entry: string): string[] {
  const script = `
    import { registerHooks } from 'node:module';
    const seen = new Set();
    registerHooks({ resolve(specifier, context, next) { if (/^(pdf-lib|fontkit|exceljs)$/.test(specifier)) seen.add(specifier); return next(specifier, context); } });
    await import(${JSON.stringify(join(repoRoot, entry))});
    console.log(JSON.stringify([...seen].sort()));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[];
}

test('starting the Slack app loads no PDF or XLSX code; rendering a report does', () => {
  expect(packagesLoadedBy('src/slack/start.ts')).toEqual([]);
  expect(packagesLoadedBy('src/report/render-report.ts')).toEqual(['fontkit', 'pdf-lib']);
});

test('the renderer is preloaded unless the operator says on-demand; anything else is refused by name', () => {
  expect(readEnv({}).KAKUNIN_REPORT_RENDERER).toBe('preload');
  expect(readEnv({ KAKUNIN_REPORT_RENDERER: 'on-demand' }).KAKUNIN_REPORT_RENDERER).toBe('on-demand');
  expect(() => readEnv({ KAKUNIN_REPORT_RENDERER: 'lazy' })).toThrow(ConfigError);
  expect(() => readEnv({ KAKUNIN_REPORT_RENDERER: 'lazy' })).toThrow(/KAKUNIN_REPORT_RENDERER="lazy"/);
});
