// The answer words of the checklist, as the form and the CSV print them.
import type { Localized } from '../flow/schema.ts';
import type { ItemStatus } from './checklist-rows.ts';
import { localize, type ReportLocale } from './localize.ts';

const STATUS_LABELS: Record<ItemStatus, Localized> = {
  done: { ja: '実施済', en: 'Done' },
  planned: { ja: '実施予定', en: 'Planned' },
  na: { ja: '該当なし', en: 'Not applicable' },
  unanswered: { ja: '未回答', en: 'Not answered' },
};

export function statusLabel(status: ItemStatus, locale: ReportLocale): string {
  return localize(STATUS_LABELS[status], locale);
}
