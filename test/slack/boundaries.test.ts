// The layers stay apart: the Slack adapter reaches the database only through the service, and the
// engine and flow model know nothing about Slack.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

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

test('src/slack touches SQLite only through the service: no better-sqlite3, no src/store', () => {
  expect(violations('src/slack', (t) => t === 'better-sqlite3' || t.startsWith('src/store'))).toEqual([]);
});

test('src/slack never gets hold of the store, not even by borrowing another module\'s type for it', () => {
  // e.g. `type Store = WorkspaceDirectoryOptions['store']` passes the import check above.
  const borrowed = tsFiles(join(root, 'src/slack')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\[\s*['"]store['"]\s*\]|\bstore\s*:\s*Store\b|\bStore\s*=|\.store\./g)].map((m) => `${relative(root, file)}: ${m[0]}`),
  );
  expect(borrowed).toEqual([]);
});

test('src/engine and src/flow import nothing Slack', () => {
  const slack = (t: string) => t.startsWith('@slack/') || t.startsWith('src/slack') || t === 'ws';
  expect([...violations('src/engine', slack), ...violations('src/flow', slack)]).toEqual([]);
});

test('the views are pure: no Slack client, no service, no clock', () => {
  const impure = (t: string) => t === '@slack/bolt' || t.startsWith('src/service/assessment') || t.startsWith('src/slack/conversation') || t.startsWith('src/slack/context');
  // `import type` of Block Kit types from @slack/bolt is fine; anything else from it is not.
  const files = tsFiles(join(root, 'src/slack/views'));
  const valueImports = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)]
      .map((m) => (m[1]!.startsWith('.') ? relative(root, resolve(dirname(file), m[1]!)) : m[1]!))
      .filter(impure)
      .map((t) => `${relative(root, file)} imports ${t}`),
  );
  expect(valueImports).toEqual([]);
});
