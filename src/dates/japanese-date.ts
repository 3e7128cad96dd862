// Japanese date notations: what people type (西暦 and 和暦) and what the official forms print.
import { toHalfWidth } from '../text/half-width.ts';
import { isRealDate, type IsoDate } from './calendar-date.ts';

/** Era start dates (the first day of each era) for 和暦 input and output. */
const ERAS = [
  { name: '令和', start: '2019-05-01', firstYear: 2019 },
  { name: '平成', start: '1989-01-08', firstYear: 1989 },
  { name: '昭和', start: '1926-12-25', firstYear: 1926 },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads 2026-12-31, 2026/12/31, 2026年12月31日, 令和8年12月31日, R8/12/31, R8.12.31 (also 令和元年,
 * full-width digits and slashes, a trailing weekday such as （木）). Returns undefined for anything that is
 * not a real calendar day.
 */
export function parseJapaneseDate(input: string): IsoDate | undefined {
  // The weekday is what a calendar shows next to the date; it adds nothing, so it is not checked.
  const s = toHalfWidth(input.trim())
    .replace(/\s+/g, '')
    .replace(/\([月火水木金土日](?:曜日?)?\)$/, '');
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match =
      /^(令和|平成|昭和|R|H|S)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日?$/i.exec(s) ??
      /^(令和|平成|昭和|R|H|S)(元|\d{1,2})[-/.](\d{1,2})[-/.](\d{1,2})$/i.exec(s);
    if (!match) return undefined;
    const letter: Record<string, string> = { R: '令和', H: '平成', S: '昭和' };
    const eraName = letter[match[1]!.toUpperCase()] ?? match[1]!;
    const era = ERAS.find((e) => e.name === eraName)!;
    const eraYear = match[2] === '元' ? 1 : Number(match[2]);
    if (eraYear < 1) return undefined;
    [y, m, d] = [era.firstYear + eraYear - 1, Number(match[3]), Number(match[4])];
    const iso = `${y}-${pad(m)}-${pad(d)}`;
    // 令和1年4月30日 is still 平成: refuse dates outside the era named.
    const next = ERAS[ERAS.indexOf(era) - 1];
    if (iso < era.start || (next && iso >= next.start)) return undefined;
  }
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isRealDate(iso) ? iso : undefined;
}

/** 2027-03-31 → 2027年3月31日 (the form's 実施時期 and 最終更新日 notation). */
export function formatKanjiDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2026-11-22 → 令和8年11月22日 (the policy's 適用年月日). */
export function formatWareki(iso: IsoDate): string {
  const era = ERAS.find((e) => iso >= e.start);
  if (!era) return formatKanjiDate(iso);
  const [y, m, d] = iso.split('-').map(Number);
  const eraYear = y! - era.firstYear + 1;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年${m}月${d}日`;
}

/** 2027-03-31 → 2027/03/31, for English. */
export function formatSlashDate(iso: IsoDate): string {
  return iso.replaceAll('-', '/');
}
