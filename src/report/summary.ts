// The assessment at a glance: counts per section, whether the facility meets the minimum guideline, the
// action plan (every 実施予定 item by date) and the 前提 answers that decided which items apply.
import { z } from 'zod';
import { isoDateSchema, type Answers } from '../flow/answer.ts';
import { itemRefs, type Flow } from '../flow/model.ts';
import { answerText } from '../i18n/answer-text.ts';
import { statusRowRefs, isChecklistItem, itemState, type ItemStatus } from './checklist-rows.ts';
import { localize, type ReportLocale } from './localize.ts';
import { planStoryText, type PlanStories } from './plan-story.ts';

const countsShape = {
  done: z.number().int().min(0),
  planned: z.number().int().min(0),
  na: z.number().int().min(0),
  unanswered: z.number().int().min(0),
  total: z.number().int().min(0),
};
export const statusCountsSchema = z.object(countsShape);
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const sectionSummarySchema = z.object({ sectionId: z.string(), title: z.string(), ...countsShape });
export type SectionSummary = z.infer<typeof sectionSummarySchema>;

export const actionPlanEntrySchema = z.object({
  sectionId: z.string(),
  sectionTitle: z.string(),
  number: z.string(),
  itemId: z.string(),
  shortText: z.string(),
  /** The 実施時期, or for an item followed up as 実施済 the day it was done. */
  date: isoDateSchema,
  /** For items followed up after 提出: 「実施予定 2027年3月31日 → 実施済 2027年2月10日」. */
  story: z.string().optional(),
});
export type ActionPlanEntry = z.infer<typeof actionPlanEntrySchema>;

export const scopeAnswerSchema = z.object({
  itemId: z.string(),
  question: z.string(),
  /** null while unanswered. */
  answer: z.string().nullable(),
});
export type ScopeAnswer = z.infer<typeof scopeAnswerSchema>;

export const checklistSummarySchema = z.object({
  totals: statusCountsSchema,
  sections: z.array(sectionSummarySchema),
  /** Every item 実施済 or 該当なし (the form's 「最低限のガイドラインを遵守済」). */
  compliant: z.boolean(),
  actionPlan: z.array(actionPlanEntrySchema),
  /** 前提: answers of gate sections, which are not checklist rows. */
  scope: z.array(scopeAnswerSchema),
});
export type ChecklistSummary = z.infer<typeof checklistSummarySchema>;

const SHORT_TEXT_LENGTH = 40;

export function summarizeAssessment(
  flow: Flow,
  answers: Answers,
  locale: ReportLocale = 'ja',
  planStories: PlanStories = {},
): ChecklistSummary {
  const emptyCounts = (): StatusCounts => ({ done: 0, planned: 0, na: 0, unanswered: 0, total: 0 });
  const totals = emptyCounts();
  const bySection = new Map<string, SectionSummary>();
  const actionPlan: (ActionPlanEntry & { order: number })[] = [];

  for (const ref of statusRowRefs(flow)) {
    const state = itemState(ref, answers);
    let section = bySection.get(ref.section.id);
    if (!section) {
      section = { sectionId: ref.section.id, title: localize(ref.section.title, locale), ...emptyCounts() };
      bySection.set(ref.section.id, section);
    }
    count(section, state.status);
    count(totals, state.status);
    const story = planStories[ref.item.id];
    const answer = answers[ref.item.id];
    // The plan keeps what was planned: open items, and those followed up since (with their story).
    const date = state.status === 'planned' ? state.date : story && answer?.kind === 'done' ? answer.on : undefined;
    if (date) {
      actionPlan.push({
        sectionId: ref.section.id,
        sectionTitle: section.title,
        number: ref.item.number ?? '',
        itemId: ref.item.id,
        shortText: shortText(localize(ref.item.text, locale)),
        date,
        ...(story ? { story: planStoryText(story, locale) } : {}),
        order: ref.index,
      });
    }
  }

  actionPlan.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  const scope = itemRefs(flow)
    .filter((ref) => !isChecklistItem(ref.section, ref.item))
    .map((ref) => ({
      itemId: ref.item.id,
      question: localize(ref.item.text, locale),
      answer: answers[ref.item.id] ? answerText(locale, ref.item.answer, answers[ref.item.id]) : null,
    }));

  return {
    totals,
    sections: [...bySection.values()],
    compliant: totals.total > 0 && totals.done + totals.na === totals.total,
    actionPlan: actionPlan.map(({ order: _order, ...entry }) => entry),
    scope,
  };
}

function count(counts: StatusCounts, status: ItemStatus): void {
  counts[status] += 1;
  counts.total += 1;
}

/**
 * The item's first sentence when short, else its first line cut to length: enough to recognise the item in
 * a list, with the number pointing to the full text on the form.
 */
export function shortText(text: string, maxLength = SHORT_TEXT_LENGTH): string {
  const sentence = firstSentence(text);
  const chars = [...sentence];
  return chars.length <= maxLength ? sentence : `${chars.slice(0, maxLength - 1).join('')}…`;
}

/** The item's first sentence (or first line), uncut: what the action plan prints, wrapped. */
export function firstSentence(text: string): string {
  const firstLine = text.split('\n')[0]!.trim();
  return /^.*?[。．.](?=\s|$|[^\d])/u.exec(firstLine)?.[0] ?? firstLine;
}
