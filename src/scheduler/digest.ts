// What one reminder DM says, channel-neutral: the person's planned items and cycle prompts of the
// day, and for a lead on the week's first business day the summary across facilities. Built from the
// current state when it is sent, so an item done in the meantime is not mentioned.
import { todayIn, type IsoDate } from '../dates/calendar-date.ts';
import { findItem, type Flow } from '../flow/model.ts';
import { localize, type Locale } from '../i18n/locale.ts';
import type { Person } from '../store/people-repo.ts';
import type { Store } from '../store/store.ts';
import { fiscalYearOfKey, upcomingCycles } from './cycle-plan.ts';
import type { CycleProgress } from './cycle-progress.ts';
import { addDays, daysBetween } from './iso-days.ts';
import type { Reminder, RemindersRepo } from './reminders-repo.ts';
import type { ScheduleSettings } from './schedule-settings.ts';
import type { ScheduleSync } from './schedule-sync.ts';
import { followedStatuses } from './schedule-sync.ts';

export interface DigestItem {
  reminderId: number;
  assessmentId: string;
  revision: number;
  itemId: string;
  /** "技術的安全管理対策 5" */
  itemLabel: string;
  itemText: string;
  facilityName: string;
  flowTitle: string;
  plannedDate: IsoDate;
  /** Negative once the date has passed. */
  daysLeft: number;
  /** Only when a sent DM is shown again after a click: what became of the item since. */
  closed?: { kind: 'done'; on: IsoDate | undefined } | { kind: 'moved'; to: IsoDate } | { kind: 'stopped' } | undefined;
}

export interface DigestCycle {
  reminderId: number;
  facilityId: string;
  facilityName: string;
  flowId: string;
  flowTitle: string;
  step: 'open' | 'not_started' | 'not_submitted';
  /** 年度 of a fiscal-year cycle (2027 → 令和9年度). */
  fiscalYear: number | undefined;
  /** Which cycle ('fy2027', 'm2027-10-01'): what 「今後このリマインドを止める」 stops. */
  cycleKey: string;
  /** Only when a sent DM is shown again after a click: this cycle's prompts were stopped since. */
  stopped?: boolean;
}

export interface PlannedLine {
  assessmentId: string;
  itemId: string;
  itemLabel: string;
  plannedDate: IsoDate;
}

export interface LeadsFacilitySummary {
  facilityId: string;
  facilityName: string;
  overdue: PlannedLine[];
  dueSoon: PlannedLine[];
  notStarted: string[];
  notSubmitted: string[];
  stopped: { assessmentId: string; flowTitle: string; stoppedBy: string }[];
  /** Cycles whose prompts someone stopped (this facility's 令和9年度 checklist, say). */
  stoppedCycles: { flowId: string; cycleKey: string; fiscalYear: number | undefined; flowTitle: string; stoppedBy: string }[];
}

export interface Digest {
  deliveryKey: string;
  person: Person;
  locale: Locale;
  localDate: IsoDate;
  items: DigestItem[];
  cycles: DigestCycle[];
  /** Only in a lead's weekly digest; facilities with nothing to report are left out. */
  leads: LeadsFacilitySummary[] | undefined;
}

export type Verdict = { state: 'cancelled' | 'skipped'; reason: string } | undefined;

export interface DigestDeps {
  store: Store;
  reminders: RemindersRepo;
  progress: CycleProgress;
  sync: ScheduleSync;
  settings: ScheduleSettings;
  flows: Map<string, Flow>;
}

export type DigestBuilder = ReturnType<typeof createDigestBuilder>;

export function createDigestBuilder(deps: DigestDeps) {
  const { store, reminders, progress, settings } = deps;
  const flowTitle = (flowId: string, locale: Locale) => {
    const flow = deps.flows.get(flowId);
    return flow ? localize(flow.title, locale) : flowId;
  };

  /** Whether a reminder that fell due still has something to say; why not, when it does not. */
  function verdict(r: Reminder): Verdict {
    if (r.kind === 'plan') {
      if (reminders.stopOf(r.assessmentId!)) return { state: 'skipped', reason: 'stopped' };
      const a = store.assessments.get(r.organizationId, r.assessmentId!);
      if (!followedStatuses.includes(a.status)) return { state: 'cancelled', reason: 'not submitted' };
      const latest = store.assessments.latestSubmitted(a.organizationId, a.flowId, a.facilityId);
      if (latest && latest.id !== a.id) return { state: 'cancelled', reason: 'superseded' };
      const answer = store.answers.current(a.id)[r.itemId!];
      if (answer?.kind !== 'planned' || answer.date !== r.targetDate) return { state: 'cancelled', reason: 'plan changed' };
      return undefined;
    }
    if (r.kind === 'cycle') {
      if (reminders.cycleStopOf({ facilityId: r.facilityId!, flowId: r.flowId!, cycleKey: r.cycleKey! })) return { state: 'skipped', reason: 'stopped' };
      const startedOrDone =
        r.step === 'not_submitted'
          ? progress.submitted(r.organizationId, r.facilityId!, r.flowId!, r.targetDate, r.timeZone)
          : progress.started(r.organizationId, r.facilityId!, r.flowId!, r.targetDate, r.timeZone) ||
            progress.submitted(r.organizationId, r.facilityId!, r.flowId!, r.targetDate, r.timeZone);
      if (startedOrDone) return { state: 'skipped', reason: r.step === 'not_submitted' ? 'submitted' : 'started' };
      if (deps.sync.cadenceOf(r.organizationId, r.facilityId!, r.flowId!).cadence === 'none') return { state: 'cancelled', reason: 'cadence none' };
      return undefined;
    }
    return undefined;
  }

  function planLine(r: Reminder, locale: Locale, today: IsoDate): DigestItem {
    const a = store.assessments.get(r.organizationId, r.assessmentId!);
    const flow = store.flowVersions.get(a.flowId, a.flowHash);
    const ref = findItem(flow, r.itemId!);
    const facility = store.facilities.get(r.organizationId, a.facilityId);
    return {
      reminderId: r.id,
      assessmentId: a.id,
      revision: a.revision,
      itemId: r.itemId!,
      itemLabel: ref ? `${localize(ref.section.title, locale)} ${ref.item.number ?? ''}`.trim() : r.itemId!,
      itemText: ref ? localize(ref.item.text, locale) : '',
      facilityName: facility.name,
      flowTitle: localize(flow.title, locale),
      plannedDate: r.targetDate,
      daysLeft: daysBetween(today, r.targetDate),
    };
  }

  function cycleLine(r: Reminder, locale: Locale, asSent = false): DigestCycle {
    const facility = store.facilities.get(r.organizationId, r.facilityId!);
    const cycleKey = r.cycleKey!;
    return {
      cycleKey,
      ...(asSent && reminders.cycleStopOf({ facilityId: facility.id, flowId: r.flowId!, cycleKey }) ? { stopped: true } : {}),
      reminderId: r.id,
      facilityId: facility.id,
      facilityName: facility.name,
      flowId: r.flowId!,
      flowTitle: flowTitle(r.flowId!, locale),
      step: r.step as DigestCycle['step'],
      fiscalYear: fiscalYearOfKey(cycleKey),
    };
  }

  /** Per facility of the organisation: overdue and soon-due items, cycles not started or not submitted, stopped reminders. */
  function leadsSummary(organizationId: string, locale: Locale, now: Date): LeadsFacilitySummary[] {
    const stops = reminders.stopsOf(organizationId);
    const cycleStops = reminders.cycleStopsOf(organizationId);
    const out: LeadsFacilitySummary[] = [];
    for (const facility of store.facilities.list(organizationId)) {
      const today = todayIn(facility.timeZone, now);
      const soon = addDays(today, 30);
      const summary: LeadsFacilitySummary = { facilityId: facility.id, facilityName: facility.name, overdue: [], dueSoon: [], notStarted: [], notSubmitted: [], stopped: [], stoppedCycles: [] };
      for (const flowId of deps.flows.keys()) {
        const latest = store.assessments.latestSubmitted(organizationId, flowId, facility.id);
        if (latest) {
          const flow = store.flowVersions.get(latest.flowId, latest.flowHash);
          for (const [itemId, answer] of Object.entries(store.answers.current(latest.id))) {
            if (answer.kind !== 'planned') continue;
            const ref = findItem(flow, itemId);
            const line = {
              assessmentId: latest.id,
              itemId,
              itemLabel: ref ? `${localize(ref.section.title, locale)} ${ref.item.number ?? ''}`.trim() : itemId,
              plannedDate: answer.date,
            };
            if (answer.date < today) summary.overdue.push(line);
            else if (answer.date <= soon) summary.dueSoon.push(line);
          }
          const stop = stops.find((s) => s.assessmentId === latest.id);
          if (stop)
            summary.stopped.push({ assessmentId: latest.id, flowTitle: flowTitle(flowId, locale), stoppedBy: store.people.get(organizationId, stop.stoppedBy).displayName });
        }
        const cadence = deps.sync.cadenceOf(organizationId, facility.id, flowId);
        if (cadence.cadence === 'none') continue;
        const lastSubmitted = latest?.submittedAt ? todayIn(facility.timeZone, new Date(latest.submittedAt)) : undefined;
        const cycles = upcomingCycles({ cadence, today, lastSubmitted });
        // A stop matters while its cycle is still ahead or unsatisfied; an old cycle's stop is not news.
        for (const s of cycleStops.filter((c) => c.facilityId === facility.id && c.flowId === flowId && cycles.some((k) => k.key === c.cycleKey)))
          summary.stoppedCycles.push({
            flowId,
            cycleKey: s.cycleKey,
            fiscalYear: fiscalYearOfKey(s.cycleKey),
            flowTitle: flowTitle(flowId, locale),
            stoppedBy: store.people.get(organizationId, s.stoppedBy).displayName,
          });
        const current = cycles.find((c) => c.periodStart <= today);
        if (!current) continue;
        const opened = progress.openedOn(facility.id, flowId, current.key);
        if (!opened) continue;
        if (!progress.started(organizationId, facility.id, flowId, current.periodStart, facility.timeZone)) {
          if (addDays(opened, settings.cycleNotStartedDays) <= today) summary.notStarted.push(flowTitle(flowId, locale));
        } else if (!progress.submitted(organizationId, facility.id, flowId, current.periodStart, facility.timeZone)) {
          if (addDays(opened, settings.cycleNotSubmittedDays) <= today) summary.notSubmitted.push(flowTitle(flowId, locale));
        }
      }
      summary.overdue.sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
      summary.dueSoon.sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
      if (summary.overdue.length || summary.dueSoon.length || summary.notStarted.length || summary.notSubmitted.length || summary.stopped.length || summary.stoppedCycles.length)
        out.push(summary);
    }
    // Most urgent first: facilities with overdue items lead.
    return out.sort((a, b) => b.overdue.length - a.overdue.length || a.facilityName.localeCompare(b.facilityName));
  }

  /** What became of a planned item after its reminder was sent (the answer now, or a stop). */
  function closedState(r: Reminder): DigestItem['closed'] {
    if (reminders.stopOf(r.assessmentId!)) return { kind: 'stopped' };
    const answer = store.answers.current(r.assessmentId!)[r.itemId!];
    if (answer?.kind === 'planned' && answer.date === r.targetDate) return undefined;
    if (answer?.kind === 'planned') return { kind: 'moved', to: answer.date };
    return { kind: 'done', on: answer?.kind === 'done' ? answer.on : undefined };
  }

  /**
   * The digest of one delivery, from the reminders it carries; `undefined` when nothing is left to say.
   * With `asSent`, a DM already delivered is rebuilt to be shown again after a click: every item it
   * carried, closed ones marked, buttons carrying the current revision.
   */
  function build(
    deliveryId: number,
    now: Date,
    opts: { asSent?: boolean } = {},
  ): { digest: Digest | undefined; dropped: { id: number; verdict: NonNullable<Verdict> }[] } {
    const delivery = reminders.deliveryById(deliveryId);
    const person = store.people.get(delivery.organizationId, delivery.personId);
    const locale = person.locale;
    const dropped: { id: number; verdict: NonNullable<Verdict> }[] = [];
    const items: DigestItem[] = [];
    const cycles: DigestCycle[] = [];
    let leads: LeadsFacilitySummary[] | undefined;
    for (const r of reminders.ofDelivery(deliveryId)) {
      if (opts.asSent && r.kind === 'plan') {
        if (!items.some((i) => i.assessmentId === r.assessmentId && i.itemId === r.itemId))
          items.push({ ...planLine(r, locale, delivery.localDate), closed: closedState(r) });
        continue;
      }
      if (opts.asSent && r.kind === 'cycle') {
        if (!cycles.some((c) => c.facilityId === r.facilityId && c.flowId === r.flowId)) cycles.push(cycleLine(r, locale, true));
        continue;
      }
      const v = verdict(r);
      if (v) {
        dropped.push({ id: r.id, verdict: v });
        continue;
      }
      if (r.kind === 'plan') {
        // Two steps of one item on one day (a moved date) make one line.
        if (!items.some((i) => i.assessmentId === r.assessmentId && i.itemId === r.itemId)) items.push(planLine(r, locale, todayIn(r.timeZone, now)));
      } else if (r.kind === 'cycle') {
        if (!cycles.some((c) => c.facilityId === r.facilityId && c.flowId === r.flowId)) cycles.push(cycleLine(r, locale));
      } else leads = leadsSummary(r.organizationId, locale, now);
    }
    items.sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.itemLabel.localeCompare(b.itemLabel));
    const empty = items.length === 0 && cycles.length === 0 && (leads === undefined || leads.length === 0);
    return {
      digest: empty ? undefined : { deliveryKey: delivery.key, person, locale, localDate: delivery.localDate, items, cycles, leads },
      dropped,
    };
  }

  return { verdict, build, leadsSummary, planLine };
}
