// Slack-only text helpers; answers and item names come from the shared i18n/answer-text.ts.
import type { Localized } from '../../flow/schema.ts';
import { localize, type Locale } from '../../i18n/locale.ts';

export { answerText, describeItem, formatDate } from '../../i18n/answer-text.ts';

/** The first line of an item's text, for one-line mentions (the full text stays in the question). */
export function firstLine(text: Localized, locale: Locale, max = 80): string {
  const line = localize(text, locale).split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A moment each reader sees in their own time zone; the fallback is for clients that cannot. */
export function slackTime(at: Date): string {
  const unix = Math.floor(at.getTime() / 1000);
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${unix}^{date_num} {time}|${fallback}>`;
}

export function mention(slackUserId: string): string {
  return `<@${slackUserId}>`;
}
