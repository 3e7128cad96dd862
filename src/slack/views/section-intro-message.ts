// Between sections: the summary of the section just finished (under the record of the answer that
// finished it, or a message of its own before a re-assessment's section step), then the next section's
// title and its introduction — with its first question, or (re-assessment carrying answers over) with 始める.
import type { Prompt, SectionBrief, SectionStart } from '../../engine/prompt.ts';
import { tallyText } from '../../i18n/tally-text.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { ACTION, encodeValue, type Step } from '../action-values.ts';
import { actions, button, contexts, escapeMrkdwn, fallback, header, sections, type Block, type SlackMessage } from './block-kit.ts';
import { progressBar } from './progress.ts';
import { carriedSectionBlocks } from './carry-over-blocks.ts';
import type { CarriedSection } from '../../engine/carry-over.ts';
import type { Flow } from '../../flow/model.ts';

/**
 * The tally of the section before `start` (「『組織的安全管理対策』が終わりました — 実施済 5・…」); none after
 * the 前提 (gates). Its blocks close the record of the answer that finished the section; as a message of
 * its own it stays in the DM when the message after it is closed.
 */
export function sectionFinishedMessage(locale: Locale, start: SectionStart): SlackMessage | undefined {
  const previous = start.previous;
  if (!previous || previous.section.isGates) return undefined;
  const summary = t(locale, 'slack.section.finished', { title: localize(previous.section.title, locale), tally: tallyText(locale, previous) });
  return { text: fallback(summary), blocks: sections(`:checkered_flag: ${escapeMrkdwn(summary)}`) };
}

/** A section's title with the number of its questions, then its introduction. */
export function sectionHeadingBlocks(locale: Locale, section: SectionBrief, start: SectionStart): Block[] {
  const title = localize(section.title, locale);
  const blocks: Block[] = [header(t(locale, 'slack.section.title', { title, count: start.itemCount }))];
  if (start.intro) blocks.push(...sections(escapeMrkdwn(localize(start.intro, locale))));
  return blocks;
}

/**
 * In a re-assessment carrying answers over, a section starts with a step of its own: the summary of the
 * section just finished, then this message (the carried answers, with their buttons), closed once started.
 */
export function sectionIntroMessages(input: {
  prompt: Extract<Prompt, { kind: 'section-intro' }>;
  step: Step;
  locale: Locale;
  /** In a re-assessment: the section's items with last time's answers, in this same message. */
  carried?: { flow: Flow; section: CarriedSection } | undefined;
}): SlackMessage[] {
  const { prompt, step, locale } = input;
  const finished = sectionFinishedMessage(locale, prompt);
  const messages: SlackMessage[] = finished ? [finished] : [];
  const title = localize(prompt.section.title, locale);
  const blocks: Block[] = sectionHeadingBlocks(locale, prompt.section, prompt);
  if (!prompt.section.isGates)
    blocks.push(...contexts(`${progressBar(prompt.progress.answered, prompt.progress.overall.total)}\u3000${prompt.progress.answered}/${prompt.progress.overall.total}`));
  const carried = input.carried ? carriedSectionBlocks(input.carried.flow, locale, step, input.carried.section) : undefined;
  if (carried) blocks.push(...carried.list);
  const bulk = carried?.buttons ?? [];
  blocks.push(
    actions(`section.${step.r}`, [
      ...bulk,
      button({
        text: t(locale, bulk.length > 0 ? 'carry.itemByItem' : 'slack.section.start'),
        actionId: `${ACTION.navPrefix}CONTINUE`,
        value: encodeValue(step),
        ...(bulk.length > 0 ? {} : { style: 'primary' as const }),
      }),
      button({ text: t(locale, 'slack.question.back'), actionId: `${ACTION.navPrefix}BACK`, value: encodeValue(step) }),
      button({ text: t(locale, 'slack.question.pause'), actionId: `${ACTION.navPrefix}PAUSE`, value: encodeValue(step) }),
    ]),
  );
  messages.push({ text: fallback(title), blocks });
  return messages;
}
