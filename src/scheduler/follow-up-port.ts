// The lifecycle's follow-up events as the scheduler uses them: a 実施予定 item of a submitted
// assessment becomes 実施済 on a day, or gets a new 実施時期 with a reason. Narrow on purpose, so the
// scheduler depends on two calls of the lifecycle service and nothing else of it.
import type { IsoDate } from '../dates/calendar-date.ts';
import type { Participant } from '../service/interaction.ts';
import type { LifecycleService } from '../service/lifecycle-service.ts';
import type { Assessment } from '../store/assessments-repo.ts';

export interface FollowUpChange {
  assessmentId: string;
  itemId: string;
  /** The revision the person saw; a click on an older view is refused as outdated. */
  expectedRevision?: number | undefined;
}

export interface FollowUpEvents {
  markDone(who: Participant, change: FollowUpChange & { doneOn: IsoDate }): Assessment;
  reschedule(who: Participant, change: FollowUpChange & { newDate: IsoDate; reason: string }): Assessment;
}

/** Each is one lifecycle event (who, when, channel in assessment_events), the revision bumped, the status kept. */
export function lifecycleFollowUp(lifecycle: Pick<LifecycleService, 'markDone' | 'reschedule'>): FollowUpEvents {
  const guard = (c: FollowUpChange) => (c.expectedRevision === undefined ? {} : { expectedRevision: c.expectedRevision });
  return {
    markDone: (who, c) => lifecycle.markDone(who, c.assessmentId, c.itemId, { ...guard(c), doneOn: c.doneOn }).assessment,
    reschedule: (who, c) => lifecycle.reschedule(who, c.assessmentId, c.itemId, { ...guard(c), date: c.newDate, reason: c.reason }).assessment,
  };
}
