// The two export columns a re-assessment adds, 前回の回答 and 変化, for every export that lists the
// checklist row by row (CSV here; the XLSX export takes the same cells from this function).
import { compareCycles, type ItemComparison, type PreviousCycle } from '../flow/cycle-comparison.ts';
import type { Answers } from '../flow/answer.ts';
import type { Flow } from '../flow/model.ts';
import type { Localized } from '../flow/schema.ts';
import { changesText, previousAnswerText } from '../i18n/comparison-text.ts';
import { isChecklistItem } from './checklist-rows.ts';
import { localize, type ReportLocale } from './localize.ts';

export const COMPARISON_COLUMNS = {
  previousAnswer: { ja: '前回の回答', en: 'Previous answer' },
  change: { ja: '変化', en: 'Change' },
} satisfies Record<string, Localized>;

export interface ComparisonCells {
  previousAnswer: string;
  change: string;
}

export interface RemovedChecklistItem {
  sectionTitle: string;
  number: string;
  itemId: string;
  text: string;
  cells: ComparisonCells;
}

export interface ComparisonColumns {
  /** Localized column headings, in column order. */
  headers: [string, string];
  /** The cells of a checklist row of this cycle (blank for an id the comparison does not know). */
  cellsFor(itemId: string): ComparisonCells;
  /** Checklist items the previous cycle had and this flow version dropped, to list after the rows (削除). */
  removed: RemovedChecklistItem[];
}

/** The comparison columns of a checklist export; undefined when there is no previous cycle to compare with. */
export function comparisonColumns(
  input: { flow: Flow; answers: Answers; previous?: PreviousCycle | undefined },
  locale: ReportLocale = 'ja',
): ComparisonColumns | undefined {
  if (!input.previous) return undefined;
  const comparison = compareCycles(input.previous, input);
  const cells = (item: ItemComparison): ComparisonCells => ({
    previousAnswer: previousAnswerText(locale, item),
    change: changesText(locale, item),
  });
  const byId = new Map(comparison.items.map((item) => [item.itemId, item]));
  return {
    headers: [localize(COMPARISON_COLUMNS.previousAnswer, locale), localize(COMPARISON_COLUMNS.change, locale)],
    cellsFor(itemId) {
      const item = byId.get(itemId);
      return item ? cells(item) : { previousAnswer: '', change: '' };
    },
    removed: comparison.items
      .filter((item) => item.changes.some((c) => c.kind === 'removed') && isChecklistItem(item.ref.section, item.ref.item))
      .map((item) => ({
        sectionTitle: localize(item.ref.section.title, locale),
        number: item.ref.item.number ?? '',
        itemId: item.itemId,
        text: localize(item.ref.item.text, locale),
        cells: cells(item),
      })),
  };
}
