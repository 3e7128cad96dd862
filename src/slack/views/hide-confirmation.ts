// Shown when a gate answer would hide items already answered: how many (and which), kept and restored if the
// gate opens again, with 「変更する」 (the same answer, confirmed) and 「やめる」 (back to the question as it was).
import type { EngineError } from '../../engine/engine-error.ts';
import type { Interaction } from '../../engine/events.ts';
import type { Flow } from '../../flow/model.ts';
import { engineErrorText } from '../../i18n/engine-error-text.ts';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { ACTION, encodeValue, type ConfirmHideStep, type Step } from '../action-values.ts';
import { describeItem } from './answer-text.ts';
import { actions, button, escapeMrkdwn, fallback, sections, type SlackMessage } from './block-kit.ts';

export function hideConfirmationMessage(input: {
  flow: Flow;
  step: Step;
  interaction: Extract<Interaction, { type: 'ANSWER' | 'REVISE' }>;
  error: EngineError;
  locale: Locale;
}): SlackMessage {
  const { flow, step, interaction, error, locale } = input;
  const text = engineErrorText(locale, error, (id) => describeItem(flow, locale, id));
  const confirm: ConfirmHideStep = {
    a: step.a,
    r: step.r,
    i: interaction.itemId,
    v: interaction.answer,
    ...(interaction.type === 'ANSWER' ? { q: 1 as const } : {}),
  };
  return {
    text: fallback(text),
    blocks: [
      ...sections(`:warning: ${escapeMrkdwn(text)}`),
      actions(`hide.${step.r}`, [
        button({ text: t(locale, 'slack.hide.confirm'), actionId: ACTION.confirmHide, value: encodeValue(confirm), style: 'danger' }),
        button({ text: t(locale, 'slack.hide.cancel'), actionId: ACTION.resume, value: encodeValue({ a: step.a }) }),
      ]),
    ],
  };
}
