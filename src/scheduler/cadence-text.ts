// A cadence as people type and read it: 年度 (optionally with its opening day, 年度:10-01), 6か月
// (every N months after the last submission), なし — or fiscal / 6m / none in English.
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import type { Cadence } from './cycle-plan.ts';

const toHalfWidth = (s: string) => s.replace(/[０-９：]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export function parseCadence(text: string, defaultFiscalStart: string): Cadence | undefined {
  const s = toHalfWidth(text.trim()).toLowerCase();
  if (s === 'なし' || s === 'none' || s === 'off') return { cadence: 'none' };
  const fiscal = /^(年度|fiscal)(?::((0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])))?$/.exec(s);
  if (fiscal) return { cadence: 'fiscal_year', fiscalYearStart: fiscal[2] ?? defaultFiscalStart };
  const months = /^(\d{1,3})(か月|ヶ月|カ月|ケ月|m|months?)$/.exec(s) ?? /^months:(\d{1,3})$/.exec(s);
  if (months) {
    const n = Number(months[1]);
    return n >= 1 && n <= 120 ? { cadence: 'months', everyMonths: n } : undefined;
  }
  return undefined;
}

export function cadenceText(locale: Locale, cadence: Cadence): string {
  switch (cadence.cadence) {
    case 'none':
      return t(locale, 'scheduler.cadence.none');
    case 'months':
      return t(locale, 'scheduler.cadence.months', { months: cadence.everyMonths });
    case 'fiscal_year': {
      const [m, d] = cadence.fiscalYearStart.split('-').map(Number);
      return t(locale, 'scheduler.cadence.fiscal', { month: m!, day: d! });
    }
  }
}
