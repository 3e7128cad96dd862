// Reads what a re-assessment carries over: the previous cycle's flow version and answers (as they stand
// now, follow-ups included) beside this cycle's, for the engine's carry-over view of a prompt.
import { todayIn } from '../dates/calendar-date.ts';
import type { Answers } from '../flow/answer.ts';
import type { Flow } from '../flow/model.ts';
import { carryOverFor, type CarryOver, type PreviousCycleAnswers } from '../engine/carry-over.ts';
import type { Prompt } from '../engine/prompt.ts';
import type { Assessment } from '../store/assessments-repo.ts';
import type { Store } from '../store/store.ts';

/** The cycle an assessment follows (carried over or started blank); undefined for a first assessment. */
export function previousCycleOf(store: Store, assessment: Assessment): PreviousCycleAnswers | undefined {
  const link = store.reassessments.of(assessment.id);
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

/**
 * The carry-over view of `prompt` for an assessment that carries answers over, and the prompt with a
 * refused 提出 worded as what it is there: items not confirmed yet. Unchanged for other assessments.
 */
export function withCarryOver(
  store: Store,
  input: { assessment: Assessment; flow: Flow; answers: Answers; prompt: Prompt; now: Date },
): { prompt: Prompt; carryOver?: CarryOver } {
  const { assessment, flow, answers, prompt } = input;
  const link = store.reassessments.of(assessment.id);
  if (!link || link.startMode !== 'carried') return { prompt };
  const previous = previousCycleOf(store, assessment)!;
  const today = todayIn(store.facilities.get(assessment.organizationId, assessment.facilityId).timeZone, input.now);
  const carryOver = carryOverFor(prompt, { flow, answers, previous, today });
  const error = prompt.error?.code === 'submit.unanswered' ? { ...prompt.error, code: 'submit.unconfirmed' as const } : prompt.error;
  return { prompt: { ...prompt, error }, carryOver };
}
