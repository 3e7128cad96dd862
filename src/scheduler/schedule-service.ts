// The scheduler's use cases for adapters (Slack, terminal, CLI), one transaction each: mark a planned
// item done or move it (through the follow-up events, rescheduling its reminders in the same
// transaction), stop or resume an assessment's reminders, set a facility's cadence, and list what is
// due for a person.
import { addYearsIso, isRealDate, todayIn, type IsoDate } from '../dates/calendar-date.ts';
import { findItem, type Flow } from '../flow/model.ts';
import type { Answer } from '../flow/answer.ts';
import { answerText } from '../i18n/answer-text.ts';
import { localize, type Locale } from '../i18n/locale.ts';
import type { Participant } from '../service/interaction.ts';
import { RESCHEDULE_REASON_MAX } from '../service/lifecycle-service.ts';
import type { Assessment } from '../store/assessments-repo.ts';
import type { Store } from '../store/store.ts';
import type { Cadence } from './cycle-plan.ts';
import { addDays } from './iso-days.ts';
import type { Digest, DigestBuilder, LeadsFacilitySummary } from './digest.ts';
import { ScheduleRefusedError } from './schedule-refusal.ts';
import type { FollowUpEvents } from './follow-up-port.ts';
import type { Recipients } from './recipients.ts';
import type { CycleRef, RemindersRepo, ReminderStop } from './reminders-repo.ts';
import type { ScheduleSettings } from './schedule-settings.ts';
import { followedStatuses, type ScheduleSync } from './schedule-sync.ts';

/** The lifecycle's limit: the reason is printed in the report's action plan. */
export const MAX_REASON_LENGTH = RESCHEDULE_REASON_MAX;

export interface DueItem {
  assessmentId: string;
  revision: number;
  facilityName: string;
  flowTitle: string;
  itemId: string;
  itemLabel: string;
  itemText: string;
  plannedDate: IsoDate;
  overdue: boolean;
}

export interface ItemDetails {
  facilityName: string;
  /** The facility's zone, in which the history's days are told. */
  timeZone: string;
  flowTitle: string;
  itemLabel: string;
  itemText: string;
  /** The 実施時期 while still planned. */
  plannedDate: IsoDate | undefined;
  history: { at: string; who: string | undefined; from: string | undefined; to: string | undefined }[];
}

export type StoppedAtFacility = Pick<LeadsFacilitySummary, 'facilityId' | 'facilityName' | 'stopped' | 'stoppedCycles'>;

export interface ScheduleServiceDeps {
  store: Store;
  reminders: RemindersRepo;
  recipients: Recipients;
  sync: ScheduleSync;
  followUp: FollowUpEvents;
  digests: DigestBuilder;
  settings: ScheduleSettings;
  flows: Map<string, Flow>;
  clock: () => Date;
}

export type ScheduleService = ReturnType<typeof createScheduleService>;

export function createScheduleService(deps: ScheduleServiceDeps) {
  const { store, reminders, sync, followUp, clock } = deps;
  const isLead = (who: Participant) => store.people.get(who.organizationId, who.personId).role === 'lead';
  const todayAt = (assessment: Assessment) => todayIn(store.facilities.get(assessment.organizationId, assessment.facilityId).timeZone, clock());

  /** A button shows the 実施時期 it was made for; if the item has moved on since, the click is stale. */
  const checkShown = (current: { kind: string; date?: string } | undefined, shown: IsoDate | undefined) => {
    if (shown === undefined) return;
    if (current?.kind !== 'planned') throw new ScheduleRefusedError('not_planned', `no longer 実施予定`);
    if (current.date !== shown) throw new ScheduleRefusedError('stale', `planned for ${current.date ?? '?'}, not ${shown}`);
  };

  /** Only the respondent or a lead of the organisation may touch an assessment's follow-up. */
  const authorize = (who: Participant, assessmentId: string): Assessment => {
    const assessment = store.assessments.get(who.organizationId, assessmentId);
    if (assessment.respondentId !== who.personId && !isLead(who))
      throw new ScheduleRefusedError('not_allowed', `${who.personId} is neither the respondent nor a lead`);
    return assessment;
  };

  /** A cycle's prompts go to the facility's managers: they, or a lead, may stop and resume them. */
  const authorizeCycle = (who: Participant, ref: CycleRef): void => {
    store.facilities.get(who.organizationId, ref.facilityId);
    if (!deps.flows.has(ref.flowId)) throw new ScheduleRefusedError('not_allowed', `unknown flow ${ref.flowId}`);
    if (!isLead(who) && !deps.recipients.managersOf(who.organizationId, ref.facilityId).some((p) => p.id === who.personId))
      throw new ScheduleRefusedError('not_facility_manager', `${who.personId} is neither a manager of ${ref.facilityId} nor a lead`);
  };

  return {
    /** 実施済にした: done on `doneOn` (default today in the facility's zone, never in the future). */
    markDone(
      who: Participant,
      input: { assessmentId: string; itemId: string; doneOn?: IsoDate; expectedRevision?: number; shownDate?: IsoDate },
    ): Assessment {
      return store.transaction(() => {
        const assessment = authorize(who, input.assessmentId);
        const today = todayAt(assessment);
        const doneOn = input.doneOn ?? today;
        if (!isRealDate(doneOn)) throw new ScheduleRefusedError('invalid_date', doneOn);
        if (doneOn > today) throw new ScheduleRefusedError('done_in_future', doneOn);
        const current = store.answers.current(assessment.id)[input.itemId];
        // A double click or a retried request: already done, nothing more to record.
        if (current?.kind === 'done' && input.shownDate !== undefined) return assessment;
        checkShown(current, input.shownDate);
        const saved = followUp.markDone(who, { ...input, doneOn });
        sync.syncAssessment(who.organizationId, input.assessmentId);
        return saved;
      });
    },

    /** 時期を変更: a new 実施時期, from today up to three years ahead, with a short reason. */
    move(
      who: Participant,
      input: { assessmentId: string; itemId: string; newDate: IsoDate; reason: string; expectedRevision?: number; shownDate?: IsoDate },
    ): Assessment {
      return store.transaction(() => {
        const assessment = authorize(who, input.assessmentId);
        const current = store.answers.current(assessment.id)[input.itemId];
        // The same move submitted twice: already there.
        if (current?.kind === 'planned' && current.date === input.newDate && input.shownDate !== undefined) return assessment;
        checkShown(current, input.shownDate);
        const today = todayAt(assessment);
        const reason = input.reason.trim();
        if (!isRealDate(input.newDate)) throw new ScheduleRefusedError('invalid_date', input.newDate);
        if (input.newDate < today) throw new ScheduleRefusedError('date_in_past', input.newDate);
        if (input.newDate > addYearsIso(today, deps.settings.maxMoveYears)) throw new ScheduleRefusedError('date_too_far', input.newDate);
        if (!reason) throw new ScheduleRefusedError('reason_required', 'empty reason');
        if ([...reason].length > MAX_REASON_LENGTH) throw new ScheduleRefusedError('reason_too_long', `${reason.length} characters`);
        const saved = followUp.reschedule(who, { ...input, reason });
        sync.syncAssessment(who.organizationId, input.assessmentId);
        return saved;
      });
    },

    /** 今後このリマインドを止める: no more reminders for this assessment until someone resumes them. */
    stop(who: Participant, assessmentId: string): boolean {
      return store.transaction(() => {
        authorize(who, assessmentId);
        return reminders.stop(who.organizationId, assessmentId, who.personId);
      });
    },

    resume(who: Participant, assessmentId: string): boolean {
      return store.transaction(() => {
        authorize(who, assessmentId);
        return reminders.resume(who.organizationId, assessmentId);
      });
    },

    /** 今後このリマインドを止める on a cycle prompt: that cycle's prompts end (the next cycle prompts again). */
    stopCycle(who: Participant, ref: CycleRef): boolean {
      return store.transaction(() => {
        authorizeCycle(who, ref);
        return reminders.stopCycle(who.organizationId, ref, who.personId);
      });
    },

    resumeCycle(who: Participant, ref: CycleRef): boolean {
      return store.transaction(() => {
        authorizeCycle(who, ref);
        return reminders.resumeCycle(who.organizationId, ref);
      });
    },

    /**
     * What is stopped now, per facility, named as the weekly digest names it (an assessment's follow-up,
     * a cycle's prompts while that cycle is still ahead): for leads, to see and resume at any time.
     */
    stoppedByFacility(who: Participant, locale: Locale): StoppedAtFacility[] {
      if (!isLead(who)) throw new ScheduleRefusedError('not_lead', who.personId);
      return deps.digests
        .leadsSummary(who.organizationId, locale, clock())
        .filter((f) => f.stopped.length || f.stoppedCycles.length)
        .map(({ facilityId, facilityName, stopped, stoppedCycles }) => ({ facilityId, facilityName, stopped, stoppedCycles }));
    },

    stopOf: (organizationId: string, assessmentId: string): ReminderStop | undefined => {
      store.assessments.get(organizationId, assessmentId);
      return reminders.stopOf(assessmentId);
    },

    /** Stopped reminders across the organisation, for leads. */
    stops(who: Participant): ReminderStop[] {
      if (!isLead(who)) throw new ScheduleRefusedError('not_lead', who.personId);
      return reminders.stopsOf(who.organizationId);
    },

    flowTitle: (flowId: string, locale: Locale): string => {
      const flow = deps.flows.get(flowId);
      return flow ? localize(flow.title, locale) : flowId;
    },

    cadenceOf: (organizationId: string, facilityId: string, flowId: string): Cadence => sync.cadenceOf(organizationId, facilityId, flowId),

    /** A reminder DM as it was sent, rebuilt after a click on it; undefined when it is not this person's. */
    sentDigest(who: Participant, channelId: string, ts: string): Digest | undefined {
      const delivery = reminders.deliveryOfMessage(channelId, ts);
      if (!delivery || delivery.organizationId !== who.organizationId || delivery.personId !== who.personId) return undefined;
      return deps.digests.build(delivery.id, clock(), { asSent: true }).digest;
    },

    /** 詳細: the item, its 実施時期 and the story of its answer. */
    itemDetails(who: Participant, assessmentId: string, itemId: string, locale: Locale): ItemDetails {
      const assessment = authorize(who, assessmentId);
      const flow = store.flowVersions.get(assessment.flowId, assessment.flowHash);
      const ref = findItem(flow, itemId);
      const current = store.answers.current(assessmentId)[itemId];
      const describe = (a: Answer | undefined) => (a === undefined || !ref ? undefined : answerText(locale, ref.item.answer, a));
      const facility = store.facilities.get(who.organizationId, assessment.facilityId);
      return {
        facilityName: facility.name,
        timeZone: facility.timeZone,
        flowTitle: localize(flow.title, locale),
        itemLabel: ref ? `${localize(ref.section.title, locale)} ${ref.item.number ?? ''}`.trim() : itemId,
        itemText: ref ? localize(ref.item.text, locale) : '',
        plannedDate: current?.kind === 'planned' ? current.date : undefined,
        history: store.answers.history(assessmentId, itemId).map((h) => ({
          at: h.at,
          who: h.personId ? store.people.get(who.organizationId, h.personId).displayName : undefined,
          from: describe(h.oldAnswer),
          to: describe(h.newAnswer),
        })),
      };
    },

    /** Every facility's cadence per scheduled flow (the defaults, and those a lead set), for leads. */
    cadences(who: Participant): { facilityId: string; facilityName: string; flowId: string; flowTitle: string; cadence: Cadence }[] {
      if (!isLead(who)) throw new ScheduleRefusedError('not_lead', who.personId);
      const locale = store.people.get(who.organizationId, who.personId).locale;
      return store.facilities.list(who.organizationId).flatMap((f) =>
        [...new Set([...Object.keys(deps.settings.defaultCadences), ...reminders.flowsWithCadence(who.organizationId, f.id), ...reminders.flowsWithAnyCadence(who.organizationId, f.id)])]
          .filter((flowId) => deps.flows.has(flowId))
          .map((flowId) => ({
            facilityId: f.id,
            facilityName: f.name,
            flowId,
            flowTitle: localize(deps.flows.get(flowId)!.title, locale),
            cadence: sync.cadenceOf(who.organizationId, f.id, flowId),
          })),
      );
    },

    /** A lead sets how often a facility re-assesses a flow; its next cycle is recomputed in the same transaction. */
    setCadence(who: Participant, input: { facilityId: string; flowId: string; cadence: Cadence }): void {
      store.transaction(() => {
        if (!isLead(who)) throw new ScheduleRefusedError('not_lead', who.personId);
        store.facilities.get(who.organizationId, input.facilityId);
        const c = input.cadence;
        reminders.setCadence({
          organizationId: who.organizationId,
          facilityId: input.facilityId,
          flowId: input.flowId,
          cadence: c.cadence,
          fiscalYearStart: c.cadence === 'fiscal_year' ? c.fiscalYearStart : null,
          everyMonths: c.cadence === 'months' ? c.everyMonths : null,
          setBy: who.personId,
        });
        sync.syncCycle(who.organizationId, input.facilityId, input.flowId);
      });
    },

    /**
     * Called inside the transaction of any change to an assessment (an answer, 提出, 承認, 差し戻し, a
     * follow-up): its planned items' reminders follow the change; once submitted, and when sent back,
     * so does the facility's cycle (a 差し戻し makes the cycle due again).
     */
    afterAssessmentChange(organizationId: string, assessmentId: string): void {
      sync.syncAssessment(organizationId, assessmentId);
      const a = store.assessments.get(organizationId, assessmentId);
      if (followedStatuses.includes(a.status) || a.status === 'returned') sync.syncCycle(organizationId, a.facilityId, a.flowId);
    },

    /** The person's open 実施予定 items due within `withinDays` (overdue ones included), soonest first. */
    dueFor(organizationId: string, personId: string, locale: Locale, withinDays = 30): DueItem[] {
      const due: DueItem[] = [];
      const latestSeen = new Set<string>();
      for (const a of store.assessments.listForPerson(organizationId, personId)) {
        if (!followedStatuses.includes(a.status)) continue;
        const latest = store.assessments.latestSubmitted(organizationId, a.flowId, a.facilityId);
        if (latest?.id !== a.id || latestSeen.has(a.id)) continue;
        latestSeen.add(a.id);
        const facility = store.facilities.get(organizationId, a.facilityId);
        const today = todayIn(facility.timeZone, clock());
        const horizon = addDays(today, withinDays);
        const flow = store.flowVersions.get(a.flowId, a.flowHash);
        for (const [itemId, answer] of Object.entries(store.answers.current(a.id))) {
          if (answer.kind !== 'planned' || answer.date > horizon) continue;
          const ref = findItem(flow, itemId);
          due.push({
            assessmentId: a.id,
            revision: a.revision,
            facilityName: facility.name,
            flowTitle: localize(flow.title, locale),
            itemId,
            itemLabel: ref ? `${localize(ref.section.title, locale)} ${ref.item.number ?? ''}`.trim() : itemId,
            itemText: ref ? localize(ref.item.text, locale) : '',
            plannedDate: answer.date,
            overdue: answer.date < today,
          });
        }
      }
      return due.sort((x, y) => x.plannedDate.localeCompare(y.plannedDate) || x.itemLabel.localeCompare(y.itemLabel));
    },
  };
}
