// Which backups to keep: the newest of each of the last `daily` days that have one, then, among older
// backups, the newest of each of the `weekly` ISO weeks before those (days and weeks in the clinic's
// time zone): with 7 + 4, about five weeks back. Only files named the
// way the app names them are ever considered, so a copy someone put beside them is never deleted.
// Per-function entry points: the package root loads every date-fns module (~40 MB of resident memory).
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { parseISO } from 'date-fns/parseISO';
import { todayIn } from '../dates/calendar-date.ts';

export interface Generations {
  daily: number;
  weekly: number;
}

export const DEFAULT_GENERATIONS: Generations = { daily: 7, weekly: 4 };

const NAME = /^kakunin-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.sqlite$/;

/** kakunin-20260401T030000000Z.sqlite: UTC, so names sort by time and never collide across zones. */
export function backupFileName(at: Date): string {
  return `kakunin-${at.toISOString().replace(/[-:.]/g, '')}.sqlite`;
}

export function backupTimeOf(name: string): Date | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms] = m;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** The names (among `names`) to delete. */
export function backupsToPrune(names: readonly string[], timeZone: string, keep: Generations = DEFAULT_GENERATIONS): string[] {
  const dated = names
    .map((name) => ({ name, at: backupTimeOf(name) }))
    .filter((b): b is { name: string; at: Date } => b.at !== undefined)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const kept = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const b of dated) {
    const day = todayIn(timeZone, b.at);
    const date = parseISO(day);
    const week = `${getISOWeekYear(date)}-W${getISOWeek(date)}`;
    if (days.size < keep.daily || days.has(day)) {
      if (!days.has(day)) kept.add(b.name);
      days.add(day);
      continue;
    }
    if (!weeks.has(week) && weeks.size < keep.weekly) kept.add(b.name);
    weeks.add(week);
  }
  return dated.filter((b) => !kept.has(b.name)).map((b) => b.name);
}
