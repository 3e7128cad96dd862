// What the lead commands answer with (ephemeral, where they were typed): the leads, the facilities with
// their respondents, and the start offer that asks a manager with several facilities where they answer.
import type { Facility, FacilityListing } from '../../service/facilities.ts';
import type { Person } from '../../service/roles.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import type { Localized } from '../../flow/schema.ts';
import { ACTION, encodeValue } from '../action-values.ts';
import { LIMITS, actions, button, clip, escapeMrkdwn, sections, type Block, type SlackMessage } from './block-kit.ts';
import { formatDate } from './answer-text.ts';

export const personRef = (p: Pick<Person, 'slackUserId' | 'displayName'>) => (p.slackUserId ? `<@${p.slackUserId}>` : escapeMrkdwn(p.displayName));

export function leadsListMessage(locale: Locale, leads: Person[]): SlackMessage {
  if (leads.length === 0) return text(t(locale, 'leads.list.none'));
  const lines = [t(locale, 'leads.list.title'), ...leads.map((l) => t(locale, 'leads.list.line', { user: personRef(l) }))];
  return { text: mrkdwnFallback(lines.join(' ')), blocks: sections(lines.join('\n')) };
}

export function facilitiesListMessage(locale: Locale, facilities: FacilityListing[], dateOf: (iso: string) => string): SlackMessage {
  if (facilities.length === 0) return text(t(locale, 'facility.list.none'));
  const lines = [
    t(locale, 'facility.list.title'),
    ...facilities.map((f) =>
      f.archivedAt
        ? t(locale, 'facility.list.archivedLine', { name: escapeMrkdwn(f.name), date: formatDate(locale, dateOf(f.archivedAt)) })
        : t(locale, 'facility.list.line', {
            name: escapeMrkdwn(f.name),
            zone: f.timeZone,
            managers: f.managers.length ? f.managers.map(personRef).join('、') : t(locale, 'facility.list.noManagers'),
          }),
    ),
  ];
  return { text: mrkdwnFallback(lines.join(' ')), blocks: sections(lines.join('\n')) };
}

/** The facilities a person can start `flow` at, one button each (at most 25 fit one actions block; 4 blocks). */
export function facilityChoiceMessage(input: {
  locale: Locale;
  flow: { id: string; title: Localized };
  facilities: Facility[];
  inProgressAt: Set<string>;
}): SlackMessage {
  const { locale } = input;
  const prompt = t(locale, 'facility.choose', { title: localize(input.flow.title, locale) });
  const buttons = input.facilities.map((f, i) =>
    button({
      text: input.inProgressAt.has(f.id) ? t(locale, 'facility.inProgressAt', { name: f.name }) : f.name,
      actionId: `${ACTION.startAtPrefix}${i}`,
      value: encodeValue({ f: input.flow.id, fac: f.id }),
    }),
  );
  const blocks: Block[] = [...sections(escapeMrkdwn(prompt))];
  for (let i = 0; i < buttons.length && blocks.length < 45; i += 25) blocks.push(actions(`facility.choice.${i}`, buttons.slice(i, i + 25)));
  return { text: mrkdwnFallback(escapeMrkdwn(prompt)), blocks };
}

/** A message whose text is already mrkdwn (our mentions, user-given names escaped where they were filled in). */
export function text(message: string): SlackMessage {
  return { text: mrkdwnFallback(message), blocks: sections(message) };
}

/** The notification text of a mrkdwn message: one line, clipped; not escaped again (mentions stay mentions). */
function mrkdwnFallback(message: string): string {
  return clip(message.replace(/\s+/g, ' ').trim(), LIMITS.fallbackText);
}
