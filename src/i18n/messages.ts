// Message texts live in templates/messages/<locale>.yaml; code refers to them by key.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Locale } from './locale.ts';
import { fillPlaceholders } from './placeholders.ts';

const catalogSchema = z.record(z.string(), z.string());

function loadCatalog(locale: Locale): Record<string, string> {
  const file = fileURLToPath(new URL(`../../templates/messages/${locale}.yaml`, import.meta.url));
  const parsed = catalogSchema.safeParse(flatten(parse(readFileSync(file, 'utf8'))));
  if (!parsed.success) throw new Error(`${file}: every message must be a string (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

/** { a: { b: 'x' } } → { 'a.b': 'x' }, so the YAML can be grouped by screen. */
function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = value;
  }
  return out;
}

const catalogs: Partial<Record<Locale, Record<string, string>>> = {};
function catalog(locale: Locale): Record<string, string> {
  return (catalogs[locale] ??= loadCatalog(locale));
}

export class MissingMessageError extends Error {
  override readonly name = 'MissingMessageError';
}

export type MessageParams = Record<string, string | number>;

/** The message for `key` in `locale` (falling back to Japanese), with `{name}` placeholders filled. */
export function t(locale: Locale, key: string, params: MessageParams = {}): string {
  const template = catalog(locale)[key] ?? catalog('ja')[key];
  if (template === undefined) throw new MissingMessageError(`No message "${key}" in templates/messages/ja.yaml`);
  return fillPlaceholders(template, params);
}

export function messageKeys(locale: Locale): string[] {
  return Object.keys(catalog(locale));
}
