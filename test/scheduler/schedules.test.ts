// Which reminders a planned item gets, and when a facility's re-assessment cycles open.
import { describe, expect, it } from 'vitest';
import { cycleSteps, fiscalYearOf, upcomingCycles } from '../../src/scheduler/cycle-plan.ts';
import { addMonths } from '../../src/scheduler/iso-days.ts';
import { planSteps } from '../../src/scheduler/plan-steps.ts';
import { defaultScheduleSettings, scheduleSettingsFromEnv } from '../../src/scheduler/schedule-settings.ts';

describe('a planned item’s reminders', () => {
  it('30 and 7 days before, on the day, then weekly at most 4 times', () => {
    expect(planSteps('2027-07-16', defaultScheduleSettings)).toEqual([
      { step: 'before:30', dueDate: '2027-06-16' },
      { step: 'before:7', dueDate: '2027-07-09' },
      { step: 'before:0', dueDate: '2027-07-16' },
      { step: 'after:1', dueDate: '2027-07-23' },
      { step: 'after:2', dueDate: '2027-07-30' },
      { step: 'after:3', dueDate: '2027-08-06' },
      { step: 'after:4', dueDate: '2027-08-13' },
    ]);
  });

  it('follows the settings', () => {
    const settings = scheduleSettingsFromEnv({ KAKUNIN_REMIND_BEFORE_DAYS: '14,1', KAKUNIN_REMIND_OVERDUE_WEEKS: '1' });
    expect(planSteps('2027-07-16', settings).map((s) => s.step)).toEqual(['before:14', 'before:1', 'after:1']);
  });

  it('refuses settings that make no sense, naming the variable', () => {
    expect(() => scheduleSettingsFromEnv({ KAKUNIN_REMIND_BEFORE_DAYS: 'soon' })).toThrow(/KAKUNIN_REMIND_BEFORE_DAYS/);
    expect(() => scheduleSettingsFromEnv({ KAKUNIN_SEND_FROM: '19:00' })).toThrow(/KAKUNIN_SEND_UNTIL/);
    expect(() => scheduleSettingsFromEnv({ KAKUNIN_FISCAL_YEAR_START: '13-01' })).toThrow(/KAKUNIN_FISCAL_YEAR_START/);
  });
});

describe('re-assessment cycles', () => {
  const fiscal = { cadence: 'fiscal_year' as const, fiscalYearStart: '04-01' };

  it('年度: the current year when not yet submitted in it, and the next one', () => {
    expect(fiscalYearOf('2027-03-31', '04-01')).toBe(2026);
    expect(fiscalYearOf('2027-04-01', '04-01')).toBe(2027);
    expect(upcomingCycles({ cadence: fiscal, today: '2027-02-01', lastSubmitted: '2027-01-20' })).toEqual([
      { key: 'fy2027', periodStart: '2027-04-01', opensOn: '2027-04-01', fiscalYear: 2027 },
    ]);
    // Never submitted: the current 年度 opens today.
    expect(upcomingCycles({ cadence: fiscal, today: '2027-02-01', lastSubmitted: undefined })[0]).toEqual({
      key: 'fy2026',
      periodStart: '2026-04-01',
      opensOn: '2027-02-01',
      fiscalYear: 2026,
    });
    // A configurable opening day.
    expect(upcomingCycles({ cadence: { cadence: 'fiscal_year', fiscalYearStart: '10-01' }, today: '2027-02-01', lastSubmitted: '2027-01-20' })).toEqual([
      { key: 'fy2027', periodStart: '2027-10-01', opensOn: '2027-10-01', fiscalYear: 2027 },
    ]);
  });

  it('every N months after the last submission, or none', () => {
    expect(upcomingCycles({ cadence: { cadence: 'months', everyMonths: 6 }, today: '2027-02-01', lastSubmitted: '2026-08-31' })).toEqual([
      { key: 'm2027-02-28', periodStart: '2027-02-28', opensOn: '2027-02-28' },
    ]);
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(upcomingCycles({ cadence: { cadence: 'none' }, today: '2027-02-01', lastSubmitted: undefined })).toEqual([]);
  });

  it('opens, then reminds after 7 and 21 days', () => {
    expect(cycleSteps({ key: 'fy2027', periodStart: '2027-04-01', opensOn: '2027-04-01' }, defaultScheduleSettings)).toEqual([
      { step: 'open', dueDate: '2027-04-01' },
      { step: 'not_started', dueDate: '2027-04-08' },
      { step: 'not_submitted', dueDate: '2027-04-22' },
    ]);
  });
});
