// Each followed-up 実施予定 item's story, read from the lifecycle history (assessment_events).
import type { PlanStep, PlanStories } from '../report/plan-story.ts';
import type { AssessmentEvent } from '../store/assessment-events-repo.ts';

/** Only items that were followed up have a story; the rest print as they are. */
export function planStoriesOf(events: readonly AssessmentEvent[]): PlanStories {
  const stories: PlanStories = {};
  for (const e of events) {
    if (!e.itemId || (e.kind !== 'followup.done' && e.kind !== 'followup.reschedule')) continue;
    const steps: PlanStep[] = (stories[e.itemId] ??= [{ kind: 'planned', date: e.detail.plannedBefore! }]);
    if (e.kind === 'followup.done') steps.push({ kind: 'done', date: e.detail.doneOn! });
    else steps.push({ kind: 'rescheduled', date: e.detail.plannedAfter!, reason: e.detail.reason ?? '' });
  }
  return stories;
}
