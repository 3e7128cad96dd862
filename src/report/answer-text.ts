// Any answer as the words a reader expects (有/無 labels, option labels, dates), for listing the 前提
// (scope) answers that are not checklist rows.
import type { Answer } from '../flow/answer.ts';
import type { ItemDef } from '../flow/schema.ts';
import { statusLabel } from './status-labels.ts';
import { formatReportDate, localize, type ReportLocale } from './localize.ts';

/** `undefined` when there is no answer to show. */
export function answerText(item: ItemDef, answer: Answer | undefined, locale: ReportLocale): string | undefined {
  if (!answer) return undefined;
  const spec = item.answer;
  const optionLabel = (id: string) =>
    spec.type === 'single' || spec.type === 'multi'
      ? localize(spec.options.find((o) => o.id === id)?.label ?? { ja: id }, locale)
      : id;
  switch (answer.kind) {
    case 'done':
    case 'na':
      return statusLabel(answer.kind, locale);
    case 'planned':
      return `${statusLabel('planned', locale)} (${formatReportDate(answer.date, locale)})`;
    case 'yesno':
      if (spec.type === 'yesno') return localize(answer.value ? spec.yes : spec.no, locale);
      return answer.value ? (locale === 'en' ? 'Yes' : 'はい') : locale === 'en' ? 'No' : 'いいえ';
    case 'single':
      return optionLabel(answer.value);
    case 'multi':
      return answer.values.map(optionLabel).join(locale === 'en' ? ', ' : '、');
    case 'text':
      return answer.value;
    case 'number': {
      const unit = spec.type === 'number' && spec.unit ? localize(spec.unit, locale) : '';
      return `${answer.value.toLocaleString(locale === 'en' ? 'en-US' : 'ja-JP')}${unit}`;
    }
    case 'date':
      return formatReportDate(answer.value, locale);
    case 'grid':
      return locale === 'en' ? '(table)' : '（表形式の回答）';
    case 'blank':
      return undefined;
  }
}
