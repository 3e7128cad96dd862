// What the user should see next, in channel-neutral terms. Adapters (Slack, terminal) only render it.
import type { Answer, Answers } from '../flow/answer.ts';
import { checklistRefs, itemNotes, itemRefs, type Flow, type ItemRef } from '../flow/model.ts';
import type { AnswerSpec, Localized, Note } from '../flow/schema.ts';
import type { EngineError } from './engine-error.ts';
import type { EngineContext, StepState } from './machine.ts';
import { isApplicable, isFirstOfSection, unansweredItems } from './navigation.ts';

export interface Progress {
  /** 1-based position of the question within its section, and the section's applicable size. */
  inSection: { position: number; total: number };
  /** 1-based position among the flow's checklist items (gate questions excluded), and their number. */
  overall: { position: number; total: number };
  answered: number;
}

export interface SectionBrief {
  id: string;
  title: Localized;
  index: number;
  count: number;
  isGates: boolean;
}

export interface ItemBrief {
  itemId: string;
  sectionTitle: Localized;
  number?: string | undefined;
  text: Localized;
}

export interface SectionTally {
  section: SectionBrief;
  /** True for checklist sections (実施済/実施予定/該当なし); form sections are counted as answered of applicable. */
  byStatus: boolean;
  done: number;
  planned: number;
  notApplicable: number;
  answered: number;
  unanswered: number;
  total: number;
}

/** What opens a section: its introduction, how many questions it asks, and how the one before it ended. */
export interface SectionStart {
  intro?: Localized | undefined;
  /** The section's items the skip logic leaves in. */
  itemCount: number;
  /** The section answered just before this one, when there is one. */
  previous?: SectionTally | undefined;
}

export interface QuestionPrompt {
  kind: 'question';
  section: SectionBrief;
  /** The section's first question, when its introduction is not a step of its own: shown with it. */
  sectionStart?: SectionStart | undefined;
  item: {
    id: string;
    number?: string | undefined;
    text: Localized;
    help?: Localized | undefined;
    notes: Note[];
    answer: AnswerSpec;
    required: boolean;
  };
  current?: Answer | undefined;
  progress: Progress;
  /** Answering from the review returns there. */
  editing: boolean;
  canGoBack: boolean;
}

export type Prompt = (
  | { kind: 'intro'; flowTitle: Localized; description?: Localized | undefined; totalItems: number; sections: SectionBrief[] }
  | ({ kind: 'section-intro'; section: SectionBrief; progress: Progress } & SectionStart)
  | QuestionPrompt
  | {
      kind: 'review';
      tallies: SectionTally[];
      unanswered: ItemBrief[];
      planned: (ItemBrief & { date: string })[];
      /** Every item still in the flow (gates excluded), in order, with its answer: what a form's review lists. */
      items: (ItemBrief & { answer?: Answer | undefined })[];
      /** Whether the flow is answered by status (a checklist) rather than field by field (a form). */
      byStatus: boolean;
      canSubmit: boolean;
    }
  | { kind: 'paused'; resumeTo: StepState }
  | { kind: 'submitted'; tallies: SectionTally[] }
) & { error?: EngineError | undefined };

/** State value as stored by XState: a string for our flat machine. */
export function promptFor(flow: Flow, state: string, context: EngineContext): Prompt {
  const error = context.error ?? undefined;
  const refs = itemRefs(flow);
  switch (state) {
    case 'intro':
      return {
        kind: 'intro',
        flowTitle: flow.title,
        description: flow.description,
        totalItems: checklistRefs(flow).length,
        sections: flow.sections.map((_, i) => sectionBrief(flow, i)),
        error,
      };
    case 'sectionIntro': {
      const ref = refs[context.position]!;
      return {
        kind: 'section-intro',
        section: sectionBrief(flow, ref.sectionIndex),
        ...sectionStartOf(flow, ref, context.answers),
        progress: progressOf(flow, ref, context.answers),
        error,
      };
    }
    case 'question':
    case 'editing': {
      const ref = refs[context.position]!;
      const opensSection = state === 'question' && !context.sectionIntroStep && isFirstOfSection(flow, context.answers, ref.index);
      return {
        kind: 'question',
        section: sectionBrief(flow, ref.sectionIndex),
        ...(opensSection ? { sectionStart: sectionStartOf(flow, ref, context.answers) } : {}),
        item: {
          id: ref.item.id,
          number: ref.item.number,
          text: ref.item.text,
          help: ref.item.help,
          notes: itemNotes(ref.section, ref.item),
          answer: ref.item.answer,
          required: ref.item.required,
        },
        current: context.answers[ref.item.id],
        progress: progressOf(flow, ref, context.answers),
        editing: state === 'editing',
        canGoBack: true,
        error,
      };
    }
    case 'review':
      return {
        kind: 'review',
        tallies: flow.sections.map((_, i) => tallySection(flow, i, context.answers)),
        unanswered: unansweredItems(flow, context.answers).map(brief),
        planned: plannedItems(flow, context.answers),
        items: checklistRefs(flow)
          .filter((ref) => isApplicable(ref, context.answers))
          .map((ref) => ({ ...brief(ref), answer: context.answers[ref.item.id] })),
        byStatus: answeredByStatus(flow),
        canSubmit: unansweredItems(flow, context.answers).length === 0,
        error,
      };
    case 'paused':
      return { kind: 'paused', resumeTo: context.resumeTo, error };
    case 'submitted':
      return { kind: 'submitted', tallies: flow.sections.map((_, i) => tallySection(flow, i, context.answers)), error };
    default:
      throw new Error(`promptFor: unexpected engine state "${state}"`);
  }
}

function sectionBrief(flow: Flow, index: number): SectionBrief {
  const section = flow.sections[index]!;
  return { id: section.id, title: section.title, index, count: flow.sections.length, isGates: section.kind === 'gates' };
}

export function brief(ref: ItemRef): ItemBrief {
  return { itemId: ref.item.id, sectionTitle: ref.section.title, number: ref.item.number, text: ref.item.text };
}

function progressOf(flow: Flow, ref: ItemRef, answers: Answers): Progress {
  const inSection = ref.section.items
    .map((item) => ({ section: ref.section, item }))
    .filter((r) => isApplicable(r, answers));
  const checklist = checklistRefs(flow);
  const overallIndex = checklist.findIndex((r) => r.index === ref.index);
  return {
    inSection: { position: inSection.findIndex((r) => r.item.id === ref.item.id) + 1, total: inSection.length },
    overall: { position: overallIndex + 1, total: checklist.length },
    answered: checklist.filter((r) => answers[r.item.id] !== undefined).length,
  };
}

function sectionStartOf(flow: Flow, ref: ItemRef, answers: Answers): SectionStart {
  const previousIndex = previousSectionIndex(flow, answers, ref);
  return {
    intro: ref.section.intro,
    itemCount: ref.section.items.filter((item) => isApplicable({ section: ref.section, item }, answers)).length,
    previous: previousIndex === undefined ? undefined : tallySection(flow, previousIndex, answers),
  };
}

function previousSectionIndex(flow: Flow, answers: Answers, ref: ItemRef): number | undefined {
  for (let i = ref.index - 1; i >= 0; i--) {
    const r = itemRefs(flow)[i]!;
    if (r.sectionIndex !== ref.sectionIndex && isApplicable(r, answers)) return r.sectionIndex;
  }
  return undefined;
}

/** A checklist: its questions are answered 実施済/実施予定/該当なし. */
function answeredByStatus(flow: Flow): boolean {
  return checklistRefs(flow).some((ref) => ref.item.answer.type === 'status');
}

export function tallySection(flow: Flow, index: number, answers: Answers): SectionTally {
  const section = flow.sections[index]!;
  const byStatus = section.items.some((item) => item.answer.type === 'status');
  const tally: SectionTally = { section: sectionBrief(flow, index), byStatus, done: 0, planned: 0, notApplicable: 0, answered: 0, unanswered: 0, total: section.items.length };
  for (const item of section.items) {
    const a = answers[item.id];
    if (!a) {
      tally.unanswered++;
      continue;
    }
    tally.answered++;
    if (a.kind === 'done') tally.done++;
    else if (a.kind === 'planned') tally.planned++;
    else if (a.kind === 'na') tally.notApplicable++;
  }
  return tally;
}

function plannedItems(flow: Flow, answers: Answers): (ItemBrief & { date: string })[] {
  return itemRefs(flow)
    .flatMap((ref) => {
      const a = answers[ref.item.id];
      return a?.kind === 'planned' ? [{ ...brief(ref), date: a.date }] : [];
    })
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
