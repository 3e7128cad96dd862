// Every offset the scheduler uses, with the defaults the issue asks for. Read from the environment
// (KAKUNIN_SCHEDULE_*) once at start and validated like every other setting.
import { z } from 'zod';
import { ConfigError } from '../config/env.ts';
import { isValidTimeZone } from '../dates/calendar-date.ts';
import type { SendWindow } from './business-calendar.ts';

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 09:00')
  .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3)));
const dayList = z
  .string()
  .regex(/^\d{1,3}(,\d{1,3})*$/, 'days before the date, comma separated, such as 30,7,0')
  .transform((v) => [...new Set(v.split(',').map(Number))].sort((a, b) => b - a));
const int = (min: number, max: number, what: string) => z.coerce.number().int().min(min, what).max(max, what);

export const scheduleEnvSchema = z.object({
  /** Reminders before a 実施時期 (0 is the day itself). */
  KAKUNIN_REMIND_BEFORE_DAYS: dayList.default([30, 7, 0]),
  /** Weekly reminders after a 実施時期 passes, before it goes to the leads' digest only. */
  KAKUNIN_REMIND_OVERDUE_WEEKS: int(0, 52, 'a number of weeks from 0 to 52').default(4),
  KAKUNIN_CYCLE_NOT_STARTED_DAYS: int(1, 365, 'a number of days from 1 to 365').default(7),
  KAKUNIN_CYCLE_NOT_SUBMITTED_DAYS: int(1, 365, 'a number of days from 1 to 365').default(21),
  /** After a 差し戻し, days until the cycle's 未提出 reminder comes again if nothing was resubmitted. */
  KAKUNIN_CYCLE_RETURNED_DAYS: int(1, 365, 'a number of days from 1 to 365').default(7),
  /** The opening day of a 年度 cycle when the facility's cadence does not name one. */
  KAKUNIN_FISCAL_YEAR_START: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month and day such as 04-01')
    .default('04-01'),
  KAKUNIN_SEND_FROM: hhmm.default(9 * 60),
  KAKUNIN_SEND_UNTIL: hhmm.default(18 * 60),
  KAKUNIN_LEADS_DIGEST_AT: hhmm.default(9 * 60),
  /** The zone of the leads' weekly digest (facilities have their own). */
  KAKUNIN_TIME_ZONE: z.string().default('Asia/Tokyo').refine(isValidTimeZone, 'an IANA time zone such as Asia/Tokyo'),
});

export interface ScheduleSettings {
  planBeforeDays: number[];
  planOverdueWeeks: number;
  cycleNotStartedDays: number;
  cycleNotSubmittedDays: number;
  /** After a 差し戻し whose cycle's 未提出 reminder was already used up: days until it comes again. */
  cycleReturnedDays: number;
  fiscalYearStart: string;
  sendWindow: SendWindow;
  leadsDigestMinute: number;
  timeZone: string;
  /** Flows that get a cadence at every facility without a lead setting one. */
  defaultCadences: Readonly<Record<string, 'fiscal_year'>>;
  /** How long a claimed DM belongs to one runner: longer than any send (the Web API client times out sooner). */
  leaseMs: number;
  /** Days ahead that a 実施予定 may be moved to (three years). */
  maxMoveYears: number;
}

export function scheduleSettingsFromEnv(source: NodeJS.ProcessEnv = process.env): ScheduleSettings {
  const parsed = scheduleEnvSchema.safeParse(source);
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `設定エラー / config error: ${String(i.path[0])}=${JSON.stringify(source[String(i.path[0])] ?? '')} — expected ${i.message}`,
      ),
    );
  const e = parsed.data;
  if (e.KAKUNIN_SEND_UNTIL <= e.KAKUNIN_SEND_FROM)
    throw new ConfigError(['設定エラー / config error: KAKUNIN_SEND_UNTIL — expected a time later than KAKUNIN_SEND_FROM']);
  return {
    ...defaultScheduleSettings,
    planBeforeDays: e.KAKUNIN_REMIND_BEFORE_DAYS,
    planOverdueWeeks: e.KAKUNIN_REMIND_OVERDUE_WEEKS,
    cycleNotStartedDays: e.KAKUNIN_CYCLE_NOT_STARTED_DAYS,
    cycleNotSubmittedDays: e.KAKUNIN_CYCLE_NOT_SUBMITTED_DAYS,
    cycleReturnedDays: e.KAKUNIN_CYCLE_RETURNED_DAYS,
    fiscalYearStart: e.KAKUNIN_FISCAL_YEAR_START,
    sendWindow: { startMinute: e.KAKUNIN_SEND_FROM, endMinute: e.KAKUNIN_SEND_UNTIL },
    leadsDigestMinute: e.KAKUNIN_LEADS_DIGEST_AT,
    timeZone: e.KAKUNIN_TIME_ZONE,
  };
}

export const defaultScheduleSettings: ScheduleSettings = {
  planBeforeDays: [30, 7, 0],
  planOverdueWeeks: 4,
  cycleNotStartedDays: 7,
  cycleNotSubmittedDays: 21,
  cycleReturnedDays: 7,
  fiscalYearStart: '04-01',
  sendWindow: { startMinute: 9 * 60, endMinute: 18 * 60 },
  leadsDigestMinute: 9 * 60,
  timeZone: 'Asia/Tokyo',
  defaultCadences: { 'mhlw-minimum-5.2': 'fiscal_year' },
  leaseMs: 5 * 60_000,
  maxMoveYears: 3,
};
