// The words of a digest, shared by every adapter: the Slack view lays them out in blocks, the
// console sender and the terminal print them as lines.
import { formatWareki } from '../dates/japanese-date.ts';
import { formatDate } from '../i18n/answer-text.ts';
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import type { Digest, DigestCycle, DigestItem, LeadsFacilitySummary } from './digest.ts';

/** 2027 → 令和9年度 (ja) / fiscal 2027 (en). */
export function fiscalYearLabel(locale: Locale, year: number): string {
  if (locale === 'en') return t(locale, 'scheduler.cycle.fiscal', { year });
  return t(locale, 'scheduler.cycle.fiscal', { year: formatWareki(`${year}-04-01`).replace(/\d+月\d+日$/, '') });
}

export function whenText(locale: Locale, daysLeft: number): string {
  if (daysLeft > 0) return t(locale, 'scheduler.item.daysLeft', { days: daysLeft });
  if (daysLeft === 0) return t(locale, 'scheduler.item.today');
  return t(locale, 'scheduler.item.overdue', { days: -daysLeft });
}

export function itemText(locale: Locale, item: Pick<DigestItem, 'itemLabel' | 'facilityName' | 'itemText' | 'plannedDate' | 'daysLeft'>): string {
  return t(locale, 'scheduler.item.line', {
    label: item.itemLabel,
    facility: item.facilityName,
    text: item.itemText,
    date: formatDate(locale, item.plannedDate),
    when: whenText(locale, item.daysLeft),
  });
}

export function cycleText(locale: Locale, cycle: DigestCycle): string {
  const params = { facility: cycle.facilityName, flow: cycle.flowTitle };
  if (cycle.fiscalYear === undefined && cycle.step === 'open') return t(locale, 'scheduler.cycle.openPlain', params);
  const fiscal = cycle.fiscalYear === undefined ? '' : fiscalYearLabel(locale, cycle.fiscalYear);
  return t(locale, `scheduler.cycle.${cycle.step}`, { ...params, fiscal });
}

/** 「令和9年度の自己点検」, or 「自己点検」 for a cycle counted in months. */
export function cycleName(locale: Locale, fiscalYear: number | undefined): string {
  return fiscalYear === undefined ? t(locale, 'scheduler.cycle.namePlain') : t(locale, 'scheduler.cycle.name', { fiscal: fiscalYearLabel(locale, fiscalYear) });
}

export function leadsFacilityText(locale: Locale, f: LeadsFacilitySummary, maxLines = 5): string {
  const planned = (lines: LeadsFacilitySummary['overdue']) => {
    const shown = lines.slice(0, maxLines).map((l) => t(locale, 'scheduler.leads.planned', { item: l.itemLabel, date: formatDate(locale, l.plannedDate) }));
    if (lines.length > maxLines) shown.push('…');
    return shown.join(locale === 'ja' ? '、' : ', ');
  };
  const rows = [t(locale, 'scheduler.leads.facility', { facility: f.facilityName })];
  if (f.overdue.length) rows.push(t(locale, 'scheduler.leads.overdue', { count: f.overdue.length, lines: planned(f.overdue) }));
  if (f.dueSoon.length) rows.push(t(locale, 'scheduler.leads.dueSoon', { count: f.dueSoon.length, lines: planned(f.dueSoon) }));
  if (f.notStarted.length) rows.push(t(locale, 'scheduler.leads.notStarted', { flows: f.notStarted.join(', ') }));
  if (f.notSubmitted.length) rows.push(t(locale, 'scheduler.leads.notSubmitted', { flows: f.notSubmitted.join(', ') }));
  rows.push(...stoppedLines(locale, f));
  return rows.join('\n');
}

/** One line per stop at a facility: an assessment's follow-up, then the cycles' prompts. */
export function stoppedLines(locale: Locale, f: Pick<LeadsFacilitySummary, 'stopped' | 'stoppedCycles'>): string[] {
  return [
    ...f.stopped.map((s) => t(locale, 'scheduler.leads.stopped', { flow: s.flowTitle, who: s.stoppedBy })),
    ...f.stoppedCycles.map((s) => t(locale, 'scheduler.leads.stoppedCycle', { cycle: cycleName(locale, s.fiscalYear), flow: s.flowTitle, who: s.stoppedBy })),
  ];
}

/** The whole digest as plain lines (the console sender, the CLI's preview). */
export function digestAsText(digest: Digest): string {
  const { locale } = digest;
  const lines = [t(locale, 'scheduler.digest.title', { date: formatDate(locale, digest.localDate) })];
  for (const c of digest.cycles) lines.push(cycleText(locale, c));
  if (digest.items.length) lines.push(t(locale, 'scheduler.digest.itemsHeader', { count: digest.items.length }));
  for (const i of digest.items) lines.push(itemText(locale, i));
  if (digest.leads) {
    lines.push(t(locale, 'scheduler.leads.title'));
    for (const f of digest.leads) lines.push(leadsFacilityText(locale, f));
  }
  return lines.join('\n');
}
