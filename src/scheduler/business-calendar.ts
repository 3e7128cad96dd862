// When the app may speak: Japanese business days (not 土日, not a 祝日 or 振替休日 from
// @holiday-jp/holiday_jp, not 年末年始 12/29–1/3) inside a send window in the facility's time zone.
// A reminder due on a day off waits for the next business day's window.
import holidayJp from '@holiday-jp/holiday_jp';
import { TZDate } from '@date-fns/tz';
import { todayIn, type IsoDate } from '../dates/calendar-date.ts';
import { addDays, weekday } from './iso-days.ts';

/** Minutes after local midnight; 9:00–18:00 is { startMinute: 540, endMinute: 1080 }. */
export interface SendWindow {
  startMinute: number;
  endMinute: number;
}

export const defaultSendWindow: SendWindow = { startMinute: 9 * 60, endMinute: 18 * 60 };

const holidays: Readonly<Record<string, unknown>> = holidayJp.holidays;

export function isHoliday(date: IsoDate): boolean {
  return Object.hasOwn(holidays, date);
}

/** 年末年始: most offices and clinics close from 12/29 to 1/3. */
export function isYearEndBreak(date: IsoDate): boolean {
  const md = date.slice(5);
  return md >= '12-29' || md <= '01-03';
}

export function isBusinessDay(date: IsoDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !isHoliday(date) && !isYearEndBreak(date);
}

/** `date` itself when it is a business day, else the next one. */
export function businessDayOnOrAfter(date: IsoDate): IsoDate {
  let d = date;
  // Golden Week plus a weekend is the longest run of days off; 30 is a safe bound.
  for (let i = 0; i < 30 && !isBusinessDay(d); i++) d = addDays(d, 1);
  return d;
}

const instants = new Map<string, number>();

/** The instant `date` at `minute` past midnight in `timeZone`. */
export function instantAt(date: IsoDate, minute: number, timeZone: string): Date {
  // Thousands of reminders share a few hundred days: zone arithmetic once per day, zone and minute.
  const key = `${date}|${minute}|${timeZone}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    ms = new TZDate(y, m - 1, d, Math.floor(minute / 60), minute % 60, timeZone).getTime();
    if (instants.size > 50_000) instants.clear();
    instants.set(key, ms);
  }
  return new Date(ms);
}

/** Minutes since local midnight of `now` in `timeZone`. */
export function minuteOfDay(now: Date, timeZone: string): number {
  const local = new TZDate(now.getTime(), timeZone);
  return local.getHours() * 60 + local.getMinutes();
}

/**
 * The earliest instant at or after `now` that falls on a business day on or after `earliest`
 * and inside the window: `now` itself when it already does.
 */
export function nextSendInstant(now: Date, earliest: IsoDate, timeZone: string, window: SendWindow = defaultSendWindow): Date {
  const today = todayIn(timeZone, now);
  let day = businessDayOnOrAfter(earliest > today ? earliest : today);
  if (day === today) {
    const minute = minuteOfDay(now, timeZone);
    if (minute < window.startMinute) return instantAt(day, window.startMinute, timeZone);
    if (minute < window.endMinute) return now;
    day = businessDayOnOrAfter(addDays(today, 1));
  }
  return instantAt(day, window.startMinute, timeZone);
}

/** Whether a message may go out at `now` (a business day, inside the window). */
export function isSendTime(now: Date, timeZone: string, window: SendWindow = defaultSendWindow): boolean {
  const today = todayIn(timeZone, now);
  if (!isBusinessDay(today)) return false;
  const minute = minuteOfDay(now, timeZone);
  return minute >= window.startMinute && minute < window.endMinute;
}

/** The first business day of the ISO week (Monday…Sunday) that starts on `monday`; undefined if none. */
export function firstBusinessDayOfWeek(monday: IsoDate): IsoDate | undefined {
  for (let i = 0; i < 7; i++) {
    const d = addDays(monday, i);
    if (isBusinessDay(d)) return d;
  }
  return undefined;
}
