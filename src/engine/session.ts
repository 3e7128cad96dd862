// One interaction with the engine: rebuild it from the answers and the stored position, send one event,
// read back the new position and prompt. Synchronous, so the caller can run it inside a single SQLite
// transaction. The answers are the caller's (the answers table); the engine persists only its position.
import { createActor } from 'xstate';
import type { Answers } from '../flow/answer.ts';
import { findItem, itemRefs, type Flow } from '../flow/model.ts';
import type { EngineError } from './engine-error.ts';
import type { EngineEvent } from './events.ts';
import { flowMachine, type EngineContext } from './machine.ts';
import { firstApplicableFrom, isApplicable, reconcileGates, unansweredItems, isAutoNotApplicable } from './navigation.ts';
import { MACHINE_VERSION, readPosition, type EngineMode, type EnginePosition, type StepState } from './position.ts';
import { promptFor, type Prompt } from './prompt.ts';

export interface EngineState {
  state: EngineMode;
  context: EngineContext;
  /** All that is persisted of the engine (encodePosition): the answers go to the answers table. */
  position: EnginePosition;
}

export interface StepResult extends EngineState {
  prompt: Prompt;
  /** False when the event was refused (prompt.error says why) or not allowed in this state. */
  accepted: boolean;
  answersBefore: Answers;
}

export interface EngineOptions {
  /** Each section's introduction is a step of its own (EngineContext.sectionIntroStep); false when not given. */
  sectionIntroStep?: boolean | undefined;
}

export function startEngine(flow: Flow, answers: Answers = {}, options: EngineOptions = {}): EngineState {
  const actor = createActor(flowMachine(flow), {
    input: { flowId: flow.id, flowHash: flow.hash, answers, sectionIntroStep: options.sectionIntroStep ?? false },
  });
  actor.start();
  const state = read(flow, actor);
  actor.stop();
  return state;
}

/**
 * The engine as the person left it, from the answers (the truth) and the stored position. Never refuses:
 * a position of another machine version or the release-0.1.0 envelope is read by mode name and item id;
 * an unknown mode, an item the flow no longer has or one a gate now hides moves to the nearest question
 * that applies; nothing readable at all starts from the answers (the first unanswered question, or the
 * review when everything is answered). A section introduction that is no longer a step of its own (stored
 * before machine version 3, or under the other option) is its first question, which shows it.
 */
export function restoreEngine(flow: Flow, answers: Answers, positionJson: string | null | undefined, options: EngineOptions = {}): EngineState {
  const refs = itemRefs(flow);
  const sectionIntroStep = options.sectionIntroStep ?? false;
  const current = reconcileGates(flow, answers);
  const stored = readPosition(flow, positionJson) ?? {};
  const storedIndex = stored.itemId ? findItem(flow, stored.itemId)?.index : undefined;

  const fromAnswers = (): { mode: StepState; index: number } => {
    const answeredByHand = Object.values(current).some((a) => !isAutoNotApplicable(a));
    if (!answeredByHand) return { mode: 'intro', index: 0 };
    const open = unansweredItems(flow, current)[0];
    return open ? { mode: 'question', index: open.index } : { mode: 'review', index: Math.max(0, refs.length - 1) };
  };
  /** `wanted` at the stored item, or the next applicable one after it, or what the answers say. */
  const at = (wanted: StepState): { mode: StepState; index: number } => {
    const mode = wanted === 'sectionIntro' && !sectionIntroStep ? 'question' : wanted;
    if (mode === 'intro') return { mode, index: 0 };
    if (mode === 'review') return { mode, index: storedIndex ?? Math.max(0, refs.length - 1) };
    if (storedIndex === undefined) return fromAnswers();
    if (isApplicable(refs[storedIndex]!, current)) return { mode, index: storedIndex };
    const next = firstApplicableFrom(flow, current, storedIndex);
    if (next !== -1) return { mode: mode === 'editing' ? 'editing' : 'question', index: next };
    return { mode: 'review', index: storedIndex };
  };

  let state: EngineMode;
  let resolved: { mode: StepState; index: number };
  if (stored.mode === 'submitted') {
    state = 'submitted';
    resolved = { mode: 'review', index: storedIndex ?? 0 };
  } else if (stored.mode === 'paused') {
    state = 'paused';
    resolved = stored.resumeTo ? at(stored.resumeTo) : fromAnswers();
  } else {
    resolved = stored.mode ? at(stored.mode) : fromAnswers();
    state = resolved.mode;
  }
  const context: EngineContext = {
    flowId: flow.id,
    flowHash: flow.hash,
    answers: current,
    position: resolved.index,
    resumeTo: resolved.mode,
    error: null,
    sectionIntroStep,
  };
  return { state, context, position: positionOf(flow, state, context) };
}

export function currentPrompt(flow: Flow, engine: EngineState): Prompt {
  return promptFor(flow, engine.state, engine.context);
}

export function sendEvent(flow: Flow, engine: EngineState, event: EngineEvent): StepResult {
  const machine = flowMachine(flow);
  const actor = createActor(machine, {
    snapshot: machine.resolveState({ value: engine.state, context: engine.context }),
    input: { flowId: flow.id, flowHash: flow.hash },
  });
  actor.start();
  const before = actor.getSnapshot();
  const answersBefore = engine.context.answers;
  // An event the state does not handle leaves the very same snapshot (every handled one assigns at least
  // the error): one pass over the guards instead of asking can() first and then sending.
  if (before.status === 'active') actor.send(event);
  if (actor.getSnapshot() === before) {
    actor.stop();
    const error: EngineError = { code: 'event.notAllowed', params: { event: event.type, state: engine.state } };
    return { ...engine, prompt: { ...promptFor(flow, engine.state, engine.context), error }, accepted: false, answersBefore };
  }
  const next = read(flow, actor);
  actor.stop();
  return { ...next, prompt: promptFor(flow, next.state, next.context), accepted: next.context.error === null, answersBefore };
}

/** The position to persist for an engine state. */
export function positionOf(flow: Flow, state: EngineMode, context: EngineContext): EnginePosition {
  return {
    machineVersion: MACHINE_VERSION,
    mode: state,
    itemId: state === 'intro' ? null : (itemRefs(flow)[context.position]?.item.id ?? null),
    resumeTo: context.resumeTo,
  };
}

function read(flow: Flow, actor: { getSnapshot(): { value: unknown; context: EngineContext } }): EngineState {
  const snap = actor.getSnapshot();
  const state = String(snap.value) as EngineMode;
  return { state, context: snap.context, position: positionOf(flow, state, snap.context) };
}
