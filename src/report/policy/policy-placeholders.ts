// Fills a policy's {placeholders} from the answers. An unanswered one prints as the model's 「○○」, so a gap is
// visible on paper rather than silently empty; an unknown name stays as {name} so the template gets fixed.
import { evaluateCondition } from '../../flow/conditions.ts';
import type { Answers } from '../../flow/answer.ts';
import type { Localized } from '../../flow/schema.ts';
import { formatKanjiDate, formatWareki } from '../../dates/japanese-date.ts';
import { localize, type ReportLocale } from '../localize.ts';
import type { PlaceholderSpec } from './policy-template.ts';

export const UNFILLED = '○○';

export type PlaceholderFiller = (text: Localized) => string;

export function placeholderFiller(specs: Record<string, PlaceholderSpec>, answers: Answers, locale: ReportLocale): PlaceholderFiller {
  const resolved = new Map<string, string>();
  const fill = (text: string, resolving: string[]): string =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => valueOf(name, resolving) ?? whole);

  const valueOf = (name: string, resolving: string[]): string | undefined => {
    const known = resolved.get(name);
    if (known !== undefined) return known;
    const spec = specs[name];
    if (!spec) return undefined;
    if (resolving.includes(name)) throw new Error(`Placeholder {${name}} refers to itself through ${[...resolving, name].join(' → ')}`);
    const value = 'cases' in spec ? fromCases(spec, [...resolving, name]) : fromAnswer(spec);
    resolved.set(name, value);
    return value;
  };

  const fromCases = (spec: Extract<PlaceholderSpec, { cases: unknown }>, resolving: string[]): string => {
    const chosen = spec.cases.find((c) => !c.when || evaluateCondition(c.when, answers));
    return chosen ? fill(localize(chosen.text, locale), resolving) : UNFILLED;
  };

  const fromAnswer = (spec: Extract<PlaceholderSpec, { item: string }>): string => {
    const answer = answers[spec.item];
    switch (answer?.kind) {
      case 'single':
        return spec.options?.[answer.value] ? localize(spec.options[answer.value]!, locale) : answer.value;
      case 'text':
        return answer.value;
      case 'number':
        return String(answer.value);
      case 'date':
        return spec.date === 'kanji' ? formatKanjiDate(answer.value) : formatWareki(answer.value);
      default:
        return UNFILLED;
    }
  };

  return (text) => fill(localize(text, locale), []);
}
