// What the runner would send between two days, to whom and when, without sending or changing
// anything: the pending reminders in that window, those that would be dropped left out, grouped
// into one DM per person per day as the runner groups them.
import { todayIn, type IsoDate } from '../dates/calendar-date.ts';
import type { Store } from '../store/store.ts';
import { instantAt } from './business-calendar.ts';
import type { DigestBuilder } from './digest.ts';
import type { Reminder, RemindersRepo } from './reminders-repo.ts';
import type { ScheduleSettings } from './schedule-settings.ts';

export interface PreviewDm {
  /** When it would go out (the first due reminder's send instant) and the day in the recipient's zone. */
  at: Date;
  day: IsoDate;
  personId: string;
  personName: string;
  slackUserId: string | null;
  reminders: Reminder[];
}

export function previewSchedule(
  deps: { store: Store; reminders: RemindersRepo; digests: DigestBuilder; settings: ScheduleSettings },
  input: { organizationId?: string | undefined; from: IsoDate; to: IsoDate; facilityId?: string | undefined },
): PreviewDm[] {
  const { store, reminders, digests, settings } = deps;
  const from = instantAt(input.from, 0, settings.timeZone);
  // `to` is inclusive: up to the end of that day.
  const to = instantAt(input.to, 24 * 60, settings.timeZone);
  const dms = new Map<string, PreviewDm>();
  for (const r of reminders.pendingBetween(from, to)) {
    if (input.organizationId && r.organizationId !== input.organizationId) continue;
    if (input.facilityId && r.facilityId !== input.facilityId && r.kind !== 'leads_weekly') continue;
    if (digests.verdict(r)) continue;
    const at = new Date(r.dueAt);
    const day = todayIn(r.timeZone, at);
    const key = `${r.recipientId}:${day}`;
    let dm = dms.get(key);
    if (!dm) {
      const person = store.people.get(r.organizationId, r.recipientId);
      dm = { at, day, personId: person.id, personName: person.displayName, slackUserId: person.slackUserId, reminders: [] };
      dms.set(key, dm);
    }
    dm.reminders.push(r);
  }
  return [...dms.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || a.personName.localeCompare(b.personName));
}
