// One interaction with the engine: restore the snapshot, send one event, read back the new snapshot
// and prompt. Synchronous, so the caller can run it inside a single SQLite transaction.
import { createActor, type Snapshot } from 'xstate';
import type { Answers } from '../flow/answer.ts';
import type { Flow } from '../flow/model.ts';
import type { EngineError } from './engine-error.ts';
import { ENVELOPE_VERSION, parseEnvelope, type Envelope } from './envelope.ts';
import type { EngineEvent } from './events.ts';
import { MACHINE_VERSION, flowMachine, type EngineContext } from './machine.ts';
import { promptFor, type Prompt } from './prompt.ts';

export interface EngineState {
  state: string;
  context: EngineContext;
  envelope: Envelope;
}

export interface StepResult extends EngineState {
  prompt: Prompt;
  /** False when the event was refused (prompt.error says why) or not allowed in this state. */
  accepted: boolean;
  answersBefore: Answers;
}

export function startEngine(flow: Flow, answers: Answers = {}): EngineState {
  const actor = createActor(flowMachine(flow), { input: { flowId: flow.id, flowHash: flow.hash, answers } });
  actor.start();
  const state = read(flow, actor);
  actor.stop();
  return state;
}

export function restoreEngine(flow: Flow, envelopeJson: string): EngineState {
  const envelope = parseEnvelope(envelopeJson, { flowId: flow.id, flowHash: flow.hash });
  return { state: envelope.snapshot.value, context: envelope.snapshot.context as EngineContext, envelope };
}

export function currentPrompt(flow: Flow, engine: EngineState): Prompt {
  return promptFor(flow, engine.state, engine.context);
}

export function sendEvent(flow: Flow, engine: EngineState, event: EngineEvent): StepResult {
  const machine = flowMachine(flow);
  // The envelope holds XState's own persisted snapshot (validated on load), restored as documented.
  const actor = createActor(machine, {
    snapshot: engine.envelope.snapshot as unknown as Snapshot<unknown>,
    input: { flowId: flow.id, flowHash: flow.hash },
  });
  actor.start();
  const before = actor.getSnapshot();
  const answersBefore = engine.context.answers;
  if (before.status !== 'active' || !before.can(event)) {
    actor.stop();
    const error: EngineError = { code: 'event.notAllowed', params: { event: event.type, state: engine.state } };
    return { ...engine, prompt: { ...promptFor(flow, engine.state, engine.context), error }, accepted: false, answersBefore };
  }
  actor.send(event);
  const next = read(flow, actor);
  actor.stop();
  return { ...next, prompt: promptFor(flow, next.state, next.context), accepted: next.context.error === null, answersBefore };
}

function read(flow: Flow, actor: { getPersistedSnapshot(): unknown; getSnapshot(): { value: unknown; context: EngineContext } }): EngineState {
  const snap = actor.getSnapshot();
  const persisted = actor.getPersistedSnapshot() as Envelope['snapshot'];
  const envelope: Envelope = {
    envelope: ENVELOPE_VERSION,
    flowId: flow.id,
    flowHash: flow.hash,
    machineVersion: MACHINE_VERSION,
    snapshot: persisted,
  };
  return { state: String(snap.value), context: snap.context, envelope };
}
