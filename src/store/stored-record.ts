// Every row and JSON column read back is checked against its zod schema, so a hand-edited or
// foreign database fails loudly at the boundary instead of deep inside the engine.
import type { z } from 'zod';
import { CorruptRecordError } from './errors.ts';

export interface RecordLocation {
  table: string;
  key: Record<string, string>;
}

export function readStored<S extends z.ZodType>(schema: S, value: unknown, where: RecordLocation): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ');
    throw new CorruptRecordError(where.table, where.key, problem);
  }
  return parsed.data;
}

export function readStoredJson<S extends z.ZodType>(schema: S, json: string, where: RecordLocation): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new CorruptRecordError(where.table, where.key, `invalid JSON (${(err as Error).message})`);
  }
  return readStored(schema, value, where);
}
