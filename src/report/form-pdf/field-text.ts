// A field's answer as the paper form prints it: every option with ■ (chosen) or □, numbers with their unit,
// dates in 年月日, and details of other fields printed inside it (「実施（実施機関：○○）」). A field without an
// answer (not yet, or ruled out by the skip logic) prints like the blank form: all □, or nothing.
import type { Answer } from '../../flow/answer.ts';
import type { ItemRef } from '../../flow/model.ts';
import type { AnswerSpec, GridCell, Localized } from '../../flow/schema.ts';
import { formatReportDate, localize, type ReportLocale } from '../localize.ts';
import { checkBox } from '../pdf/check-mark.ts';
import type { FormPdfContext } from './context.ts';

/** Another field's answer, already formatted, to print after `option` (or after the value). */
export interface InsideDetail {
  option?: string | undefined;
  text: string;
}

export interface ChoiceOption {
  label: string;
  checked: boolean;
  detail?: string;
}

export function choiceText(ctx: FormPdfContext, options: ChoiceOption[], perLine = false): string {
  return options
    .map((o) => `${checkBox(o.checked)}${o.label}${o.detail ?? ''}`)
    .join(perLine ? '\n' : ctx.template.texts.optionSeparator);
}

export function fieldText(ctx: FormPdfContext, ref: ItemRef, details: InsideDetail[] = []): string {
  const spec = ref.item.answer;
  const answer = ctx.answers[ref.item.id];
  const perLine = ctx.template.items[ref.item.id]?.optionsPerLine ?? false;
  const detailAfter = (option: string | undefined) =>
    details
      .filter((d) => d.option === option)
      .map((d) => d.text)
      .join('');
  const options = choiceOptions(spec);
  if (options) {
    const chosen = chosenOptions(answer);
    return choiceText(
      ctx,
      options.map((o) => ({ label: localize(o.label, ctx.locale), checked: chosen.includes(o.id), detail: detailAfter(o.id) })),
      perLine,
    );
  }
  const value = plainValue(spec, answer, ctx.locale) ?? (spec.type === 'date' ? ctx.text(ctx.template.texts.blankDate) : '');
  return value + detailAfter(undefined);
}

/** The options of a choice field, yes/no included (as `yes` / `no`); undefined for other fields. */
export function choiceOptions(spec: AnswerSpec): { id: string; label: Localized }[] | undefined {
  if (spec.type === 'single' || spec.type === 'multi') return spec.options;
  if (spec.type === 'yesno')
    return [
      { id: 'yes', label: spec.yes },
      { id: 'no', label: spec.no },
    ];
  return undefined;
}

function chosenOptions(answer: Answer | undefined): string[] {
  switch (answer?.kind) {
    case 'single':
      return [answer.value];
    case 'multi':
      return answer.values;
    case 'yesno':
      return [answer.value ? 'yes' : 'no'];
    default:
      return [];
  }
}

/** Text, number (with unit) or date as printed; undefined when there is nothing to print. */
export function plainValue(spec: AnswerSpec, answer: Answer | undefined, locale: ReportLocale): string | undefined {
  switch (answer?.kind) {
    case 'text':
      return answer.value;
    case 'number':
      return formatNumber(answer.value, locale) + (spec.type === 'number' && spec.unit ? localize(spec.unit, locale) : '');
    case 'date':
      return formatReportDate(answer.value, locale);
    default:
      return undefined;
  }
}

/** A grid cell: ■/□ for checks, a number with its unit (a blank one prints the unit alone, like the form). */
export function gridCellText(cell: GridCell, value: number | boolean | string | null | undefined, locale: ReportLocale): string {
  switch (cell.kind) {
    case 'check':
      return checkBox(value === true);
    case 'text':
      return typeof value === 'string' ? value : '';
    case 'number': {
      const unit = cell.unit ? localize(cell.unit, locale) : '';
      return typeof value === 'number' ? formatNumber(value, locale) + unit : unit;
    }
  }
}

export function formatNumber(value: number, locale: ReportLocale): string {
  return value.toLocaleString(locale === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: 2 });
}
