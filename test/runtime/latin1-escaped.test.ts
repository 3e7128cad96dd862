// The stripped copies of kakunin's .ts files are written in Latin-1 where that is smaller for V8 to hold:
// the escaped code must mean exactly what the original meant, line for line.
import module from 'node:module';
import { describe, expect, it } from 'vitest';
import { latin1Escaped } from '../../bin/latin1-escaped.js';

const canStrip = typeof (module as { stripTypeScriptTypes?: unknown }).stripTypeScriptTypes === 'function';
const isLatin1 = (code: string) => [...code].every((c) => c.charCodeAt(0) <= 0xff);
const run = (code: string) => new Function(`${code}\nreturn result;`)() as unknown;

// Mostly ASCII, with Japanese in a comment, strings, a template, regular expressions with and without
// the u flag, an identifier, and a character beyond U+FFFF.
const code = [
  '// 実施済 と 実施予定: the two answers a checklist item can have, explained here at some length for the test',
  "const 実施済 = '実施済';",
  'const planned = `実施予定 ${1 + 1}月`;',
  "const kana = /^[ぁ-ゖ]+$/u.test('かくにん') && /確認/.test('確認する');",
  "const emoji = '🏥'.length === 2 && /^🏥$/u.test('🏥');",
  'const result = { 実施済, planned, kana, emoji, padding: "the rest of this line keeps the file mostly ASCII as code is" };',
].join('\n');

describe('latin1Escaped', () => {
  it('writes what is beyond Latin-1 as escapes that mean the same, every line where it was', () => {
    const escaped = latin1Escaped(code, code);
    expect(isLatin1(escaped)).toBe(true);
    expect(escaped.split('\n')).toHaveLength(code.split('\n').length);
    expect(run(escaped)).toEqual(run(code));
    expect(run(escaped)).toEqual({ 実施済: '実施済', planned: '実施予定 2月', kana: true, emoji: true, padding: expect.any(String) });
  });

  it.skipIf(!canStrip)('turns the whitespace the stripper puts in place of a Japanese type into plain spaces', () => {
    const source = "type 回答 = '実施済' | '実施予定';\nconst answer: 回答 = '実施済'; // the answer, in a file that is mostly ASCII otherwise\nconst result = answer;";
    const stripped = (module as unknown as { stripTypeScriptTypes(code: string, options: { mode: 'strip' }): string }).stripTypeScriptTypes(source, { mode: 'strip' });
    expect(stripped).toContain('\u2002');
    const escaped = latin1Escaped(stripped, source);
    expect(isLatin1(escaped)).toBe(true);
    expect(escaped.split('\n')).toHaveLength(source.split('\n').length);
    expect(run(escaped)).toBe('実施済');
  });

  it('leaves the code as it is where escaping would be larger or could mean something else', () => {
    const mostlyJapanese = "const result = '最低限のガイドライン遵守チェックリスト';";
    expect(latin1Escaped(mostlyJapanese, mostlyJapanese)).toBe(mostlyJapanese);
    for (const risky of [
      `${code}\nconst identity = '\\確';`, // '\確' is 確; '\\u78ba' would not be
      `${code}\nconst raw = String.raw\`確認\`;`,
      `${code}\n// a comment\u2028const ended = 1;`,
    ]) {
      expect(latin1Escaped(risky, risky)).toBe(risky);
    }
    expect(latin1Escaped(code, `${code} `)).toBe(code);
    expect(latin1Escaped('const result = 1;', 'const result = 1;')).toBe('const result = 1;');
  });
});
