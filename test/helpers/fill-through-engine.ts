// Enters a set of answers the way a person would: START, then each question the engine asks in turn (optional
// ones without an answer are left blank), then SUBMIT. Every answer goes through the engine's rules and skip
// logic, so a fixture that the flow would refuse fails here with the engine's reason.
import type { Answers } from '../../src/flow/answer.ts';
import type { Flow } from '../../src/flow/model.ts';
import type { EngineEvent } from '../../src/engine/events.ts';
import { sendEvent, startEngine, type EngineState } from '../../src/engine/session.ts';

export interface FilledForm {
  answers: Answers;
  /** Item ids in the order the engine asked them. */
  asked: string[];
}

export function fillThroughEngine(flow: Flow, answers: Answers, today = '2026-11-22'): FilledForm {
  let engine: EngineState = startEngine(flow);
  const asked: string[] = [];
  const send = (event: EngineEvent) => {
    const result = sendEvent(flow, engine, event);
    if (!result.accepted)
      throw new Error(`${flow.id}: the engine refused ${JSON.stringify(event)}: ${JSON.stringify(result.prompt.error)}`);
    engine = result;
    return result.prompt;
  };
  let prompt = send({ type: 'START' });
  for (let step = 0; step < 1000; step++) {
    switch (prompt.kind) {
      case 'section-intro':
        prompt = send({ type: 'CONTINUE' });
        continue;
      case 'question': {
        const { id, required } = prompt.item;
        asked.push(id);
        const answer = answers[id] ?? (required ? undefined : { kind: 'blank' as const });
        if (!answer) throw new Error(`${flow.id}: the fixture has no answer for the required item "${id}"`);
        prompt = send({ type: 'ANSWER', itemId: id, answer, today });
        continue;
      }
      case 'review':
        prompt = send({ type: 'SUBMIT' });
        continue;
      case 'submitted':
        return { answers: engine.context.answers, asked };
      default:
        throw new Error(`${flow.id}: unexpected prompt ${prompt.kind}`);
    }
  }
  throw new Error(`${flow.id}: did not reach the end`);
}
