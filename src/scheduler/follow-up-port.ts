// The lifecycle's follow-up events as the scheduler uses them: a 実施予定 item of a submitted
// assessment becomes 実施済 on a day, or gets a new 実施時期 with a reason. Kept behind this narrow
// interface so the scheduler does not care who records them.
//
// Until the lifecycle's own follow-up events exist, `answersFollowUp` records them as answer changes
// (with who/when/channel in the answer history) and bumps the revision with compare-and-set; the done
// day and the reason are checked and returned, but not stored.
import type { IsoDate } from '../dates/calendar-date.ts';
import type { Participant } from '../service/interaction.ts';
import type { Assessment } from '../store/assessments-repo.ts';
import type { Store } from '../store/store.ts';
import { FollowUpRefusedError } from './follow-up-errors.ts';
import { followedStatuses } from './schedule-sync.ts';

export interface FollowUpChange {
  assessmentId: string;
  itemId: string;
  /** The revision the person saw; a click on an older view is refused as stale. */
  expectedRevision?: number | undefined;
}

export interface FollowUpEvents {
  markDone(who: Participant, change: FollowUpChange & { doneOn: IsoDate }): Assessment;
  reschedule(who: Participant, change: FollowUpChange & { newDate: IsoDate; reason: string }): Assessment;
}

export function answersFollowUp(store: Store): FollowUpEvents {
  const apply = (who: Participant, change: FollowUpChange, answer: { kind: 'done' } | { kind: 'planned'; date: IsoDate }) => {
    const assessment = store.assessments.get(who.organizationId, change.assessmentId);
    if (!followedStatuses.includes(assessment.status))
      throw new FollowUpRefusedError('not_followed', `assessment ${assessment.id} is ${assessment.status}`);
    if (change.expectedRevision !== undefined && change.expectedRevision !== assessment.revision)
      throw new FollowUpRefusedError('stale', `assessment ${assessment.id} is at revision ${assessment.revision}`);
    const current = store.answers.current(assessment.id)[change.itemId];
    if (current?.kind !== 'planned') throw new FollowUpRefusedError('not_planned', `${change.itemId} is not 実施予定`);
    store.answers.apply(assessment.id, [{ itemId: change.itemId, answer }], { personId: who.personId, channel: who.channel });
    return store.assessments.saveEngineState(assessment.id, {
      expectedRevision: assessment.revision,
      snapshotJson: assessment.snapshotJson ?? '{}',
      status: assessment.status,
    });
  };
  return {
    markDone: (who, change) => apply(who, change, { kind: 'done' }),
    reschedule: (who, change) => apply(who, change, { kind: 'planned', date: change.newDate }),
  };
}
