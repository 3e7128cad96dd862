// The terminal conversation in-process: a real SQLite file, the real service, and lines typed from a script.
import { loadFlowsDir } from '../../../src/flow/loader.ts';
import type { Answers } from '../../../src/flow/answer.ts';
import type { Interaction } from '../../../src/engine/events.ts';
import { createAssessmentService } from '../../../src/service/assessment-service.ts';
import type { Participant } from '../../../src/service/interaction.ts';
import { runConversation, type ConversationEnd } from '../../../src/terminal/conversation.ts';
import type { LineReader } from '../../../src/terminal/line-reader.ts';
import { openTempStore } from '../../store/helpers/temp-store.ts';

const flows = loadFlowsDir();
const clock = () => new Date('2026-11-22T00:30:00Z');

export function typedSession(flowId: string) {
  const store = openTempStore(undefined, { now: clock });
  const service = createAssessmentService({ store, flows, clock });
  const org = store.organizations.ensureLocal();
  const facility = store.facilities.ensure(org.id, '本院');
  const person = store.people.ensureLocal(org.id, '山田');
  const who: Participant = { organizationId: org.id, personId: person.id, channel: 'terminal' };
  const id = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: person.id, flowId }).assessment.id;
  return {
    service,
    /** Applies interactions directly (to get to the part of the story under test). */
    act: (...interactions: Interaction[]) => interactions.map((i) => service.interact(who, id, i)).at(-1),
    /** Types the lines into the conversation until they run out; returns everything printed. */
    async type(...lines: string[]): Promise<{ output: string; end: ConversationEnd }> {
      const queue = [...lines];
      const printed: string[] = [];
      const reader: LineReader = { next: async () => queue.shift() ?? null, close: () => {} };
      const end = await runConversation({ service, participant: who, assessmentId: id, reader, write: (l) => printed.push(l), locale: 'ja' });
      return { output: printed.join('\n'), end };
    },
    /** Starts the walk-through and leaves items for later until `itemId` is asked. */
    skipTo(itemId: string) {
      let turn = service.interact(who, id, { type: 'START' });
      // Questions follow one another, sections included; anything else (the review) means it was passed.
      while (turn.prompt.kind === 'question' && turn.prompt.item.id !== itemId) turn = service.interact(who, id, { type: 'SKIP' });
      if (turn.prompt.kind !== 'question') throw new Error(`never reached ${itemId}`);
    },
    answers: (): Answers => service.answers(org.id, id),
    prompt: () => service.view(org.id, id).prompt,
  };
}
