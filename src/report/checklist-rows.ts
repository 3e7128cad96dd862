// The checklist as rows of the official form: one per status item, with what the clinic answered. PDF,
// CSV and JSON are all built from these rows, so they can never disagree.
import { z } from 'zod';
import { isoDateSchema, type Answers } from '../flow/answer.ts';
import { applicability, checklistRefs, type Flow, type ItemRef } from '../flow/model.ts';
import type { ItemDef, Localized, SectionDef } from '../flow/schema.ts';
import { localize, type ReportLocale } from './localize.ts';

export const itemStatusSchema = z.enum(['done', 'planned', 'na', 'unanswered']);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export type ItemState =
  | { status: 'done' }
  | { status: 'planned'; date: string }
  | { status: 'na'; reason?: Localized; auto: boolean }
  | { status: 'unanswered' };

/** Rows of the form: status items outside the gate (前提) sections. */
export function isChecklistItem(section: SectionDef, item: ItemDef): boolean {
  return section.kind === 'items' && item.answer.type === 'status';
}

/** The rows of the form: the flow's checklist items (src/flow/model.ts) that are answered by status. */
export function statusRowRefs(flow: Flow): ItemRef[] {
  return checklistRefs(flow).filter((ref) => isChecklistItem(ref.section, ref.item));
}

/**
 * What the row shows. An item without an answer that the skip logic rules out is 該当なし with the
 * gate's reason (the engine records the same; this covers answers saved before a gate existed).
 */
export function itemState(ref: ItemRef, answers: Answers): ItemState {
  const answer = answers[ref.item.id];
  switch (answer?.kind) {
    case 'done':
      return { status: 'done' };
    case 'planned':
      return { status: 'planned', date: answer.date };
    case 'na': {
      const gated = applicability(ref, answers);
      const reason = answer.reason ?? (gated.applicable ? undefined : gated.gate.reason);
      return { status: 'na', reason, auto: answer.auto ?? false };
    }
  }
  const gated = applicability(ref, answers);
  return gated.applicable ? { status: 'unanswered' } : { status: 'na', reason: gated.gate.reason, auto: true };
}

export const checklistRowSchema = z.object({
  sectionId: z.string(),
  sectionTitle: z.string(),
  /** As printed in the No column: 「15.」; empty when the item has none. */
  number: z.string(),
  itemId: z.string(),
  text: z.string(),
  status: itemStatusSchema,
  plannedDate: isoDateSchema.nullable(),
  notApplicableReason: z.string().nullable(),
  /** 該当なし recorded by the skip logic (a 前提 answer), not chosen by hand. */
  notApplicableAuto: z.boolean(),
});
export type ChecklistRow = z.infer<typeof checklistRowSchema>;

export function checklistRows(flow: Flow, answers: Answers, locale: ReportLocale = 'ja'): ChecklistRow[] {
  return statusRowRefs(flow).map((ref) => {
    const state = itemState(ref, answers);
    return {
      sectionId: ref.section.id,
      sectionTitle: localize(ref.section.title, locale),
      number: ref.item.number ?? '',
      itemId: ref.item.id,
      text: localize(ref.item.text, locale),
      status: state.status,
      plannedDate: state.status === 'planned' ? state.date : null,
      notApplicableReason: state.status === 'na' && state.reason ? localize(state.reason, locale) : null,
      notApplicableAuto: state.status === 'na' && state.auto,
    };
  });
}
