// 詳細 on a reminder line: the item in full, its 実施時期 and the story of its answer (who changed
// what, when), shown only to the person who asked.
import { formatDate } from '../../i18n/answer-text.ts';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import type { ItemDetails } from '../../scheduler/schedule-service.ts';
import { escapeMrkdwn, fallback, sections, type SlackMessage } from './block-kit.ts';

export function reminderDetailsMessage(details: ItemDetails, locale: Locale): SlackMessage {
  const title = t(locale, 'scheduler.details.title', {
    label: escapeMrkdwn(details.itemLabel),
    facility: escapeMrkdwn(details.facilityName),
    flow: escapeMrkdwn(details.flowTitle),
    text: escapeMrkdwn(details.itemText),
    date: details.plannedDate ? formatDate(locale, details.plannedDate) : '—',
  });
  const day = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: details.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  const history = details.history.map((h) =>
    t(locale, 'scheduler.details.historyLine', {
      at: formatDate(locale, day(h.at)),
      who: escapeMrkdwn(h.who ?? 'kakunin'),
      from: escapeMrkdwn(h.from ?? '—'),
      to: escapeMrkdwn(h.to ?? '—'),
    }),
  );
  const text = [title, '', t(locale, 'scheduler.details.history'), ...history].join('\n');
  return { text: fallback(`${details.itemLabel} ${details.itemText}`), blocks: sections(text) };
}
