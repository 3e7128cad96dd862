// How long Japanese texts wrap inside a table cell.
import { describe, expect, test } from 'vitest';
import { wrapText } from '../../src/report/pdf/text-wrap.ts';

// Full-width characters are 1 wide, everything else ½: close enough to the real font for line breaking.
const widthOf = (text: string) => [...text].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0);
const wrap = (text: string, maxWidth: number, preferSpaces = false) =>
  wrapText(text, { maxWidth, widthOf, preferSpaces }).map((l) => l.text);

describe('wrapping a checklist item to its column', () => {
  test('breaks between any two Japanese characters', () => {
    expect(wrap('情報システム運用責任者を設置している', 8)).toEqual(['情報システム運用', '責任者を設置して', 'いる']);
  });

  test('keeps Latin words and numbers whole', () => {
    expect(wrap('通信はTLS1.3のみ', 5)).toEqual(['通信は', 'TLS1.3のみ']);
    expect(wrap('IPsec and IKE を利用', 4)).toEqual(['IPsec', 'and IKE', 'を利用']);
  });

  test('never starts a line with 。、） or 」, and never ends one with （ or 「', () => {
    const lines = wrap('これは見本です。「重要」（注1）、確認済み。', 7);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[。、）」]/);
    for (const line of lines) expect(line).not.toMatch(/[（「]$/);
    expect(lines.join('')).toBe('これは見本です。「重要」（注1）、確認済み。');
  });

  test('keeps explicit line breaks, and lets bullet lines hang under their text', () => {
    const lines = wrapText('要件は次のとおり。\n・英数字と記号を混在させた十三文字以上', { maxWidth: 10, widthOf });
    expect(lines.map((l) => l.text)).toEqual(['要件は次のとおり。', '・英数字と記号を混在', 'させた十三文字以上']);
    expect(lines.map((l) => l.indent)).toEqual([0, 0, 1]);
  });

  test('hangs (b)-style list items and notes the same way', () => {
    const item = wrapText('(f) 個人情報の記録媒体の管理の方法', { maxWidth: 8, widthOf });
    expect(item[1]!.indent).toBe(widthOf('(f) '));
    const note = wrapText('注1: 動作確認用データの情報管理を厳格に行う', { maxWidth: 10, widthOf });
    expect(note[1]!.indent).toBe(widthOf('注1: '));
  });

  test('breaks a word longer than the whole line by characters rather than overflowing', () => {
    expect(wrap('https://example.jp/very/long/path', 5)).toEqual(['https://ex', 'ample.jp/v', 'ery/long/p', 'ath']);
  });

  test('breaks titles at their spaces when every part fits', () => {
    expect(wrap('医療情報システムの安全管理に関するガイドライン 第5.2版 最低限のガイドライン遵守チェックリスト', 30, true)).toEqual([
      '医療情報システムの安全管理に関するガイドライン 第5.2版',
      '最低限のガイドライン遵守チェックリスト',
    ]);
  });

  test('gives an empty text one empty line', () => {
    expect(wrap('', 10)).toEqual(['']);
  });
});
