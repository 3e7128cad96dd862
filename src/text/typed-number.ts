// Numbers as people type them into a form: 11000, 11,000, １１，０００, 27500円, 3人.
import { toHalfWidth } from './half-width.ts';

/** Thousands separators and a trailing unit are dropped; undefined when what is left is not a number. */
export function readTypedNumber(raw: string): number | undefined {
  const s = toHalfWidth(raw)
    .trim()
    .replace(/(?<=\d),(?=\d{3}(?:\D|$))/g, '')
    .replace(/\s*(?:円|人|名|件|か所|ヶ所|箇所|回|日|時間|%)$/u, '');
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}
