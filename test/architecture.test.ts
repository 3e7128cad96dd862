// The layering rules, checked on the imports themselves: the engine and flows know nothing of Slack, SQL or
// the terminal; adapters know nothing of SQL (not even through a borrowed type); report renderers draw what
// they are given; Slack views are pure.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module a file imports (static, type-only, dynamic, re-exports), resolved to a repo path or a package name. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((s) => (s.startsWith('.') ? relative(root, resolve(dirname(file), s)) : s));
}

function violations(dir: string, forbidden: (target: string) => boolean): string[] {
  return tsFiles(join(root, dir)).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((target) => `${relative(root, file)} imports ${target}`),
  );
}

const under = (...dirs: string[]) => (t: string) => dirs.some((d) => t === d || t.startsWith(`${d}/`));
const sqlite = (t: string) => t === 'better-sqlite3' || under('src/store')(t);
const slack = (t: string) => t.startsWith('@slack/') || under('src/slack')(t) || t === 'ws';

describe('module boundaries', () => {
  it('the engine and the flow model import no adapter, store or Slack code', () => {
    expect(violations('src/engine', (t) => slack(t) || sqlite(t) || under('src/terminal', 'src/service')(t))).toEqual([]);
    expect(violations('src/flow', (t) => slack(t) || sqlite(t) || under('src/terminal', 'src/engine', 'src/service')(t))).toEqual([]);
  });

  it('the terminal adapter does not touch SQLite or the repositories: it goes through the service layer', () => {
    expect(violations('src/terminal', sqlite)).toEqual([]);
  });

  it('Slack reaches SQLite only through the service layer', () => {
    expect(violations('src/slack', sqlite)).toEqual([]);
  });

  it("src/slack never gets hold of the store, not even by borrowing another module's type for it", () => {
    // e.g. `type Store = WorkspaceDirectoryOptions['store']` passes the import check above.
    const borrowed = tsFiles(join(root, 'src/slack')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\[\s*['"]store['"]\s*\]|\bstore\s*:\s*Store\b|\bStore\s*=|\.store\./g)].map((m) => `${relative(root, file)}: ${m[0]}`),
    );
    expect(borrowed).toEqual([]);
  });

  it('the report renderers draw what they are given: no store, service, engine or adapter', () => {
    expect(violations('src/report', (t) => slack(t) || sqlite(t) || under('src/service', 'src/engine', 'src/terminal')(t))).toEqual([]);
  });

  it('the Slack views are pure: no Slack client, no service, no clock', () => {
    const impure = (t: string) =>
      t === '@slack/bolt' || t.startsWith('src/service/assessment') || under('src/slack/conversation')(t) || t.startsWith('src/slack/context');
    // `import type` of Block Kit types from @slack/bolt is fine; anything else from it is not.
    const valueImports = tsFiles(join(root, 'src/slack/views')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)]
        .map((m) => (m[1]!.startsWith('.') ? relative(root, resolve(dirname(file), m[1]!)) : m[1]!))
        .filter(impure)
        .map((t) => `${relative(root, file)} imports ${t}`),
    );
    expect(valueImports).toEqual([]);
  });
});
