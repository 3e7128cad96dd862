// What happens to an assessment after 提出, as service calls others build on (review by leads, follow-up
// reminders, re-assessment). Each call is one SQLite transaction: it checks the transition with
// lifecycle.ts, compare-and-sets the revision (a double click or a stale view changes nothing), updates
// the answers table where an answer changes (with its answer_history row), and appends one
// assessment_events row with who, when, through which channel and, for review decisions, the comment.
//
//   approve           提出済 → 承認済
//   returnForRevision 提出済 → 差し戻し (flagged items + comment); the respondent's next step reopens it as
//                     回答中 (revising) at the first flagged item, every answer kept; SUBMIT again is 再提出
//   markDone          a 実施予定 item of a 提出済/承認済 assessment → 実施済 on a date (default today in the
//                     facility's time zone, never in the future); status kept
//   reschedule        a 実施予定 item gets a new 実施時期 with a short reason; status kept
//   history, planStories  what happened, and each planned item's story for reports
import { isRealDate, todayIn } from '../dates/calendar-date.ts';
import { MACHINE_VERSION, encodePosition, type EnginePosition } from '../engine/position.ts';
import { validateAnswer } from '../engine/validate-answer.ts';
import type { Answer } from '../flow/answer.ts';
import { findItem, itemRefs } from '../flow/model.ts';
import type { PlanStories } from '../report/plan-story.ts';
import type { AssessmentEvent, AssessmentEventKind, EventDetail } from '../store/assessment-events-repo.ts';
import type { Assessment } from '../store/assessments-repo.ts';
import type { Store } from '../store/store.ts';
import { OutdatedInteractionError } from './errors.ts';
import { FollowUpRefusedError, ReviewRefusedError, type FollowUpRefusalCode } from './lifecycle-errors.ts';
import type { Participant } from './interaction.ts';
import { transition } from './lifecycle.ts';
import { planStoriesOf } from './plan-stories.ts';

export interface LifecycleServiceOptions {
  store: Store;
  clock?: () => Date;
  /**
   * Runs inside the transaction of every decision and follow-up (承認, 差し戻し, 実施済, 時期変更), so what
   * depends on the assessment's status and answers (the scheduler's reminders) changes with it or not at all.
   */
  afterChange?: (organizationId: string, assessmentId: string) => void;
}

/** With `expectedRevision` (what the person saw), a stale view throws OutdatedInteractionError and changes nothing. */
export interface Guarded {
  expectedRevision?: number;
}

export interface FollowUpResult {
  assessment: Assessment;
  event: AssessmentEvent;
  answer: Answer;
}

/** Longest reason for a new 実施時期 (it is printed in the report's action plan). */
export const RESCHEDULE_REASON_MAX = 100;
/** Longest review comment. */
export const REVIEW_COMMENT_MAX = 1000;

export type LifecycleService = ReturnType<typeof createLifecycleService>;

export function createLifecycleService({ store, clock = () => new Date(), afterChange }: LifecycleServiceOptions) {
  const load = (who: Participant, assessmentId: string, guard: Guarded): Assessment => {
    const assessment = store.assessments.get(who.organizationId, assessmentId);
    // The person must belong to the organization (NotFoundError otherwise, like a missing one).
    store.people.get(who.organizationId, who.personId);
    if (guard.expectedRevision !== undefined && guard.expectedRevision !== assessment.revision)
      throw new OutdatedInteractionError(assessmentId, guard.expectedRevision, assessment.revision);
    return assessment;
  };
  const todayAt = (a: Assessment) => todayIn(store.facilities.get(a.organizationId, a.facilityId).timeZone, clock());

  const record = (
    who: Participant,
    before: Assessment,
    after: Assessment,
    kind: AssessmentEventKind,
    extra: { itemId?: string; comment?: string; detail?: EventDetail } = {},
  ): AssessmentEvent =>
    store.lifecycleEvents.append({
      assessmentId: before.id,
      kind,
      fromStatus: before.status,
      toStatus: after.status,
      revision: after.revision,
      personId: who.personId,
      channel: who.channel,
      ...extra,
    });

  const checkComment = (comment: string | undefined, required: boolean): string | undefined => {
    const text = comment?.trim() ?? '';
    if (required && text === '') throw new ReviewRefusedError('review.commentRequired');
    if ([...text].length > REVIEW_COMMENT_MAX)
      throw new ReviewRefusedError('review.commentTooLong', { max: REVIEW_COMMENT_MAX, length: [...text].length });
    return text === '' ? undefined : text;
  };

  /** A follow-up: the item must be 実施予定 now; its answer changes, the status stays, the revision moves on. */
  const followUp = (
    who: Participant,
    assessmentId: string,
    itemId: string,
    guard: Guarded,
    decide: (planned: Extract<Answer, { kind: 'planned' }>, a: Assessment) => { answer: Answer; kind: AssessmentEventKind; detail: EventDetail },
  ): FollowUpResult =>
    store.transaction(() => {
      const before = load(who, assessmentId, guard);
      const next = transition(assessmentId, before.status, 'followUp');
      const current = store.answers.current(assessmentId)[itemId];
      if (current?.kind !== 'planned') throw new FollowUpRefusedError('followUp.notPlanned', { itemId });
      const { answer, kind, detail } = decide(current, before);
      store.answers.apply(assessmentId, [{ itemId, answer }], { personId: who.personId, channel: who.channel });
      const after = store.assessments.saveEngineState(assessmentId, {
        expectedRevision: before.revision,
        snapshotJson: before.snapshotJson ?? '{}',
        status: next.to,
      });
      const event = record(who, before, after, kind, { itemId, detail });
      afterChange?.(who.organizationId, assessmentId);
      return { assessment: after, event, answer };
    });

  return {
    /** 提出済 → 承認済, with an optional comment. */
    approve(who: Participant, assessmentId: string, opts: Guarded & { comment?: string } = {}): Assessment {
      return store.transaction(() => {
        const before = load(who, assessmentId, opts);
        const next = transition(assessmentId, before.status, 'approve');
        const comment = checkComment(opts.comment, false);
        const after = store.assessments.saveEngineState(assessmentId, {
          expectedRevision: before.revision,
          snapshotJson: before.snapshotJson ?? '{}',
          status: next.to,
          review: { reviewerId: who.personId, ...(comment ? { comment } : {}) },
        });
        record(who, before, after, 'approve', comment ? { comment } : {});
        afterChange?.(who.organizationId, assessmentId);
        return after;
      });
    },

    /**
     * 提出済 → 差し戻し with a comment (required) and, optionally, the items to correct (of this flow).
     * The respondent continues at the first flagged item, editing it, or at the review when none is flagged.
     */
    returnForRevision(who: Participant, assessmentId: string, opts: Guarded & { comment: string; flaggedItems: string[] }): Assessment {
      return store.transaction(() => {
        const before = load(who, assessmentId, opts);
        const next = transition(assessmentId, before.status, 'return');
        const comment = checkComment(opts.comment, true)!;
        const flow = store.flowVersions.get(before.flowId, before.flowHash);
        const unknown = opts.flaggedItems.filter((id) => !findItem(flow, id));
        if (unknown.length) throw new ReviewRefusedError('review.unknownItems', { items: unknown.join(', ') });
        const flagged = itemRefs(flow)
          .map((r) => r.item.id)
          .filter((id) => opts.flaggedItems.includes(id));
        const position: EnginePosition = flagged[0]
          ? { machineVersion: MACHINE_VERSION, mode: 'editing', itemId: flagged[0], resumeTo: 'editing' }
          : { machineVersion: MACHINE_VERSION, mode: 'review', itemId: null, resumeTo: 'review' };
        const after = store.assessments.saveEngineState(assessmentId, {
          expectedRevision: before.revision,
          snapshotJson: encodePosition(position),
          status: next.to,
          review: { reviewerId: who.personId, comment },
        });
        record(who, before, after, 'return', { comment, detail: { flaggedItems: flagged } });
        afterChange?.(who.organizationId, assessmentId);
        return after;
      });
    },

    /** A 実施予定 item is now 実施済, on `doneOn` (default today at the facility; never in the future). */
    markDone(who: Participant, assessmentId: string, itemId: string, opts: Guarded & { doneOn?: string } = {}): FollowUpResult {
      return followUp(who, assessmentId, itemId, opts, (planned, a) => {
        const today = todayAt(a);
        const doneOn = opts.doneOn ?? today;
        if (!isRealDate(doneOn)) throw new FollowUpRefusedError('date.invalid', { date: doneOn });
        if (doneOn > today) throw new FollowUpRefusedError('followUp.doneInFuture', { date: doneOn, today });
        return { answer: { kind: 'done', on: doneOn }, kind: 'followup.done', detail: { plannedBefore: planned.date, doneOn } };
      });
    },

    /** A 実施予定 item gets a new 実施時期 (same rules as when it was answered) with a short reason. */
    reschedule(who: Participant, assessmentId: string, itemId: string, opts: Guarded & { date: string; reason: string }): FollowUpResult {
      return followUp(who, assessmentId, itemId, opts, (planned, a) => {
        const reason = opts.reason.trim();
        if (reason === '') throw new FollowUpRefusedError('followUp.reasonRequired');
        if ([...reason].length > RESCHEDULE_REASON_MAX)
          throw new FollowUpRefusedError('followUp.reasonTooLong', { max: RESCHEDULE_REASON_MAX, length: [...reason].length });
        if (opts.date === planned.date) throw new FollowUpRefusedError('followUp.sameDate', { date: opts.date });
        const flow = store.flowVersions.get(a.flowId, a.flowHash);
        const item = findItem(flow, itemId)!.item;
        const answer: Answer = { kind: 'planned', date: opts.date };
        // A planned answer can only be refused for its date (date.invalid / date.past / date.tooFar).
        const invalid = validateAnswer(item, answer, todayAt(a));
        if (invalid) throw new FollowUpRefusedError(invalid.code as FollowUpRefusalCode, invalid.params ?? {});
        return { answer, kind: 'followup.reschedule', detail: { plannedBefore: planned.date, plannedAfter: opts.date, reason } };
      });
    },

    /** Every transition and follow-up of the assessment, oldest first. */
    history(organizationId: string, assessmentId: string): AssessmentEvent[] {
      store.assessments.get(organizationId, assessmentId);
      return store.lifecycleEvents.list(assessmentId);
    },

    /** Each followed-up item's story (first 実施予定, then each change), for reports. */
    planStories(organizationId: string, assessmentId: string): PlanStories {
      store.assessments.get(organizationId, assessmentId);
      return planStoriesOf(store.lifecycleEvents.list(assessmentId));
    },
  };
}
