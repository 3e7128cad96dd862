// What a re-assessment adds to the DM: the offer to start from last cycle's answers, 「前回: …」 and 変更なし on
// a question, each section's list 「No. text — 前回の回答」 with 「この分野はすべて変更なし」, and the comparison on
// the review. Pure Block Kit builders.
import type { CarriedSection, CarryOver } from '../../engine/carry-over.ts';
import type { ItemComparison } from '../../flow/cycle-comparison.ts';
import { findItem, type Flow } from '../../flow/model.ts';
import type { AnswerSpec, Localized } from '../../flow/schema.ts';
import { carriedNotes, carryOfferText, listLine, previousLine } from '../../i18n/carry-over-text.ts';
import { changesText } from '../../i18n/comparison-text.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import type { PreviousCycleOffer } from '../../service/reassessment-service.ts';
import { ACTION, encodeValue, type ItemStep, type SectionStep, type Step } from '../action-values.ts';
import { formatDate } from './answer-text.ts';
import { actions, button, contexts, escapeMrkdwn, fallback, sections, type Block, type Button, type SlackMessage } from './block-kit.ts';

/** 「前回（令和7年度・2025年12月1日提出）の回答を引き継いで始める」 / 「白紙から始める」. */
export function carryOfferMessage(input: { flow: { id: string; title: Localized }; offer: PreviousCycleOffer; locale: Locale; facilityId?: string }): SlackMessage {
  const { flow, offer, locale } = input;
  const choice = { f: flow.id, ...(input.facilityId ? { fac: input.facilityId } : {}) };
  const note = t(locale, 'carry.offerNote', { submitted: formatDate(locale, offer.submittedOn) });
  return {
    text: fallback(`${localize(flow.title, locale)} — ${note}`),
    blocks: [
      ...sections(`*${escapeMrkdwn(localize(flow.title, locale))}*\n${escapeMrkdwn(note)}`),
      actions(`carry.${flow.id}`, [
        button({ text: carryOfferText(locale, offer.submittedOn), actionId: ACTION.startCarried, value: encodeValue(choice), style: 'primary' }),
        button({ text: t(locale, 'carry.blank'), actionId: ACTION.startBlank, value: encodeValue(choice) }),
      ]),
    ],
  };
}

/** Under the item's text: what is new or reworded, a past 実施予定's question, and 「前回: …」. */
export function carriedQuestionBlocks(locale: Locale, spec: AnswerSpec, carried: Extract<CarryOver, { kind: 'question' }>): Block[] {
  return [
    ...carriedNotes(locale, carried.item).flatMap((note) => sections(`*${escapeMrkdwn(note)}*`)),
    ...contexts(
      `*${escapeMrkdwn(previousLine(locale, spec, carried.item))}*\u3000${escapeMrkdwn(t(locale, 'carry.progress', { confirmed: carried.confirmed, total: carried.total }))}`,
    ),
  ];
}

/** 変更なし, first among the answer buttons, when last time's answer can stand as it is. */
export function unchangedButton(locale: Locale, step: Step, carried: Extract<CarryOver, { kind: 'question' }> | undefined): Button[] {
  if (!carried?.item.confirmable) return [];
  const value: ItemStep = { ...step, i: carried.item.itemId };
  return [button({ text: t(locale, 'carry.unchanged'), actionId: ACTION.confirmCarried, value: encodeValue(value), style: 'primary' })];
}

/**
 * The section's items with last time's answers, all in this one message; only then is 「この分野はすべて変更なし」
 * offered (with the step this list was shown on, so an older list cannot confirm a changed section).
 */
export function carriedSectionBlocks(flow: Flow, locale: Locale, step: Step, section: CarriedSection): { list: Block[]; buttons: Button[] } {
  const lines = section.items.map((item) => `• ${escapeMrkdwn(listLine(locale, findItem(flow, item.itemId)!.item.answer, item, 60))}`);
  const list: Block[] = [...sections([`*${escapeMrkdwn(t(locale, 'carry.listTitle', { count: section.items.length }))}*`, ...lines].join('\n'))];
  const isGates = flow.sections.find((s) => s.id === section.sectionId)?.kind === 'gates';
  if (!section.canConfirmAll) {
    if (!isGates && section.items.some((i) => !i.confirmed)) list.push(...contexts(escapeMrkdwn(t(locale, 'carry.cannotConfirmAll'))));
    return { list, buttons: [] };
  }
  const value: SectionStep = { ...step, s: section.sectionId };
  return {
    list,
    buttons: [button({ text: t(locale, 'carry.confirmAll'), actionId: ACTION.confirmSection, value: encodeValue(value), style: 'primary' })],
  };
}

/** On the review of a re-assessment (carried over or blank): what changed since last time, item by item. */
export function comparisonBlocks(locale: Locale, changes: ItemComparison[], maxLines = Infinity): Block[] {
  if (changes.length === 0) return sections(escapeMrkdwn(t(locale, 'carry.noChanges')));
  const lines = changes.slice(0, maxLines).map((c) => {
    const text = localize(c.ref.item.text, locale).split('\n')[0] ?? '';
    const short = [...text].length > 40 ? `${[...text].slice(0, 39).join('')}…` : text;
    return `• ${escapeMrkdwn(`${localize(c.ref.section.title, locale)} ${c.ref.item.number ?? ''} ${short}`)} — *${escapeMrkdwn(changesText(locale, c))}*`;
  });
  if (changes.length > lines.length) lines.push(t(locale, 'review.request.more', { n: changes.length - lines.length }));
  return sections([`*${escapeMrkdwn(t(locale, 'carry.changesTitle', { count: changes.length }))}*`, ...lines].join('\n'));
}
