// The first message of an assessment: the checklist's title and description, and 始める.
import type { Prompt } from '../../engine/prompt.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { ACTION, encodeValue, type Step } from '../action-values.ts';
import { LIMITS, actions, button, contexts, escapeMrkdwn, fallback, header, sections, type Block, type SlackMessage } from './block-kit.ts';

export function introMessage(input: { prompt: Extract<Prompt, { kind: 'intro' }>; step: Step; locale: Locale }): SlackMessage {
  const { prompt, step, locale } = input;
  const title = localize(prompt.flowTitle, locale);
  // A title longer than a header can hold is repeated in full as text rather than cut.
  const blocks: Block[] = [header(title), ...(title.length > LIMITS.headerText ? sections(`*${escapeMrkdwn(title)}*`) : [])];
  if (prompt.description) blocks.push(...sections(escapeMrkdwn(localize(prompt.description, locale))));
  const checklistSections = prompt.sections.filter((s) => !s.isGates).length;
  blocks.push(...contexts(escapeMrkdwn(t(locale, 'slack.intro.totals', { total: prompt.totalItems, sections: checklistSections }))));
  blocks.push(
    actions(`intro.${step.r}`, [
      button({ text: t(locale, 'slack.intro.start'), actionId: `${ACTION.navPrefix}START`, value: encodeValue(step), style: 'primary' }),
      button({ text: t(locale, 'slack.question.pause'), actionId: `${ACTION.navPrefix}PAUSE`, value: encodeValue(step) }),
    ]),
  );
  return { text: fallback(title), blocks };
}
