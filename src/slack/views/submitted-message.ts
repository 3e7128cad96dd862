// After 提出: the totals, and the promise that the PDF follows in this DM.
import type { Prompt } from '../../engine/prompt.ts';
import type { Flow } from '../../flow/model.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { contexts, escapeMrkdwn, fallback, sections, type SlackMessage } from './block-kit.ts';
import { tallyText } from './section-intro-message.ts';

export function submittedMessage(input: { flow: Flow; prompt: Extract<Prompt, { kind: 'submitted' }>; locale: Locale }): SlackMessage {
  const { flow, prompt, locale } = input;
  const text = t(locale, 'slack.submitted.text', { title: localize(flow.title, locale) });
  const totals = { done: 0, planned: 0, notApplicable: 0, unanswered: 0 };
  for (const x of prompt.tallies.filter((tally) => !tally.section.isGates)) {
    totals.done += x.done;
    totals.planned += x.planned;
    totals.notApplicable += x.notApplicable;
    totals.unanswered += x.unanswered;
  }
  return { text: fallback(text), blocks: [...sections(escapeMrkdwn(text)), ...contexts(escapeMrkdwn(tallyText(locale, totals)))] };
}
