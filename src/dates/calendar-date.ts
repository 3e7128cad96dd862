// Calendar dates (no time of day) as ISO strings, and "today" in a facility's time zone.
// Plain Date.UTC arithmetic: importing date-fns for these three operations loads its whole module graph
// and costs the app ~150 MB of resident memory.

export type IsoDate = string;

/** Today's date in `timeZone` (IANA), as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  // Asked several times per answer. Every zone's offset, and every DST change, falls on a quarter hour,
  // so within one UTC quarter hour the date in a zone cannot change: format once per quarter hour.
  const slot = Math.floor(now.getTime() / QUARTER_HOUR_MS);
  const last = lastDay.get(timeZone);
  if (last?.slot === slot) return last.date;
  const date = dayFormatter(timeZone).format(now);
  lastDay.set(timeZone, { slot, date });
  return date;
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const lastDay = new Map<string, { slot: number; date: IsoDate }>();

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD; Intl knows every IANA zone without a tz database of our own.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    dayFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Whether y-m-d names a real day (2026-02-30 does not). */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The same day `years` later; 29 February becomes 28 February in a year without it. */
export function addYearsIso(iso: IsoDate, years: number): IsoDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const target = year + years;
  return `${String(target).padStart(4, '0')}-${pad(month)}-${pad(Math.min(day, daysInMonth(target, month)))}`;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; setUTCFullYear keeps years below 100 as given.
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
