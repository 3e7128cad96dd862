// The walk-through as an XState v5 machine, built from any flow:
// intro → (section intro → questions)* → review → submitted, with pause/resume from anywhere. A section's
// introduction is a step of its own only where it offers a choice (sectionIntroStep); otherwise it comes
// with the section's first question, and the walk goes straight from one section into the next.
// Context is JSON-only and nothing is time-based, so a persisted snapshot restores exactly.
import { and, assign, setup } from 'xstate';
import type { Answers } from '../flow/answer.ts';
import { findItem, itemRefs, type Flow } from '../flow/model.ts';
import type { EngineError } from './engine-error.ts';
import type { EngineEvent } from './events.ts';
import {
  firstApplicableFrom,
  isApplicable,
  isFirstOfSection,
  lastApplicableBefore,
  newlyHiddenItems,
  reconcileGates,
  sameSection,
  unansweredItems,
} from './navigation.ts';
import { validateAnswer } from './validate-answer.ts';

import type { StepState } from './position.ts';

export { MACHINE_VERSION, type StepState } from './position.ts';

export interface EngineContext {
  flowId: string;
  flowHash: string;
  answers: Answers;
  /** Index into the flow's items: the question asked, or the first question of the section introduced. */
  position: number;
  /** Where RESUME returns to. */
  resumeTo: StepState;
  /**
   * Each section's introduction is a step of its own, left with 始める (a re-assessment carrying answers
   * over: it lists them, with この分野はすべて変更なし). Otherwise the introduction is shown with the
   * section's first question. Not persisted: whoever restores the engine says which.
   */
  sectionIntroStep: boolean;
  /** Why the last event was refused; null after an accepted one. */
  error: EngineError | null;
}

type AnswerLike = Extract<EngineEvent, { type: 'ANSWER' | 'REVISE' }>;

const machines = new Map<string, ReturnType<typeof buildMachine>>();

export function flowMachine(flow: Flow) {
  let machine = machines.get(flow.hash);
  if (!machine) {
    machine = buildMachine(flow);
    machines.set(flow.hash, machine);
  }
  return machine;
}

function buildMachine(flow: Flow) {
  const refs = itemRefs(flow);

  // One answer event is looked at more than once in one step (the guard, then storeAnswer or answerError),
  // each time over the whole flow's gates: each result is kept for the event object and the answers it was
  // computed from.
  const withAnswerSeen = new WeakMap<AnswerLike, { base: Answers; result: Answers }>();
  const problemSeen = new WeakMap<AnswerLike, { base: Answers; result: EngineError | undefined }>();

  const withAnswer = (ctx: EngineContext, e: AnswerLike): Answers => {
    const seen = withAnswerSeen.get(e);
    if (seen?.base === ctx.answers) return seen.result;
    const result = reconcileGates(flow, { ...ctx.answers, [e.itemId]: e.answer });
    withAnswerSeen.set(e, { base: ctx.answers, result });
    return result;
  };

  const answerProblem = (ctx: EngineContext, e: AnswerLike): EngineError | undefined => {
    const seen = problemSeen.get(e);
    if (seen?.base === ctx.answers) return seen.result;
    const result = findAnswerProblem(ctx, e);
    problemSeen.set(e, { base: ctx.answers, result });
    return result;
  };

  const findAnswerProblem = (ctx: EngineContext, e: AnswerLike): EngineError | undefined => {
    const ref = findItem(flow, e.itemId);
    if (!ref) return { code: 'item.unknown', params: { itemId: e.itemId } };
    if (!isApplicable(ref, ctx.answers)) return { code: 'item.notApplicable', params: { itemId: e.itemId } };
    const invalid = validateAnswer(ref.item, e.answer, e.today);
    if (invalid || e.confirmHide) return invalid;
    // A gate change that would put answers given by hand out of sight waits for the person to confirm it.
    const hidden = newlyHiddenItems(flow, ctx.answers, withAnswer(ctx, e));
    return hidden.length ? { code: 'gate.hidesAnswers', params: { count: hidden.length, items: hidden } } : undefined;
  };
  const isCurrent = (ctx: EngineContext, e: AnswerLike) => refs[ctx.position]?.item.id === e.itemId;

  /** After the question at `from`: the next question, the next section's intro (when a step), or the review. */
  const advance = (ctx: EngineContext, from: number) => {
    const next = firstApplicableFrom(flow, ctx.answers, from + 1);
    if (next === -1) return { target: 'review' as const, position: from };
    const introduced = ctx.sectionIntroStep && !sameSection(flow, from, next);
    return { target: introduced ? ('sectionIntro' as const) : ('question' as const), position: next };
  };

  return setup({
    types: {
      context: {} as EngineContext,
      events: {} as EngineEvent,
      input: {} as { flowId: string; flowHash: string; answers?: Answers; sectionIntroStep?: boolean },
    },
    guards: {
      validCurrentAnswer: ({ context, event }) =>
        (event.type === 'ANSWER' || event.type === 'REVISE') && isCurrent(context, event) && !answerProblem(context, event),
      validAnswer: ({ context, event }) =>
        (event.type === 'ANSWER' || event.type === 'REVISE') && !answerProblem(context, event),
      notCurrentItem: ({ context, event }) => event.type === 'ANSWER' && !isCurrent(context, event),
      nextIsQuestion: ({ context }) => advance(context, context.position).target === 'question',
      nextIsSectionIntro: ({ context }) => advance(context, context.position).target === 'sectionIntro',
      positionGatedOff: ({ context }) => {
        const ref = refs[context.position];
        return !ref || !isApplicable(ref, context.answers);
      },
      complete: ({ context }) => unansweredItems(flow, context.answers).length === 0,
      sectionIntroStep: ({ context }) => context.sectionIntroStep,
      firstOfSection: ({ context }) => isFirstOfSection(flow, context.answers, context.position),
      nothingBefore: ({ context }) => lastApplicableBefore(flow, context.answers, context.position) === -1,
      hasQuestions: ({ context }) => firstApplicableFrom(flow, context.answers, 0) !== -1,
      resumeToIntro: ({ context }) => context.resumeTo === 'intro',
      resumeToSectionIntro: ({ context }) => context.resumeTo === 'sectionIntro',
      resumeToReview: ({ context }) => context.resumeTo === 'review',
      resumeToEditing: ({ context }) => context.resumeTo === 'editing',
      knownItem: ({ context, event }) => {
        if (event.type !== 'EDIT') return false;
        const ref = findItem(flow, event.itemId);
        return !!ref && isApplicable(ref, context.answers);
      },
    },
    actions: {
      clearError: assign({ error: null }),
      storeAnswer: assign(({ context, event }) => {
        const e = event as AnswerLike;
        return { answers: withAnswer(context, e), error: null };
      }),
      /** Moves to the next applicable item with the answers as they are now (after storeAnswer). */
      moveNext: assign(({ context }) => ({ position: advance(context, context.position).position })),
      moveBack: assign(({ context }) => ({
        position: Math.max(0, lastApplicableBefore(flow, context.answers, context.position)),
        error: null,
      })),
      moveToLast: assign(({ context }) => ({
        position: Math.max(0, lastApplicableBefore(flow, context.answers, refs.length)),
        error: null,
      })),
      moveToFirst: assign(({ context }) => ({
        position: Math.max(0, firstApplicableFrom(flow, context.answers, 0)),
        error: null,
      })),
      moveToApplicable: assign(({ context }) => ({
        position: firstApplicableFrom(flow, context.answers, context.position),
      })),
      moveToEdited: assign(({ event }) => ({
        position: event.type === 'EDIT' ? findItem(flow, event.itemId)!.index : 0,
        error: null,
      })),
      answerError: assign(({ context, event }) => ({
        error: answerProblem(context, event as AnswerLike) ?? null,
      })),
      staleError: assign(({ context, event }) => ({
        error: {
          code: 'item.stale' as const,
          params: { itemId: (event as AnswerLike).itemId, currentItemId: refs[context.position]?.item.id ?? '' },
        },
      })),
      unknownEditError: assign(({ event }) => ({
        error: { code: 'item.unknown' as const, params: { itemId: event.type === 'EDIT' ? event.itemId : '' } },
      })),
      unansweredError: assign(({ context }) => ({
        error: {
          code: 'submit.unanswered' as const,
          params: { items: unansweredItems(flow, context.answers).map((r) => r.item.id) },
        },
      })),
    },
  }).createMachine({
    id: `flow:${flow.id}`,
    context: ({ input }) => ({
      flowId: input.flowId,
      flowHash: input.flowHash,
      answers: reconcileGates(flow, input.answers ?? {}),
      position: 0,
      resumeTo: 'intro',
      error: null,
      sectionIntroStep: input.sectionIntroStep ?? false,
    }),
    initial: 'intro',
    on: {
      // Revising an earlier answer is allowed anywhere before submission and never moves the position.
      REVISE: [{ guard: 'validAnswer', actions: 'storeAnswer' }, { actions: 'answerError' }],
    },
    states: {
      intro: {
        entry: assign({ resumeTo: 'intro' }),
        on: {
          START: [
            { guard: and(['sectionIntroStep', 'hasQuestions']), target: 'sectionIntro', actions: 'moveToFirst' },
            { guard: 'hasQuestions', target: 'question', actions: 'moveToFirst' },
            { target: 'review', actions: 'clearError' },
          ],
          PAUSE: { target: 'paused', actions: 'clearError' },
        },
      },
      sectionIntro: {
        entry: assign({ resumeTo: 'sectionIntro' }),
        on: {
          CONTINUE: { target: 'question', actions: 'clearError' },
          BACK: [
            { guard: 'nothingBefore', target: 'intro', actions: 'clearError' },
            { target: 'question', actions: 'moveBack' },
          ],
          REVIEW: { target: 'review', actions: 'clearError' },
          PAUSE: { target: 'paused', actions: 'clearError' },
        },
      },
      question: {
        entry: assign({ resumeTo: 'question' }),
        // A revised gate can take the current question out of the flow: move on rather than ask it.
        always: [{ guard: 'positionGatedOff', target: 'realign' }],
        on: {
          ANSWER: [
            { guard: 'notCurrentItem', actions: 'staleError' },
            { guard: 'validCurrentAnswer', target: 'advancing', actions: 'storeAnswer' },
            { actions: 'answerError' },
          ],
          SKIP: { target: 'advancing', actions: 'clearError' },
          BACK: [
            { guard: and(['sectionIntroStep', 'firstOfSection']), target: 'sectionIntro', actions: 'clearError' },
            { guard: 'nothingBefore', target: 'intro', actions: 'clearError' },
            { target: 'question', reenter: true, actions: 'moveBack' },
          ],
          REVIEW: { target: 'review', actions: 'clearError' },
          PAUSE: { target: 'paused', actions: 'clearError' },
        },
      },
      /** Transient: decides where the walk goes after the current question. */
      advancing: {
        always: [
          { guard: 'nextIsQuestion', target: 'question', actions: 'moveNext' },
          { guard: 'nextIsSectionIntro', target: 'sectionIntro', actions: 'moveNext' },
          { target: 'review' },
        ],
      },
      /** Transient: the current position was gated off; find the next applicable one. */
      realign: {
        always: [
          { guard: 'hasQuestions', target: 'checkRealigned', actions: 'moveToApplicable' },
          { target: 'review' },
        ],
      },
      checkRealigned: {
        always: [{ guard: 'positionGatedOff', target: 'review', actions: 'moveToLast' }, { target: 'question' }],
      },
      review: {
        entry: assign({ resumeTo: 'review' }),
        on: {
          EDIT: [
            { guard: 'knownItem', target: 'editing', actions: 'moveToEdited' },
            { actions: 'unknownEditError' },
          ],
          // Back to where the person was when they opened the review (the last question when they reached
          // it at the end); a position the gates have since ruled out realigns to the next applicable one.
          BACK: { target: 'question', actions: 'clearError' },
          SUBMIT: [{ guard: 'complete', target: 'submitted', actions: 'clearError' }, { actions: 'unansweredError' }],
          PAUSE: { target: 'paused', actions: 'clearError' },
        },
      },
      editing: {
        entry: assign({ resumeTo: 'editing' }),
        on: {
          ANSWER: [
            { guard: 'notCurrentItem', actions: 'staleError' },
            { guard: 'validCurrentAnswer', target: 'review', actions: 'storeAnswer' },
            { actions: 'answerError' },
          ],
          SKIP: { target: 'review', actions: 'clearError' },
          CANCEL: { target: 'review', actions: 'clearError' },
          BACK: { target: 'review', actions: 'clearError' },
          PAUSE: { target: 'paused', actions: 'clearError' },
        },
      },
      paused: {
        on: {
          RESUME: [
            { guard: 'resumeToIntro', target: 'intro', actions: 'clearError' },
            { guard: 'resumeToSectionIntro', target: 'sectionIntro', actions: 'clearError' },
            { guard: 'resumeToReview', target: 'review', actions: 'clearError' },
            { guard: 'resumeToEditing', target: 'editing', actions: 'clearError' },
            { target: 'question', actions: 'clearError' },
          ],
        },
      },
      submitted: { type: 'final' },
    },
  });
}

export type FlowMachine = ReturnType<typeof flowMachine>;
