// After 提出: the totals, and the promise that the PDF follows in this DM.
import type { Prompt } from '../../engine/prompt.ts';
import type { Flow } from '../../flow/model.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { reportKindOf } from '../../report/report-kind.ts';
import { contexts, escapeMrkdwn, fallback, sections, type SlackMessage } from './block-kit.ts';
import { sumTallies, tallyText } from '../../i18n/tally-text.ts';

export function submittedMessage(input: { flow: Flow; prompt: Extract<Prompt, { kind: 'submitted' }>; locale: Locale }): SlackMessage {
  const { flow, prompt, locale } = input;
  const text = t(locale, 'slack.submitted.text', { title: localize(flow.title, locale), report: t(locale, `common.report.${reportKindOf(flow)}`) });
  const totals = sumTallies(prompt.tallies.filter((tally) => !tally.section.isGates));
  return { text: fallback(text), blocks: [...sections(escapeMrkdwn(text)), ...contexts(escapeMrkdwn(tallyText(locale, totals)))] };
}
