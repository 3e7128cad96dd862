// Periodic re-assessment: when the next cycles of a facility×flow open, given its cadence (年度 from
// an opening day, every N months after the last submission, or none), and the three prompts each
// cycle brings (opened, not started after 7 days, not submitted after 21).
import type { IsoDate } from '../dates/calendar-date.ts';
import { addDays, addMonths } from './iso-days.ts';
import type { ScheduleSettings } from './schedule-settings.ts';

export type Cadence =
  | { cadence: 'fiscal_year'; fiscalYearStart: string }
  | { cadence: 'months'; everyMonths: number }
  | { cadence: 'none' };

export interface Cycle {
  /** Stable across days: 'fy2027' or 'm2027-10-01' or 'm-first'. */
  key: string;
  /** The day the cycle's period starts (submissions on or after it satisfy it). */
  periodStart: IsoDate;
  /** The first day the prompt may go out (never before the cycle was planned). */
  opensOn: IsoDate;
  /** 年度 label for the message: the fiscal year's starting calendar year. */
  fiscalYear?: number;
}

export type CycleStep = 'open' | 'not_started' | 'not_submitted';

/** The fiscal year holding `date` for a year opening on `start` (MM-DD): 2027-03-31 with 04-01 → 2026. */
export function fiscalYearOf(date: IsoDate, start: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= start ? year : year - 1;
}

/** 'fy2027' → 2027; a cycle counted in months has no 年度. */
export const fiscalYearOfKey = (cycleKey: string): number | undefined => (cycleKey.startsWith('fy') ? Number(cycleKey.slice(2)) : undefined);

/** The cycles that should have prompts waiting: the current one when not yet satisfied, and the next. */
export function upcomingCycles(input: { cadence: Cadence; today: IsoDate; lastSubmitted: IsoDate | undefined }): Cycle[] {
  const { cadence, today, lastSubmitted } = input;
  if (cadence.cadence === 'none') return [];
  if (cadence.cadence === 'fiscal_year') {
    const start = cadence.fiscalYearStart;
    const fy = fiscalYearOf(today, start);
    const periodStart = `${fy}-${start}`;
    const cycles: Cycle[] = [];
    if (lastSubmitted === undefined || lastSubmitted < periodStart)
      cycles.push({ key: `fy${fy}`, periodStart, opensOn: today, fiscalYear: fy });
    cycles.push({ key: `fy${fy + 1}`, periodStart: `${fy + 1}-${start}`, opensOn: `${fy + 1}-${start}`, fiscalYear: fy + 1 });
    return cycles;
  }
  if (lastSubmitted === undefined) return [{ key: 'm-first', periodStart: today, opensOn: today }];
  const opens = addMonths(lastSubmitted, cadence.everyMonths);
  return [{ key: `m${opens}`, periodStart: opens, opensOn: opens < today ? today : opens }];
}

export function cycleSteps(cycle: Cycle, settings: Pick<ScheduleSettings, 'cycleNotStartedDays' | 'cycleNotSubmittedDays'>) {
  return [
    { step: 'open' as const, dueDate: cycle.opensOn },
    { step: 'not_started' as const, dueDate: addDays(cycle.opensOn, settings.cycleNotStartedDays) },
    { step: 'not_submitted' as const, dueDate: addDays(cycle.opensOn, settings.cycleNotSubmittedDays) },
  ];
}
