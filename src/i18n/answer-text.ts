// One line describing an answer or naming an item, shared by every adapter (terminal, Slack).
import { formatKanjiDate, formatSlashDate } from '../dates/japanese-date.ts';
import type { Answer } from '../flow/answer.ts';
import { findItem, type Flow } from '../flow/model.ts';
import type { AnswerSpec } from '../flow/schema.ts';
import { localize, type Locale } from './locale.ts';
import { t } from './messages.ts';

export function formatDate(locale: Locale, iso: string): string {
  return locale === 'ja' ? formatKanjiDate(iso) : formatSlashDate(iso);
}

export function answerText(locale: Locale, spec: AnswerSpec, answer: Answer | undefined): string {
  if (!answer) return t(locale, 'common.status.unanswered');
  switch (answer.kind) {
    case 'done':
      return answer.on ? t(locale, 'common.status.doneOn', { date: formatDate(locale, answer.on) }) : t(locale, 'common.status.done');
    case 'planned':
      return t(locale, 'common.status.plannedWithDate', { date: formatDate(locale, answer.date) });
    case 'na':
      return answer.reason
        ? t(locale, 'common.status.naWithReason', { reason: localize(answer.reason, locale) })
        : t(locale, 'common.status.na');
    case 'yesno':
      return spec.type === 'yesno' ? localize(answer.value ? spec.yes : spec.no, locale) : String(answer.value);
    case 'single':
    case 'multi': {
      const ids = answer.kind === 'single' ? [answer.value] : answer.values;
      const options = spec.type === 'single' || spec.type === 'multi' ? spec.options : [];
      return ids.map((id) => localize(options.find((o) => o.id === id)?.label ?? { ja: id }, locale)).join(locale === 'ja' ? '、' : ', ');
    }
    case 'text':
      return answer.value;
    case 'number':
      // 11,000円 as people write amounts; the unit follows without a space, as on the forms.
      return `${answer.value.toLocaleString(locale === 'en' ? 'en-US' : 'ja-JP')}${spec.type === 'number' && spec.unit ? localize(spec.unit, locale) : ''}`;
    case 'date':
      return formatDate(locale, answer.value);
    case 'grid':
      return gridText(locale, spec, answer.cells);
    case 'blank':
      return t(locale, 'common.blank');
  }
}

function gridText(locale: Locale, spec: AnswerSpec, cells: Extract<Answer, { kind: 'grid' }>['cells']): string {
  if (spec.type !== 'grid') return '';
  const rows = spec.rows.flatMap((row) => {
    const values = spec.columns.flatMap((col) => {
      const v = cells[row.id]?.[col.id];
      if (v === null || v === undefined || v === false || v === '') return [];
      return [v === true ? localize(col.label, locale) : `${localize(col.label, locale)} ${v}`];
    });
    return values.length ? [`${localize(row.label, locale)}: ${values.join(' / ')}`] : [];
  });
  return rows.length ? rows.join('; ') : t(locale, 'common.blank');
}

/** "技術的安全管理対策 3." — how an error message or a review line names an item. */
export function describeItem(flow: Flow, locale: Locale, itemId: string): string {
  const ref = findItem(flow, itemId);
  if (!ref) return itemId;
  return `${localize(ref.section.title, locale)} ${ref.item.number ?? ''}`.trim();
}
