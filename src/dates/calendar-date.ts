// Calendar dates (no time of day) as ISO strings, and "today" in a facility's time zone.
// date-fns does the arithmetic so month ends and leap years are handled for us.
import { addYears, format, isValid, parse } from 'date-fns';

export type IsoDate = string;

/** Today's date in `timeZone` (IANA), as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  // en-CA formats as YYYY-MM-DD; Intl knows every IANA zone without a tz database of our own.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Whether y-m-d names a real day (2026-02-30 does not). */
export function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) && format(d, 'yyyy-MM-dd') === iso;
}

export function addYearsIso(iso: IsoDate, years: number): IsoDate {
  return format(addYears(parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1)), years), 'yyyy-MM-dd');
}
