// A re-assessment walks last cycle's answers: every item shows what was answered last time and can be
// confirmed as is (変更なし) or answered anew. A carried answer is not this cycle's answer until someone
// confirms it, so `answers` (this cycle) only ever holds confirmed or new answers; the previous cycle's
// answers are read beside them. Pure and channel-neutral: adapters render what this returns.
import type { Answer, Answers } from '../flow/answer.ts';
import { effectiveAnswer, type PreviousCycle } from '../flow/cycle-comparison.ts';
import { itemTextHash } from '../flow/item-text-hash.ts';
import { findItem, itemRefs, type Flow, type ItemRef } from '../flow/model.ts';
import type { Localized } from '../flow/schema.ts';
import { isAutoNotApplicable, isApplicable, unansweredItems } from './navigation.ts';
import { brief, type ItemBrief, type Prompt } from './prompt.ts';
import { validateAnswer } from './validate-answer.ts';

export interface CarryOverInput {
  flow: Flow;
  /** This cycle's answers: confirmed or answered anew. */
  answers: Answers;
  previous: PreviousCycle;
  /** Today in the facility's time zone: a carried 実施予定 before it cannot be confirmed as is. */
  today: string;
}

/** Why 変更なし cannot take the carried answer as it is; the item must be answered. */
export type NotConfirmableReason =
  /** New in this flow version: nothing to carry. */
  | 'new'
  /** Last time's 実施予定 date has passed: was it done, or when will it be? */
  | 'pastPlanned'
  /** Last time it was 該当なし because of a 前提 answer, which has to be re-asked instead. */
  | 'gatedOff'
  /** Last time's answer does not fit the item any more (an option gone, a rule tightened). */
  | 'invalid'
  /** Last time it was not answered (an optional item). */
  | 'noAnswer';

export interface CarriedItem {
  itemId: string;
  number?: string | undefined;
  text: Localized;
  /** Last cycle's answer as it counts (a 前提 ruling the item out counts as 該当なし). */
  previous?: Answer | undefined;
  /** This cycle's answer, once given. */
  current?: Answer | undefined;
  confirmed: boolean;
  /** Same id, new wording: shown with 「文言変更」 and confirmed only on its own, never in bulk. */
  reworded: boolean;
  /** 変更なし would take `previous` as this cycle's answer. */
  confirmable: boolean;
  notConfirmable?: NotConfirmableReason | undefined;
}

export interface CarriedSection {
  sectionId: string;
  /** The items the 前提 leave in, in order. */
  items: CarriedItem[];
  /**
   * 「この分野はすべて変更なし」 is offered: at least one item awaits confirmation and every such item can
   * take its carried answer as is (none new, reworded, past its date or otherwise not confirmable).
   * Never for the 前提 (gates) section.
   */
  canConfirmAll: boolean;
}

export interface CarryOverStatus {
  previous: { assessmentId: string; submittedOn: string };
  /** Items the 前提 leave in that have this cycle's answer, and how many there are. */
  confirmed: number;
  total: number;
}

/** What a prompt adds in a re-assessment that carries answers over. */
export type CarryOver = CarryOverStatus &
  (
    | { kind: 'question'; item: CarriedItem }
    | { kind: 'section'; section: CarriedSection }
    | { kind: 'review'; unconfirmed: ItemBrief[] }
    | { kind: 'other' }
  );

export function carriedItem(input: CarryOverInput, ref: ItemRef): CarriedItem {
  const previousRef = findItem(input.previous.flow, ref.item.id);
  const previous = previousRef ? effectiveAnswer(previousRef, input.previous.answers) : undefined;
  const current = input.answers[ref.item.id];
  const reworded = !!previousRef && itemTextHash(previousRef.item) !== itemTextHash(ref.item);
  const notConfirmable = !previousRef
    ? 'new'
    : !previous
      ? 'noAnswer'
      : isAutoNotApplicable(previous)
        ? 'gatedOff'
        : previous.kind === 'planned' && previous.date < input.today
          ? 'pastPlanned'
          : validateAnswer(ref.item, previous, input.today)
            ? 'invalid'
            : undefined;
  return {
    itemId: ref.item.id,
    number: ref.item.number,
    text: ref.item.text,
    previous,
    current,
    confirmed: current !== undefined,
    reworded,
    confirmable: notConfirmable === undefined,
    notConfirmable,
  };
}

export function carriedSection(input: CarryOverInput, sectionId: string): CarriedSection {
  const items = itemRefs(input.flow)
    .filter((r) => r.section.id === sectionId && isApplicable(r, input.answers))
    .map((r) => carriedItem(input, r));
  const open = items.filter((i) => !i.confirmed);
  // 前提 are re-asked one by one: they decide which items apply.
  const isGates = input.flow.sections.find((s) => s.id === sectionId)?.kind === 'gates';
  return { sectionId, items, canConfirmAll: !isGates && open.length > 0 && open.every((i) => i.confirmable && !i.reworded) };
}

export function carryOverStatus(input: CarryOverInput): CarryOverStatus {
  const applicable = itemRefs(input.flow).filter((r) => isApplicable(r, input.answers));
  return {
    previous: { assessmentId: input.previous.assessmentId, submittedOn: input.previous.submittedOn },
    confirmed: applicable.filter((r) => input.answers[r.item.id] !== undefined).length,
    total: applicable.length,
  };
}

/** The carry-over part of what `prompt` shows. */
export function carryOverFor(prompt: Prompt, input: CarryOverInput): CarryOver {
  const status = carryOverStatus(input);
  switch (prompt.kind) {
    case 'question':
      return { ...status, kind: 'question', item: carriedItem(input, findItem(input.flow, prompt.item.id)!) };
    case 'section-intro':
      return { ...status, kind: 'section', section: carriedSection(input, prompt.section.id) };
    case 'review':
      return { ...status, kind: 'review', unconfirmed: unansweredItems(input.flow, input.answers).map(brief) };
    default:
      return { ...status, kind: 'other' };
  }
}
