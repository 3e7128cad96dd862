// Turns an engine refusal into a sentence the user can act on, in their language.
import { formatKanjiDate, formatSlashDate } from '../dates/japanese-date.ts';
import type { EngineError } from '../engine/engine-error.ts';
import type { Locale } from './locale.ts';
import { t, type MessageParams } from './messages.ts';

export function engineErrorText(locale: Locale, error: EngineError, describeItem: (itemId: string) => string): string {
  const params: MessageParams = {};
  for (const [key, value] of Object.entries(error.params ?? {})) {
    if (Array.isArray(value)) params[key] = value.map(describeItem).join(locale === 'ja' ? '、' : ', ');
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      params[key] = locale === 'ja' ? formatKanjiDate(value) : formatSlashDate(value);
    else params[key] = value;
  }
  if (typeof error.params?.itemId === 'string') params.item = describeItem(error.params.itemId);
  if (typeof error.params?.items === 'object') params.count = (error.params.items as string[]).length;
  if (error.code === 'confirm.notConfirmable') params.reasonText = t(locale, `error.confirm.reason.${String(error.params?.reason)}`);
  return t(locale, `error.${error.code}`, params);
}
