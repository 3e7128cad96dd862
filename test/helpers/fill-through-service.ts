// Like fill-through-engine, but through the assessment service and SQLite: what a person does in the
// terminal or Slack, ending with SUBMIT, so the assessment is stored as submitted.
import type { Answers } from '../../src/flow/answer.ts';
import type { Interaction } from '../../src/engine/events.ts';
import type { AssessmentService, Turn } from '../../src/service/assessment-service.ts';
import type { Participant } from '../../src/service/interaction.ts';

/** `stopAtReview`: return the review instead of submitting. */
export function submitThroughService(
  service: AssessmentService,
  who: Participant,
  assessmentId: string,
  answers: Answers,
  opts: { stopAtReview?: boolean } = {},
): Turn {
  const act = (interaction: Interaction) => {
    const turn = service.interact(who, assessmentId, interaction);
    if (!turn.accepted) throw new Error(`refused ${JSON.stringify(interaction)}: ${JSON.stringify(turn.prompt.error)}`);
    return turn;
  };
  let turn = act({ type: 'START' });
  for (let step = 0; step < 1000; step++) {
    const prompt = turn.prompt;
    if (prompt.kind === 'submitted') return turn;
    if (prompt.kind === 'section-intro') turn = act({ type: 'CONTINUE' });
    else if (prompt.kind === 'review') {
      if (opts.stopAtReview) return turn;
      turn = act({ type: 'SUBMIT' });
    }
    else if (prompt.kind === 'question') {
      const answer = answers[prompt.item.id] ?? (prompt.item.required ? undefined : { kind: 'blank' as const });
      if (!answer) throw new Error(`no answer for the required item "${prompt.item.id}"`);
      turn = act({ type: 'ANSWER', itemId: prompt.item.id, answer });
    } else throw new Error(`unexpected prompt ${prompt.kind}`);
  }
  throw new Error('did not reach the end');
}
