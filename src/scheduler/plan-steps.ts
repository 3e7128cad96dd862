// The reminders one open 実施予定 item gets: N days before its 実施時期 (30, 7, the day itself) and
// then one a week while it stays open, at most `planOverdueWeeks`; after that only the leads' digest
// shows it as overdue.
import type { IsoDate } from '../dates/calendar-date.ts';
import { addDays } from './iso-days.ts';
import type { ScheduleSettings } from './schedule-settings.ts';

export interface PlanStep {
  /** 'before:30', 'before:7', 'before:0' (the day), 'after:1' … 'after:4'. */
  step: string;
  dueDate: IsoDate;
}

export function planSteps(plannedDate: IsoDate, settings: Pick<ScheduleSettings, 'planBeforeDays' | 'planOverdueWeeks'>): PlanStep[] {
  const steps: PlanStep[] = settings.planBeforeDays.map((days) => ({ step: `before:${days}`, dueDate: addDays(plannedDate, -days) }));
  for (let week = 1; week <= settings.planOverdueWeeks; week++)
    steps.push({ step: `after:${week}`, dueDate: addDays(plannedDate, 7 * week) });
  return steps;
}
