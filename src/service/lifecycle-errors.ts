// Refusals of the lifecycle service's review and follow-up calls. Each carries a code and the values its
// message needs; `text(locale)` is the sentence for the person (templates/messages, error.*).
import { formatKanjiDate, formatSlashDate } from '../dates/japanese-date.ts';
import type { Locale } from '../i18n/locale.ts';
import { t, type MessageParams } from '../i18n/messages.ts';

export type FollowUpRefusalCode =
  | 'followUp.notPlanned'
  | 'followUp.doneInFuture'
  | 'followUp.reasonRequired'
  | 'followUp.reasonTooLong'
  | 'followUp.sameDate'
  | 'date.invalid'
  | 'date.past'
  | 'date.tooFar';

export type ReviewRefusalCode = 'review.commentRequired' | 'review.commentTooLong' | 'review.unknownItems';

abstract class Refusal<Code extends string> extends Error {
  readonly code: Code;
  readonly params: Record<string, unknown> = {};
  constructor(
    code: Code,
    params: Record<string, unknown> = {},
  ) {
    super('');
    this.code = code;
    this.params = params;
    this.message = this.text('en');
  }

  /** The refusal in the person's language, dates written as they read them. */
  text(locale: Locale): string {
    const params: MessageParams = {};
    for (const [k, v] of Object.entries(this.params)) {
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) params[k] = locale === 'ja' ? formatKanjiDate(v) : formatSlashDate(v);
      else if (typeof v === 'string' || typeof v === 'number') params[k] = v;
      else params[k] = String(v);
    }
    return t(locale, `error.${this.code}`, params);
  }
}

/** A follow-up (実施済 / new 実施時期) that cannot be recorded as asked; nothing was changed. */
export class FollowUpRefusedError extends Refusal<FollowUpRefusalCode> {
  override readonly name = 'FollowUpRefusedError';
}

/** An approval or 差し戻し that cannot be recorded as asked; nothing was changed. */
export class ReviewRefusedError extends Refusal<ReviewRefusalCode> {
  override readonly name = 'ReviewRefusedError';
}
