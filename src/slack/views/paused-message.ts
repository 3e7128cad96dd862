// Shown in place of the message whose 後で続ける was pressed; 再開する picks up where it stopped.
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { ACTION, encodeValue, type Step } from '../action-values.ts';
import { actions, button, fallback, sections, type SlackMessage } from './block-kit.ts';

export function pausedMessage(input: { step: Step; locale: Locale }): SlackMessage {
  const { step, locale } = input;
  const text = t(locale, 'slack.paused.text');
  return {
    text: fallback(text),
    blocks: [
      ...sections(`:double_vertical_bar: ${text}`),
      actions(`paused.${step.r}`, [
        button({ text: t(locale, 'slack.paused.resume'), actionId: `${ACTION.navPrefix}RESUME`, value: encodeValue(step), style: 'primary' }),
      ]),
    ],
  };
}
