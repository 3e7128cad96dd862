// The reader's language for report texts: Japanese by default, English where the source provides it.
import { z } from 'zod';
import { formatKanjiDate, formatSlashDate } from '../dates/japanese-date.ts';
import type { Localized } from '../flow/schema.ts';

export const reportLocaleSchema = z.enum(['ja', 'en']);
export type ReportLocale = z.infer<typeof reportLocaleSchema>;

/** English falls back to Japanese: an untranslated text is still the official one. */
export function localize(text: Localized, locale: ReportLocale): string {
  return locale === 'en' ? (text.en ?? text.ja) : text.ja;
}

/** Fills `{name}` placeholders of a template text; unknown names are left visible so they get noticed. */
export function fillPlaceholders(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** 2027年3月31日 (as the form prints 実施時期 and 最終更新日), 2027/03/31 in English. */
export function formatReportDate(iso: string, locale: ReportLocale): string {
  return locale === 'en' ? formatSlashDate(iso) : formatKanjiDate(iso);
}
