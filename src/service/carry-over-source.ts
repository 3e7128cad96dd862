// Reads what a re-assessment carries over: the previous cycle's flow version and answers (as they stand
// now, follow-ups included) beside this cycle's, for the engine's carry-over view of a prompt.
import { todayIn } from '../dates/calendar-date.ts';
import type { Answers } from '../flow/answer.ts';
import { compareCycles, type ItemComparison, type PreviousCycle } from '../flow/cycle-comparison.ts';
import type { Flow } from '../flow/model.ts';
import { carryOverFor, type CarryOver } from '../engine/carry-over.ts';
import type { Prompt } from '../engine/prompt.ts';
import type { Assessment } from '../store/assessments-repo.ts';
import type { Reassessment } from '../store/reassessments-repo.ts';
import type { Store } from '../store/store.ts';

/**
 * The cycle an assessment follows (carried over or started blank); undefined for a first assessment.
 * `link` is its re-assessment link when the caller has already read it.
 */
export function previousCycleOf(
  store: Store,
  assessment: Pick<Assessment, 'id' | 'organizationId'>,
  link: Reassessment | undefined = store.reassessments.of(assessment.id),
): PreviousCycle | undefined {
  if (!link) return undefined;
  const previous = store.assessments.get(assessment.organizationId, link.previousAssessmentId);
  const facility = store.facilities.get(assessment.organizationId, previous.facilityId);
  return {
    flow: store.flowVersions.get(previous.flowId, previous.flowHash),
    answers: store.answers.current(previous.id),
    assessmentId: previous.id,
    submittedOn: todayIn(facility.timeZone, new Date(previous.submittedAt ?? previous.updatedAt)),
  };
}

export interface PreviousCycleView {
  prompt: Prompt;
  /** Carried over: last cycle's answers beside the prompt. */
  carryOver?: CarryOver;
  /** On the review of any assessment that follows a previous cycle (carried or blank): what changed. */
  comparison?: ItemComparison[];
}

/**
 * What a prompt adds when the assessment follows a previous cycle: the carry-over view (carried over),
 * the comparison on the review (either way), and a refused 提出 worded as what it is when carried over:
 * items not confirmed yet. Unchanged for a first assessment (`link` undefined: the caller reads it once per turn).
 */
export function withPreviousCycle(
  store: Store,
  input: { assessment: Assessment; link: Reassessment | undefined; flow: Flow; answers: Answers; prompt: Prompt; now: Date },
): PreviousCycleView {
  const { assessment, link, flow, answers, prompt } = input;
  if (!link) return { prompt };
  const previous = previousCycleOf(store, assessment, link)!;
  const comparison = prompt.kind === 'review' ? compareCycles(previous, { flow, answers }).changed : undefined;
  if (link.startMode !== 'carried') return { prompt, comparison };
  const today = todayIn(store.facilities.get(assessment.organizationId, assessment.facilityId).timeZone, input.now);
  const carryOver = carryOverFor(prompt, { flow, answers, previous, today });
  const error = prompt.error?.code === 'submit.unanswered' ? { ...prompt.error, code: 'submit.unconfirmed' as const } : prompt.error;
  return { prompt: { ...prompt, error }, carryOver, comparison };
}
