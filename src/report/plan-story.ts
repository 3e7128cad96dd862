// The story of a 実施予定 item after 提出: its first 実施時期, then each follow-up (done on a day, or a new
// 実施時期 with its reason). Reports print it beside the item's current state, e.g.
// 「実施予定 2027年3月31日 → 実施済 2027年2月10日」.
import { formatKanjiDate, formatSlashDate } from '../dates/japanese-date.ts';
import type { Locale } from '../i18n/locale.ts';

export type PlanStep =
  | { kind: 'planned'; date: string }
  | { kind: 'done'; date: string }
  | { kind: 'rescheduled'; date: string; reason: string };

/** By item id; only items that were followed up. */
export type PlanStories = Record<string, PlanStep[]>;

/**
 * 「実施予定 2027年3月31日 → 実施済 2027年2月10日」; with a new 実施時期 the story opens with
 * 「実施時期変更 2027年3月31日 → 2027年6月30日（理由: 業者の納期）」 and goes on from there.
 */
export function planStoryText(steps: readonly PlanStep[], locale: Locale): string {
  const ja = locale === 'ja';
  const date = (iso: string) => (ja ? formatKanjiDate(iso) : formatSlashDate(iso));
  const [first, ...rest] = steps;
  if (!first) return '';
  const rescheduled = rest.some((s) => s.kind === 'rescheduled');
  const parts = [`${rescheduled ? (ja ? '実施時期変更' : 'rescheduled') : ja ? '実施予定' : 'planned'} ${date(first.date)}`];
  for (const step of rest) {
    if (step.kind === 'done') parts.push(`${ja ? '実施済' : 'done'} ${date(step.date)}`);
    else if (step.kind === 'rescheduled') parts.push(`${date(step.date)}${ja ? `（理由: ${step.reason}）` : ` (reason: ${step.reason})`}`);
    else parts.push(`${ja ? '実施予定' : 'planned'} ${date(step.date)}`);
  }
  return parts.join(' → ');
}
