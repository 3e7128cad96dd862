// A fingerprint of what an item asks, so a later flow version can tell 「文言変更」 (same id, new wording)
// from an unchanged item. Only the Japanese text counts: it is the official wording; adding or fixing an
// English translation does not change what the clinic confirmed.
import { createHash } from 'node:crypto';
import type { ItemDef } from './schema.ts';

const cache = new WeakMap<ItemDef, string>();

/** sha256 (hex) of the item's Japanese text, whitespace at the line ends ignored. */
export function itemTextHash(item: ItemDef): string {
  let hash = cache.get(item);
  if (hash === undefined) {
    const text = item.text.ja
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trim();
    hash = createHash('sha256').update(text).digest('hex');
    cache.set(item, hash);
  }
  return hash;
}
