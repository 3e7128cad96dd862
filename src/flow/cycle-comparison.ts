// What changed between two cycles of the same assessment (last 年度's submission and this one), item by
// item. Items are matched by their stable id, also across flow versions: an id only in this version is
// 新規, one only in the previous version is 削除, the same id with a new text hash is 文言変更. Pure: the
// review, the PDF page, the CSV/XLSX columns and the lead's message all read the same result.
// Per-function entry points: the package root loads every date-fns module (~40 MB of resident memory).
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import type { Answer, Answers } from './answer.ts';
import { itemTextHash } from './item-text-hash.ts';
import { applicability, canonicalJson, itemRefs, type Flow, type ItemRef } from './model.ts';

export interface CycleAnswers {
  flow: Flow;
  answers: Answers;
}

/**
 * The cycle an assessment follows (the previous submission of the same flow at the same facility), as the
 * walk, the review and the reports compare against it.
 */
export interface PreviousCycle extends CycleAnswers {
  assessmentId: string;
  /** YYYY-MM-DD, the day it was submitted in the facility's time zone. */
  submittedOn: string;
}

/** A date moved: `days` > 0 later (後ろ倒し), < 0 earlier (前倒し); `months` when it moved by whole months. */
export interface DateShift {
  from: string;
  to: string;
  days: number;
  months?: number;
}

export type ItemChange =
  /** 改善: 実施予定 → 実施済 (`on`: the day it was done, when recorded). */
  | { kind: 'improved'; on?: string }
  /** 後退: 実施済 → 実施予定 (with the new date). */
  | { kind: 'regressed'; date: string }
  /** 時期変更: still 実施予定, at another date. */
  | ({ kind: 'rescheduled' } & DateShift)
  /** 該当なし になった. */
  | { kind: 'becameNa' }
  /** 該当なし でなくなった. */
  | { kind: 'noLongerNa' }
  /** 新規: the item is new in this flow version. */
  | { kind: 'new' }
  /** 削除: this flow version dropped the item. */
  | { kind: 'removed' }
  /** 文言変更: same id, new wording. */
  | { kind: 'reworded' }
  /** Any other answer (a 前提, a form field) that is not the same as last time. */
  | { kind: 'answerChanged' };

export type ItemChangeKind = ItemChange['kind'];

/** The order changes are listed and counted in. */
export const ITEM_CHANGE_KINDS: readonly ItemChangeKind[] = [
  'improved',
  'regressed',
  'rescheduled',
  'becameNa',
  'noLongerNa',
  'new',
  'removed',
  'reworded',
  'answerChanged',
];

export interface ItemComparison {
  itemId: string;
  /** Where the item stands in this cycle's flow; for a removed item, in the previous flow. */
  ref: ItemRef;
  /** The previous flow's item, when it had one (its text is what was confirmed last time). */
  previousRef?: ItemRef;
  /** Answers as they count (an item gated off by a 前提 counts as 該当なし); undefined = none. */
  previous?: Answer;
  current?: Answer;
  changes: ItemChange[];
}

export interface CycleComparison {
  /** Every item of either version: this flow's order, then the removed ones in the previous flow's order. */
  items: ItemComparison[];
  /** Only the items with at least one change. */
  changed: ItemComparison[];
  counts: Record<ItemChangeKind, number>;
}

export function compareCycles(previous: CycleAnswers, current: CycleAnswers): CycleComparison {
  const previousRefs = new Map(itemRefs(previous.flow).map((r) => [r.item.id, r]));
  const currentIds = new Set(itemRefs(current.flow).map((r) => r.item.id));
  const items: ItemComparison[] = [];

  for (const ref of itemRefs(current.flow)) {
    const previousRef = previousRefs.get(ref.item.id);
    const now = effectiveAnswer(ref, current.answers);
    if (!previousRef) {
      items.push({ itemId: ref.item.id, ref, current: now, changes: [{ kind: 'new' }] });
      continue;
    }
    const before = effectiveAnswer(previousRef, previous.answers);
    const changes: ItemChange[] = [];
    if (itemTextHash(previousRef.item) !== itemTextHash(ref.item)) changes.push({ kind: 'reworded' });
    changes.push(...answerChanges(ref, before, now));
    items.push({ itemId: ref.item.id, ref, previousRef, previous: before, current: now, changes });
  }
  for (const [id, previousRef] of previousRefs) {
    if (currentIds.has(id)) continue;
    items.push({
      itemId: id,
      ref: previousRef,
      previousRef,
      previous: effectiveAnswer(previousRef, previous.answers),
      changes: [{ kind: 'removed' }],
    });
  }

  const counts = Object.fromEntries(ITEM_CHANGE_KINDS.map((k) => [k, 0])) as Record<ItemChangeKind, number>;
  for (const item of items) for (const change of item.changes) counts[change.kind]++;
  // Rewording comes first in `changes` (it is about the question), but the answer's change leads the list.
  for (const item of items) item.changes.sort((a, b) => ITEM_CHANGE_KINDS.indexOf(a.kind) - ITEM_CHANGE_KINDS.indexOf(b.kind));
  return { items, changed: items.filter((i) => i.changes.length > 0), counts };
}

/** The answer as it counts: a status item the 前提 rule out is 該当なし even when nothing was recorded. */
export function effectiveAnswer(ref: ItemRef, answers: Answers): Answer | undefined {
  const answer = answers[ref.item.id];
  if (answer || ref.item.answer.type !== 'status') return answer;
  const gated = applicability(ref, answers);
  return gated.applicable ? undefined : { kind: 'na', reason: gated.gate.reason, auto: true };
}

/** How an answer moved. Nothing while this cycle has no answer yet: an open item has not changed. */
function answerChanges(ref: ItemRef, before: Answer | undefined, now: Answer | undefined): ItemChange[] {
  if (!now || !before) return [];
  if (ref.item.answer.type !== 'status') return sameAnswer(before, now) ? [] : [{ kind: 'answerChanged' }];
  if (before.kind === 'na' && now.kind !== 'na') return [{ kind: 'noLongerNa' }];
  if (before.kind !== 'na' && now.kind === 'na') return [{ kind: 'becameNa' }];
  if (before.kind === 'planned' && now.kind === 'done') return [now.on ? { kind: 'improved', on: now.on } : { kind: 'improved' }];
  if (before.kind === 'done' && now.kind === 'planned') return [{ kind: 'regressed', date: now.date }];
  if (before.kind === 'planned' && now.kind === 'planned' && before.date !== now.date)
    return [{ kind: 'rescheduled', ...dateShift(before.date, now.date) }];
  return [];
}

/** Equal answers, ignoring how a 該当なし came about (by hand or by the 前提) and its reason's wording. */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (a?.kind === 'na' && b?.kind === 'na') return true;
  return canonicalJson(a) === canonicalJson(b);
}

export function dateShift(from: string, to: string): DateShift {
  const days = differenceInCalendarDays(parseISO(to), parseISO(from));
  const months = wholeMonths(from, to);
  return months === undefined ? { from, to, days } : { from, to, days, months };
}

/** 3 for 2027-03-31 → 2027-06-30 (month ends stay month ends); undefined unless a whole number of months. */
function wholeMonths(from: string, to: string): number | undefined {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const months = (ty - fy) * 12 + (tm - fm);
  if (months === 0) return undefined;
  const landed = localIsoDate(addMonths(parseISO(from), months));
  if (landed === to) return months;
  // 2027-02-28 → 2027-05-31: both month ends.
  return isMonthEnd(from) && isMonthEnd(to) ? months : undefined;
}

/** YYYY-MM-DD of a local date (date-fns's `format` would load its locale and formatter modules for this). */
function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function isMonthEnd(iso: string): boolean {
  const d = parseISO(iso);
  return d.getDate() === new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
}
