// Row ids: a short prefix says what kind of row an id names when it turns up in logs or Slack payloads.
import { randomUUID } from 'node:crypto';

export type IdPrefix = 'org' | 'fac' | 'per' | 'as';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomUUID()}`;
}

/** The one organization the terminal adapter works in. */
export const localOrganizationId = 'local';
