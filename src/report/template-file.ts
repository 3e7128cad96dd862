// Reads templates/<name>.yaml and validates it with a template schema, naming the file and the YAML path of
// every problem (as the checklist template does).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import { formatPath } from '../flow/errors.ts';
import { ReportTemplateError } from './errors.ts';

export const defaultTemplatesDir = resolve(fileURLToPath(new URL('../../templates', import.meta.url)));

export function templateFile(name: string, dir: string = defaultTemplatesDir): string {
  return join(dir, `${name}.yaml`);
}

/** The template's YAML as plain data; a missing file lists the templates that exist. */
export function readTemplateYaml(name: string, dir: string = defaultTemplatesDir): unknown {
  const file = templateFile(name, dir);
  if (!existsSync(file)) {
    const known = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)) : [];
    throw new ReportTemplateError(file, [
      { path: '', message: `no such report template "${name}"; known: ${known.join(', ') || '(none)'} (check the flow's \`report:\`)` },
    ]);
  }
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ReportTemplateError(file, [{ path: '', message: `YAML syntax: ${(err as Error).message.split('\n')[0]}` }]);
  }
}

export function parseTemplate<S extends z.ZodType>(schema: S, raw: unknown, file: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ReportTemplateError(
    file,
    parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.join(', ')}` : issue.message,
    })),
  );
}

/**
 * A loader that reads and validates each template once per process (keyed by folder and name). `read`
 * gives the raw data; the checklist template's follows `extends`.
 */
export function cachedTemplateLoader<S extends z.ZodType>(
  schema: S,
  read: (name: string, dir: string) => unknown = readTemplateYaml,
): (name: string, dir?: string) => z.output<S> {
  const cache = new Map<string, z.output<S>>();
  return (name, dir = defaultTemplatesDir) => {
    const key = `${dir}\0${name}`;
    let template = cache.get(key);
    if (template === undefined) {
      template = parseTemplate(schema, read(name, dir), templateFile(name, dir));
      cache.set(key, template);
    }
    return template;
  };
}
