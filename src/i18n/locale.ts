import { z } from 'zod';
import type { Localized } from '../flow/schema.ts';

export const localeSchema = z.enum(['ja', 'en']);
export type Locale = z.output<typeof localeSchema>;

/** The text in the user's language; Japanese when a flow has no English for it. */
export function localize(text: Localized, locale: Locale): string {
  return (locale === 'en' ? text.en : undefined) ?? text.ja;
}
