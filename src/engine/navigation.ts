// Where the walk-through goes next, given the skip logic. Pure functions over the flow and answers.
import type { Answer, Answers } from '../flow/answer.ts';
import { applicability, itemRefs, type Flow, type ItemRef } from '../flow/model.ts';

export function isApplicable(ref: Pick<ItemRef, 'section' | 'item'>, answers: Answers): boolean {
  return applicability(ref, answers).applicable;
}

/** First item at or after `from` that the skip logic leaves in; -1 when none. */
export function firstApplicableFrom(flow: Flow, answers: Answers, from: number): number {
  const refs = itemRefs(flow);
  for (let i = Math.max(0, from); i < refs.length; i++) if (isApplicable(refs[i]!, answers)) return i;
  return -1;
}

/** Last item before `before` that the skip logic leaves in; -1 when none. */
export function lastApplicableBefore(flow: Flow, answers: Answers, before: number): number {
  const refs = itemRefs(flow);
  for (let i = Math.min(before, refs.length) - 1; i >= 0; i--) if (isApplicable(refs[i]!, answers)) return i;
  return -1;
}

export function sameSection(flow: Flow, a: number, b: number): boolean {
  const refs = itemRefs(flow);
  return refs[a]?.sectionIndex === refs[b]?.sectionIndex;
}

/** No item the skip logic leaves in comes before `index` in its section: where the section starts. */
export function isFirstOfSection(flow: Flow, answers: Answers, index: number): boolean {
  const prev = lastApplicableBefore(flow, answers, index);
  return prev === -1 || !sameSection(flow, prev, index);
}

/**
 * Records 該当なし (with the gate's reason) for every item its gate leaves out, and takes such an
 * automatic 該当なし away when the gate opens again. An answer given by hand is never destroyed: the
 * 該当なし keeps it out of sight (`hidden`), and opening the gate brings it back.
 */
export function reconcileGates(flow: Flow, answers: Answers): Answers {
  // Copied on the first change only: stored answers are already reconciled, so restoring an engine
  // usually changes nothing and then returns the very object it was given.
  let next: Answers = answers;
  const write = (itemId: string, answer: Answer | undefined) => {
    if (next === answers) next = { ...answers };
    if (answer === undefined) delete next[itemId];
    else next[itemId] = answer;
  };
  for (const ref of itemRefs(flow)) {
    const a = applicability(ref, next);
    const current = next[ref.item.id];
    if (!a.applicable) {
      if (!isAutoNotApplicable(current))
        write(ref.item.id, { kind: 'na', reason: a.gate.reason, auto: true, ...(current ? { hidden: current } : {}) });
    } else if (current?.kind === 'na' && current.auto) {
      write(ref.item.id, current.hidden);
    }
  }
  return next;
}

/** Items whose answer given by hand the change from `before` to `after` puts out of sight, in flow order. */
export function newlyHiddenItems(flow: Flow, before: Answers, after: Answers): string[] {
  return itemRefs(flow)
    .map((ref) => ref.item.id)
    .filter((id) => {
      const b = before[id];
      const a = after[id];
      return b !== undefined && !isAutoNotApplicable(b) && a?.kind === 'na' && a.auto === true && a.hidden !== undefined;
    });
}

/** Required items the skip logic leaves in that have no answer yet, in flow order. */
export function unansweredItems(flow: Flow, answers: Answers): ItemRef[] {
  return itemRefs(flow).filter((ref) => ref.item.required && isApplicable(ref, answers) && answers[ref.item.id] === undefined);
}

export function isAutoNotApplicable(answer: Answer | undefined): boolean {
  return answer?.kind === 'na' && answer.auto === true;
}
