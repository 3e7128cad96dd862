// Keeps the reminders table equal to what the answers and cadences say should be due. Every function
// here runs inside the caller's transaction (the change that causes it), is idempotent (reminders are
// keyed, so running it twice adds nothing) and only cancels reminders that are still pending.
import { todayIn, type IsoDate } from '../dates/calendar-date.ts';
import type { Flow } from '../flow/model.ts';
import type { Store } from '../store/store.ts';
import { businessDayOnOrAfter, firstBusinessDayOfWeek, instantAt } from './business-calendar.ts';
import { cycleSteps, upcomingCycles, type Cadence } from './cycle-plan.ts';
import type { CycleProgress } from './cycle-progress.ts';
import { addDays, mondayOf } from './iso-days.ts';
import { planSteps } from './plan-steps.ts';
import type { Recipients } from './recipients.ts';
import type { RemindersRepo } from './reminders-repo.ts';
import type { ScheduleSettings } from './schedule-settings.ts';

export const followedStatuses: readonly string[] = ['submitted', 'approved'];

/** Facilities per transaction in the daily pass. */
const SYNC_BATCH = 50;
const BACKFILLED = 'plans_backfilled_at';

export interface ScheduleSyncDeps {
  store: Store;
  reminders: RemindersRepo;
  recipients: Recipients;
  progress: CycleProgress;
  settings: ScheduleSettings;
  flows: Map<string, Flow>;
  clock: () => Date;
}

export type ScheduleSync = ReturnType<typeof createScheduleSync>;

export function createScheduleSync(deps: ScheduleSyncDeps) {
  const { store, reminders, recipients, settings, clock } = deps;
  const sendAt = (date: IsoDate, timeZone: string, minute = settings.sendWindow.startMinute) =>
    instantAt(businessDayOnOrAfter(date), minute, timeZone).toISOString();

  function cadenceOf(organizationId: string, facilityId: string, flowId: string): Cadence {
    const row = reminders.cadence(organizationId, facilityId, flowId);
    if (!row) return settings.defaultCadences[flowId] ? { cadence: 'fiscal_year', fiscalYearStart: settings.fiscalYearStart } : { cadence: 'none' };
    if (row.cadence === 'fiscal_year') return { cadence: 'fiscal_year', fiscalYearStart: row.fiscalYearStart ?? settings.fiscalYearStart };
    if (row.cadence === 'months') return { cadence: 'months', everyMonths: row.everyMonths ?? 12 };
    return { cadence: 'none' };
  }

  /** The follow-up of every 実施予定 item of one assessment: added when submitted, moved with the date, gone when done. */
  function syncAssessment(organizationId: string, assessmentId: string): void {
    const assessment = store.assessments.get(organizationId, assessmentId);
    const facility = store.facilities.get(organizationId, assessment.facilityId);
    const today = todayIn(facility.timeZone, clock());
    const wanted = new Set<string>();
    if (followedStatuses.includes(assessment.status)) {
      for (const [itemId, answer] of Object.entries(store.answers.current(assessmentId))) {
        if (answer.kind !== 'planned') continue;
        for (const { step, dueDate } of planSteps(answer.date, settings)) {
          const key = `plan:${assessmentId}:${itemId}:${answer.date}:${step}:${assessment.respondentId}`;
          wanted.add(key);
          // A step whose day already passed when the plan was made is not sent late.
          if (dueDate < today) continue;
          reminders.add({
            key,
            organizationId,
            facilityId: facility.id,
            recipientId: assessment.respondentId,
            kind: 'plan',
            step,
            assessmentId,
            itemId,
            flowId: assessment.flowId,
            cycleKey: null,
            targetDate: answer.date,
            timeZone: facility.timeZone,
            dueDate,
            dueAt: sendAt(dueDate, facility.timeZone),
          });
        }
      }
    }
    const reason = followedStatuses.includes(assessment.status) ? 'plan changed' : assessment.status === 'returned' ? 'returned' : 'not submitted';
    for (const r of reminders.pendingOfAssessment(assessmentId)) if (!wanted.has(r.key)) reminders.finish(r.id, 'cancelled', reason);
    if (followedStatuses.includes(assessment.status)) cancelSuperseded(organizationId, assessment);
  }

  /**
   * A newer submission of the facility's flow answers for every item again: the older one's planned
   * items are no longer followed (not even while the newer one is sent back for correction).
   */
  function cancelSuperseded(organizationId: string, newer: { id: string; facilityId: string; flowId: string }): void {
    if (store.assessments.latestSubmitted(organizationId, newer.flowId, newer.facilityId)?.id !== newer.id) return;
    for (const older of store.assessments.listForFacility(organizationId, newer.facilityId)) {
      if (older.id === newer.id || older.flowId !== newer.flowId) continue;
      for (const r of reminders.pendingOfAssessment(older.id)) reminders.finish(r.id, 'cancelled', 'superseded');
    }
  }

  /** The prompts of a facility×flow's next cycles, from its cadence and its last submission. */
  function syncCycle(organizationId: string, facilityId: string, flowId: string): void {
    const facility = store.facilities.get(organizationId, facilityId);
    const today = todayIn(facility.timeZone, clock());
    const last = store.assessments.latestSubmitted(organizationId, flowId, facilityId);
    const lastSubmitted = last?.submittedAt ? todayIn(facility.timeZone, new Date(last.submittedAt)) : undefined;
    const cycles = deps.flows.has(flowId) ? upcomingCycles({ cadence: cadenceOf(organizationId, facilityId, flowId), today, lastSubmitted }) : [];
    const managers = recipients.managersOf(organizationId, facilityId);
    const wanted = new Set<string>();
    const returnedAt = cycles.length ? deps.progress.returnedAt(organizationId, facilityId, flowId) : undefined;
    const returnedOn = returnedAt ? todayIn(facility.timeZone, new Date(returnedAt)) : undefined;
    for (const cycle of cycles) {
      // Sent back while this cycle is due: it is started, so the cycle's one reminder left is 未提出,
      // a few days after the 差し戻し (its own key: the 未提出 of day 21 may have gone out already).
      const steps =
        returnedOn && cycle.periodStart <= today
          ? [{ step: 'not_submitted', dueDate: addDays(returnedOn, settings.cycleReturnedDays), stepKey: `not_submitted:returned-${returnedOn}` }]
          : cycleSteps(cycle, settings).map((s) => ({ ...s, stepKey: s.step }));
      for (const { step, dueDate, stepKey } of steps)
        for (const person of managers) {
          const key = `cycle:${facilityId}:${flowId}:${cycle.key}:${stepKey}:${person.id}`;
          wanted.add(key);
          reminders.add({
            key,
            organizationId,
            facilityId,
            recipientId: person.id,
            kind: 'cycle',
            step,
            assessmentId: null,
            itemId: null,
            flowId,
            cycleKey: cycle.key,
            targetDate: cycle.periodStart,
            timeZone: facility.timeZone,
            dueDate,
            dueAt: sendAt(dueDate, facility.timeZone),
          });
        }
    }
    for (const r of reminders.pendingOfCycle(facilityId, flowId)) if (!wanted.has(r.key)) reminders.finish(r.id, 'cancelled', 'cadence changed');
  }

  /** This week's (unless its day has passed) and next week's digest for every lead of the organisation. */
  function syncLeadsDigests(organizationId: string): void {
    const today = todayIn(settings.timeZone, clock());
    const thisMonday = mondayOf(today);
    for (const monday of [thisMonday, addDays(thisMonday, 7)]) {
      const day = firstBusinessDayOfWeek(monday);
      if (!day || day < today) continue;
      for (const lead of recipients.leadsOf(organizationId))
        reminders.add({
          key: `leads:${organizationId}:${monday}:${lead.id}`,
          organizationId,
          facilityId: null,
          recipientId: lead.id,
          kind: 'leads_weekly',
          step: 'weekly',
          assessmentId: null,
          itemId: null,
          flowId: null,
          cycleKey: null,
          targetDate: monday,
          timeZone: settings.timeZone,
          dueDate: day,
          dueAt: sendAt(day, settings.timeZone, settings.leadsDigestMinute),
        });
    }
  }

  /** The flows with a cadence at a facility: the defaults plus those a lead set. */
  function cadencedFlows(organizationId: string, facilityId: string): string[] {
    const ids = new Set([...Object.keys(settings.defaultCadences), ...reminders.flowsWithCadence(organizationId, facilityId)]);
    return [...ids].filter((id) => deps.flows.has(id));
  }

  /**
   * Once a day (and on start): every facility's cycles and every organisation's leads' digests, so
   * new facilities, new managers and the turn of a 年度 are picked up without anyone acting. In small
   * transactions with a turn of the event loop between them, so Slack's clicks are still answered
   * while thousands of facilities are gone through.
   */
  async function syncAll(): Promise<void> {
    await backfillPlans();
    const facilities = recipients.allFacilities();
    for (let i = 0; i < facilities.length; i += SYNC_BATCH) {
      store.transaction(() => {
        for (const f of facilities.slice(i, i + SYNC_BATCH))
          for (const flowId of cadencedFlows(f.organizationId, f.id)) syncCycle(f.organizationId, f.id, flowId);
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const organizationId of recipients.organizations()) store.transaction(() => syncLeadsDigests(organizationId));
  }

  /**
   * Once per database: assessments submitted before the scheduler existed get their follow-up too
   * (each facility's latest submission of each flow; reminders whose day has passed are not sent late).
   */
  async function backfillPlans(): Promise<void> {
    if (reminders.stateValue(BACKFILLED) !== undefined) return;
    const latest = recipients.latestSubmissions();
    for (let i = 0; i < latest.length; i += SYNC_BATCH) {
      store.transaction(() => {
        for (const a of latest.slice(i, i + SYNC_BATCH)) syncAssessment(a.organizationId, a.id);
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    store.transaction(() => reminders.setStateValue(BACKFILLED, clock().toISOString()));
  }

  return { cadenceOf, syncAssessment, syncCycle, syncLeadsDigests, syncAll };
}
