// The review before 提出: counts per section, then every unanswered and every 実施予定 item with a
// button to change it. A long list continues over several messages (50 blocks each); the 提出
// button is always in the last one.
import type { ItemBrief, Prompt } from '../../engine/prompt.ts';
import { findItem, type Flow } from '../../flow/model.ts';
import { engineErrorText } from '../../i18n/engine-error-text.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { reportKindOf } from '../../report/report-kind.ts';
import { ACTION, encodeValue, type ItemStep, type Step } from '../action-values.ts';
import { describeItem, firstLine, formatDate } from './answer-text.ts';
import {
  LIMITS,
  actions,
  button,
  chunkBlocks,
  contexts,
  escapeMrkdwn,
  fallback,
  header,
  plain,
  sections,
  type Block,
  type SlackMessage,
} from './block-kit.ts';
import { tallyText } from '../../i18n/tally-text.ts';
import { comparisonBlocks } from './carry-over-blocks.ts';
import type { ItemComparison } from '../../flow/cycle-comparison.ts';
import type { CarryOver } from '../../engine/carry-over.ts';

type ReviewPrompt = Extract<Prompt, { kind: 'review' }>;

export function reviewMessages(input: {
  flow: Flow;
  prompt: ReviewPrompt;
  step: Step;
  locale: Locale;
  flagged?: string[] | undefined;
  /** Carried over: 未確認 for what is still open, and 提出 always offered (refused, it names them). */
  carried?: Extract<CarryOver, { kind: 'review' }> | undefined;
  /** Any re-assessment: what changed since the previous cycle. */
  comparison?: ItemComparison[] | undefined;
}): SlackMessage[] {
  const { flow, prompt, step, locale } = input;
  const title = t(locale, 'slack.review.title');
  const lines = prompt.tallies
    .filter((tally) => !tally.section.isGates)
    .map((tally) => t(locale, 'slack.review.tallyLine', { title: localize(tally.section.title, locale), tally: tallyText(locale, tally) }));
  const blocks: Block[] = [header(title), ...sections([t(locale, 'slack.review.tallies'), ...lines.map(escapeMrkdwn)].join('\n'))];

  if (input.comparison) blocks.push(...comparisonBlocks(locale, input.comparison));

  let n = 0;
  const itemRow = (item: ItemBrief, label: string, text: string): Block => ({
    type: 'section',
    text: { type: 'mrkdwn', text: escapeMrkdwn(text).slice(0, LIMITS.text) },
    accessory: button({ text: label, actionId: `${ACTION.editPrefix}${n++}`, value: encodeValue({ ...step, i: item.itemId } satisfies ItemStep) }),
  });
  const itemName = (item: ItemBrief) => `${describeItem(flow, locale, item.itemId)} ${firstLine(item.text, locale, 60)}`;

  // A returned assessment: the items the lead flagged come first, each with a button to fix it.
  const flagged = (input.flagged ?? []).flatMap((itemId) => {
    const ref = findItem(flow, itemId);
    return ref ? [{ itemId, sectionTitle: ref.section.title, number: ref.item.number, text: ref.item.text } satisfies ItemBrief] : [];
  });
  if (flagged.length) {
    blocks.push(...sections(t(locale, 'review.flaggedHeading', { count: flagged.length })));
    for (const item of flagged) blocks.push(itemRow(item, t(locale, 'review.fix'), itemName(item)));
  }
  if (prompt.unanswered.length) {
    const heading = input.carried
      ? `*${escapeMrkdwn(t(locale, 'carry.unconfirmedTitle', { count: prompt.unanswered.length }))}*`
      : t(locale, 'slack.review.unanswered', { count: prompt.unanswered.length });
    blocks.push(...sections(heading));
    for (const item of prompt.unanswered) blocks.push(itemRow(item, t(locale, 'slack.review.answer'), itemName(item)));
  }
  if (prompt.planned.length) {
    blocks.push(...sections(t(locale, 'slack.review.planned', { count: prompt.planned.length })));
    for (const item of prompt.planned)
      blocks.push(itemRow(item, t(locale, 'slack.review.change'), t(locale, 'slack.review.plannedLine', { item: itemName(item), date: formatDate(locale, item.date) })));
  }
  if (prompt.error)
    blocks.push(...sections(`:warning: ${escapeMrkdwn(engineErrorText(locale, prompt.error, (id) => describeItem(flow, locale, id)))}`));
  blocks.push(...contexts(t(locale, prompt.canSubmit ? 'slack.review.canSubmit' : 'slack.review.cannotSubmit')));

  const nav = (type: string, text: string, style?: 'primary') =>
    button({ text, actionId: `${ACTION.navPrefix}${type}`, value: encodeValue(step), style });
  const submit = button({
    text: t(locale, 'slack.review.submit'),
    actionId: `${ACTION.navPrefix}SUBMIT`,
    value: encodeValue(step),
    style: 'primary',
    confirm: {
      title: plain(t(locale, 'slack.review.confirmTitle'), 100),
      text: plain(t(locale, 'slack.review.confirmText', { report: t(locale, `common.report.${reportKindOf(flow)}`) }), 300),
      confirm: plain(t(locale, 'slack.review.confirmYes'), 30),
      deny: plain(t(locale, 'slack.review.confirmNo'), 30),
    },
  });
  blocks.push(
    actions(`review.${step.r}`, [
      // A re-assessment offers 提出 regardless: refused, it names the items still to confirm.
      ...(prompt.canSubmit || input.carried ? [submit] : []),
      nav('BACK', t(locale, 'slack.review.backToQuestions')),
      nav('PAUSE', t(locale, 'slack.question.pause')),
    ]),
  );

  const chunks = chunkBlocks(blocks, LIMITS.messageBlocks, (part, parts) => contexts(t(locale, 'slack.review.part', { part, parts })));
  return chunks.map((chunk) => ({ text: fallback(title), blocks: chunk }));
}
