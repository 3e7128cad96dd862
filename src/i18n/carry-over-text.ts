// The words of a re-assessment that every adapter shows the same way: the start offer, 「前回: …」 beside an
// item, and the section's list 「No. text — 前回の回答」.
import { fiscalYearOf, formatFiscalYear } from '../dates/fiscal-year.ts';
import type { CarriedItem } from '../engine/carry-over.ts';
import type { AnswerSpec } from '../flow/schema.ts';
import { answerText, formatDate } from './answer-text.ts';
import { localize, type Locale } from './locale.ts';
import { t } from './messages.ts';

/** 「前回（令和7年度・2025年12月1日提出）の回答を引き継いで始める」. */
export function carryOfferText(locale: Locale, submittedOn: string): string {
  return t(locale, 'carry.offer', { fiscalYear: formatFiscalYear(fiscalYearOf(submittedOn), locale), submitted: formatDate(locale, submittedOn) });
}

/** 「前回: 実施予定（2026年3月31日）」, or that the item is new. */
export function previousLine(locale: Locale, spec: AnswerSpec, item: Pick<CarriedItem, 'previous' | 'notConfirmable'>): string {
  if (item.notConfirmable === 'new') return t(locale, 'carry.previousNone');
  return t(locale, 'carry.previous', { answer: answerText(locale, spec, item.previous) });
}

/** The notes an item needs before it is answered: new, reworded, a past 実施予定 date, a 前提-decided 該当なし. */
export function carriedNotes(locale: Locale, item: CarriedItem): string[] {
  const notes: string[] = [];
  if (item.notConfirmable === 'new') notes.push(t(locale, 'carry.new'));
  if (item.reworded) notes.push(t(locale, 'carry.reworded'));
  if (item.notConfirmable === 'gatedOff') notes.push(t(locale, 'carry.gatedOff'));
  if (item.notConfirmable === 'pastPlanned' && item.previous?.kind === 'planned')
    notes.push(t(locale, 'carry.pastPlanned', { date: formatDate(locale, item.previous.date) }));
  return notes;
}

/** One line of a section's list: 「【文言変更】3. 情報システムへのアクセス制限… — 実施済」. */
export function listLine(locale: Locale, spec: AnswerSpec, item: CarriedItem, maxText = 40): string {
  const marks = [
    item.notConfirmable === 'new' ? t(locale, 'carry.listMarkNew') : '',
    item.reworded ? t(locale, 'carry.listMarkReworded') : '',
    item.notConfirmable === 'pastPlanned' ? t(locale, 'carry.listMarkPastPlanned') : '',
  ].join('');
  const text = [...(localize(item.text, locale).split('\n')[0] ?? '')];
  const short = text.length > maxText ? `${text.slice(0, maxText - 1).join('')}…` : text.join('');
  const previous = item.notConfirmable === 'new' ? '—' : answerText(locale, spec, item.previous);
  const confirmed = item.confirmed ? t(locale, 'carry.listConfirmed', { answer: answerText(locale, spec, item.current) }) : '';
  return `${marks}${t(locale, 'carry.listLine', { number: item.number ?? '', text: short, previous }).trim()}${confirmed}`;
}
