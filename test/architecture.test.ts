// The layering rules from DEVELOPERS.md, checked on the imports themselves: the engine and flows know
// nothing of Slack, SQL or the terminal; adapters know nothing of SQL.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}
function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}
function violations(dir: string, forbidden: RegExp): string[] {
  return sources(join(root, dir)).flatMap((f) =>
    importsOf(f)
      .filter((i) => forbidden.test(i))
      .map((i) => `${relative(root, f)} imports ${i}`),
  );
}

describe('module boundaries', () => {
  it('the engine and the flow model import no adapter, store or Slack code', () => {
    expect(violations('src/engine', /slack|better-sqlite3|\/store\/|\/terminal\/|\/service\//)).toEqual([]);
    expect(violations('src/flow', /slack|better-sqlite3|\/store\/|\/terminal\/|\/engine\/|\/service\//)).toEqual([]);
  });

  it('the terminal adapter does not touch SQLite or the repositories: it goes through the service layer', () => {
    expect(violations('src/terminal', /better-sqlite3|\/store\//)).toEqual([]);
  });

  it('Slack reaches SQLite only through the service layer', () => {
    expect(violations('src/slack', /better-sqlite3|\/store\//)).toEqual([]);
  });

  it('the report renderers draw what they are given: no store, service, engine or adapter', () => {
    expect(violations('src/report', /slack|better-sqlite3|\/store\/|\/service\/|\/engine\/|\/terminal\//)).toEqual([]);
  });
});
