// What a message becomes once it has been acted on: a compact record (what, who, when) with no live
// buttons, so the DM reads as a log of the assessment and old buttons cannot be clicked by mistake.
import type { Answer } from '../../flow/answer.ts';
import { findItem, type Flow } from '../../flow/model.ts';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { answerText, firstLine, mention, slackTime } from './answer-text.ts';
import { contexts, escapeMrkdwn, fallback, sections, type SlackMessage } from './block-kit.ts';

export interface Actor {
  slackUserId: string;
  at: Date;
}

const KIND_MARK: Partial<Record<Answer['kind'], string>> = {
  done: ':white_check_mark:',
  planned: ':spiral_calendar_pad:',
  na: ':heavy_minus_sign:',
};

function who(locale: Locale, actor: Actor): string {
  return t(locale, 'slack.who', { user: mention(actor.slackUserId), when: slackTime(actor.at) });
}

export function answeredRecord(input: { flow: Flow; itemId: string; answer: Answer; locale: Locale; actor: Actor }): SlackMessage {
  const { flow, itemId, answer, locale, actor } = input;
  const ref = findItem(flow, itemId);
  const title = ref ? `${ref.item.number ? `*${escapeMrkdwn(ref.item.number)}* ` : ''}${escapeMrkdwn(firstLine(ref.item.text, locale, 120))}` : itemId;
  const what = ref ? answerText(locale, ref.item.answer, answer) : answer.kind;
  const mark = KIND_MARK[answer.kind] ?? ':pencil2:';
  return {
    text: fallback(`${what} — ${ref ? firstLine(ref.item.text, locale) : itemId}`),
    blocks: [...sections(title), ...contexts(`${mark} *${escapeMrkdwn(t(locale, 'slack.record.answered', { answer: what }))}*・${who(locale, actor)}`)],
  };
}

/** A closed navigation step (started, went back, paused…): one grey line. */
export function noteRecord(input: { text: string; locale: Locale; actor: Actor }): SlackMessage {
  return {
    text: fallback(input.text),
    blocks: contexts(`${escapeMrkdwn(input.text)}・${who(input.locale, input.actor)}`),
  };
}

/** 変更なし: the carried answer confirmed as this cycle's answer. */
export function confirmedRecord(input: { flow: Flow; itemId: string; answer: Answer | undefined; locale: Locale; actor: Actor }): SlackMessage {
  const { flow, itemId, answer, locale, actor } = input;
  const ref = findItem(flow, itemId);
  const title = ref ? `${ref.item.number ? `*${escapeMrkdwn(ref.item.number)}* ` : ''}${escapeMrkdwn(firstLine(ref.item.text, locale, 120))}` : itemId;
  const what = t(locale, 'carry.confirmedRecord', { answer: ref ? answerText(locale, ref.item.answer, answer) : (answer?.kind ?? '') });
  return {
    text: fallback(`${what} — ${ref ? firstLine(ref.item.text, locale) : itemId}`),
    blocks: [...sections(title), ...contexts(`:ballot_box_with_check: *${escapeMrkdwn(what)}*・${who(locale, actor)}`)],
  };
}
