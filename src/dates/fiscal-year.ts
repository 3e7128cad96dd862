// 年度: the Japanese fiscal year, April to March, by which clinics re-assess. 2026-03-31 is in 2025年度.
import type { IsoDate } from './calendar-date.ts';

export function fiscalYearOf(iso: IsoDate): number {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

/** 2025 → 令和7年度 (2019 → 令和元年度, 2018 → 平成30年度): 年度 take the era of the year's name. */
export function formatJapaneseFiscalYear(year: number): string {
  if (year >= 2019) return `令和${year === 2019 ? '元' : year - 2018}年度`;
  if (year >= 1989) return `平成${year === 1989 ? '元' : year - 1988}年度`;
  return `${year}年度`;
}

export function formatFiscalYear(year: number, locale: 'ja' | 'en'): string {
  return locale === 'ja' ? formatJapaneseFiscalYear(year) : `FY${year}`;
}
