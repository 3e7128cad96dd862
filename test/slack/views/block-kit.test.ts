import { expect, test } from 'vitest';
import { chunkBlocks, clip, escapeMrkdwn, splitText } from '../../../src/slack/views/block-kit.ts';

test('text is split at line ends first, then at sentence ends, each piece within the limit', () => {
  expect(splitText('一行目\n二行目', 5)).toEqual(['一行目', '二行目']);
  expect(splitText('あいうえお。かきくけこ。', 8)).toEqual(['あいうえお。', 'かきくけこ。']);
  expect(splitText('a'.repeat(10), 4)).toEqual(['aaaa', 'aaaa', 'aa']);
  expect(splitText('')).toEqual(['']);
});

test('labels are clipped with an ellipsis; mrkdwn specials are escaped', () => {
  expect(clip('あいうえお', 3)).toBe('あい…');
  expect(clip('あい', 3)).toBe('あい');
  expect(escapeMrkdwn('<a> & b')).toBe('&lt;a&gt; &amp; b');
});

test('long block lists continue over messages, each continuation starting with its frame', () => {
  const blocks = Array.from({ length: 120 }, (_, i) => ({ type: 'divider' as const, block_id: String(i) }));
  const chunks = chunkBlocks(blocks, 50, (part, parts) => [{ type: 'divider', block_id: `frame ${part}/${parts}` }]);
  expect(chunks.map((c) => c.length)).toEqual([50, 50, 22]);
  expect(chunks[1]![0]).toEqual({ type: 'divider', block_id: 'frame 2/3' });
  expect(chunks.flat().filter((b) => !String(b.block_id).startsWith('frame'))).toHaveLength(120);
});
