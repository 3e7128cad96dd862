// The reader's language for report texts: Japanese by default, English where the source provides it. The
// language list, localize and placeholders are the app's own (src/i18n), under the names the renderers use.
import { formatDate } from '../i18n/answer-text.ts';
import type { Locale } from '../i18n/locale.ts';

export { localeSchema as reportLocaleSchema, localize, type Locale as ReportLocale } from '../i18n/locale.ts';
export { fillPlaceholders } from '../i18n/placeholders.ts';

/** 2027年3月31日 (as the form prints 実施時期 and 最終更新日), 2027/03/31 in English: the app's one date style. */
export function formatReportDate(iso: string, locale: Locale): string {
  return formatDate(locale, iso);
}
