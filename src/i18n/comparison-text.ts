// The words for what changed since the previous cycle, shared by every place that shows a comparison:
// the review (terminal, Slack), the PDF page, the CSV/XLSX columns 前回の回答 and 変化.
import type { Answer } from '../flow/answer.ts';
import type { ItemChange, ItemComparison } from '../flow/cycle-comparison.ts';
import { answerText, formatDate } from './answer-text.ts';
import type { Locale } from './locale.ts';
import { t } from './messages.ts';

export function changeLabel(locale: Locale, change: Pick<ItemChange, 'kind'>): string {
  return t(locale, `comparison.kind.${change.kind}`);
}

/** 「時期変更（2027年3月31日 → 2027年6月30日、3か月後ろ倒し）」: the label with what moved. */
export function changeDetail(locale: Locale, change: ItemChange, previous?: Answer): string {
  const label = changeLabel(locale, change);
  switch (change.kind) {
    case 'improved':
      if (previous?.kind !== 'planned') return label;
      return change.on
        ? t(locale, 'comparison.detail.improvedOn', { label, from: formatDate(locale, previous.date), on: formatDate(locale, change.on) })
        : t(locale, 'comparison.detail.improved', { label, from: formatDate(locale, previous.date) });
    case 'regressed':
      return t(locale, 'comparison.detail.regressed', { label, date: formatDate(locale, change.date) });
    case 'rescheduled': {
      const size = Math.abs(change.months ?? change.days);
      const amount = t(locale, change.months === undefined ? 'comparison.amount.days' : 'comparison.amount.months', { n: size });
      return t(locale, change.days >= 0 ? 'comparison.detail.later' : 'comparison.detail.earlier', {
        label,
        from: formatDate(locale, change.from),
        to: formatDate(locale, change.to),
        amount,
      });
    }
    default:
      return t(locale, 'comparison.detail.plain', { label });
  }
}

/** Every change of an item in one line (the 変化 column); empty when nothing changed. */
export function changesText(locale: Locale, item: Pick<ItemComparison, 'changes' | 'previous'>): string {
  return item.changes.map((c) => changeDetail(locale, c, item.previous)).join(t(locale, 'comparison.separator'));
}

/** The previous cycle's answer in words (the 前回の回答 column); empty for an item new in this version. */
export function previousAnswerText(locale: Locale, item: Pick<ItemComparison, 'previousRef' | 'previous'>): string {
  if (!item.previousRef) return '';
  return answerText(locale, item.previousRef.item.answer, item.previous);
}
