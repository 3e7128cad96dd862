// The head hash of the assessment's answer history, carried by every report so a printed copy can be
// checked against the database later (`kakunin audit verify --hash …`): the first 16 hex digits in
// every page's footer (enough to find the row; the full 64 do not fit beside the page number) and the
// whole hash in the PDF's keywords.
import type { PDFDocument } from 'pdf-lib';
import type { ReportLocale } from './localize.ts';

/** How many hex digits the footer prints; `audit verify --hash` accepts this many or more. */
export const FOOTER_HASH_DIGITS = 16;

export function historyFooterText(historyHead: string | undefined, locale: ReportLocale): string | undefined {
  if (!historyHead) return undefined;
  return `${locale === 'en' ? 'History' : '履歴'} ${historyHead.slice(0, FOOTER_HASH_DIGITS)}`;
}

export function stampHistoryHead(doc: PDFDocument, historyHead: string | undefined): void {
  if (historyHead) doc.setKeywords([`kakunin-history-head:${historyHead}`]);
}
