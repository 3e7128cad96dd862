// Rules printed in a form's notes, as generic answer rules any flow can use: a part may not exceed its whole
// (「左記のうち」 columns, 「上記のうち」 rows), and a text may have to match a pattern (郵便番号, 機関番号).
import { describe, expect, it } from 'vitest';
import { validateAnswer } from '../../src/engine/validate-answer.ts';
import { itemSchema } from '../../src/flow/schema.ts';
import { engineErrorText } from '../../src/i18n/engine-error-text.ts';

const today = '2026-11-22';
const staff = itemSchema.parse({
  id: 'staff',
  text: 'スタッフ',
  answer: {
    type: 'grid',
    rows: [
      { id: 'physician', label: '医師' },
      { id: 'sports', label: '(上記のうち、健康スポーツ医)' },
    ],
    columns: [
      { id: 'total', label: '総数' },
      { id: 'trained', label: '左記のうち研修修了者数' },
    ],
    cell: { kind: 'number', unit: '人' },
    subsetColumns: [{ column: 'trained', of: 'total' }],
    subsetRows: [{ row: 'sports', of: 'physician' }],
  },
});
const grid = (cells: Record<string, Record<string, number | null>>) => validateAnswer(staff, { kind: 'grid', cells }, today);

describe('「左記のうち」 and 「上記のうち」 in number grids', () => {
  it('accepts parts up to their whole, and blank parts', () => {
    expect(grid({ physician: { total: 3, trained: 3 }, sports: { total: 1, trained: 0 } })).toBeUndefined();
    expect(grid({ physician: { total: 3, trained: null } })).toBeUndefined();
  });

  it('refuses trained staff beyond the total, naming the row, both columns and the numbers', () => {
    const error = grid({ physician: { total: 2, trained: 3 } });
    expect(error).toEqual({
      code: 'grid.subsetExceeds',
      params: { row: '医師', column: '左記のうち研修修了者数', value: 3, ofRow: '医師', ofColumn: '総数', limit: 2 },
    });
    expect(engineErrorText('ja', error!, (id) => id)).toBe(
      '「医師」の「左記のうち研修修了者数」（3）が「医師」の「総数」（2）を超えています。内数は全体の数以下にしてください。',
    );
    expect(engineErrorText('en', error!, (id) => id)).toContain('a part cannot be more than its whole');
  });

  it('refuses sports physicians beyond the physicians; a blank whole counts as 0', () => {
    expect(grid({ physician: { total: 1 }, sports: { total: 2 } })?.params).toMatchObject({ row: '(上記のうち、健康スポーツ医)', ofRow: '医師', limit: 1 });
    expect(grid({ sports: { trained: 1 } })?.params).toMatchObject({ column: '左記のうち研修修了者数', limit: 0 });
  });
});

describe('texts with a pattern', () => {
  const postal = itemSchema.parse({
    id: 'postal',
    text: '郵便番号',
    answer: { type: 'text', maxLength: 10, pattern: '\\d{3}-?\\d{4}', patternHint: { ja: '「231-8553」のように入力してください。', en: 'Like 231-8553.' } },
  });

  it('accepts a whole match (surrounding spaces ignored) and refuses anything else with the hint', () => {
    expect(validateAnswer(postal, { kind: 'text', value: '231-8553' }, today)).toBeUndefined();
    expect(validateAnswer(postal, { kind: 'text', value: ' 2318553 ' }, today)).toBeUndefined();
    const error = validateAnswer(postal, { kind: 'text', value: 'x231-8553' }, today);
    expect(error?.code).toBe('text.pattern');
    expect(engineErrorText('ja', error!, (id) => id)).toBe('入力の形式が違います。「231-8553」のように入力してください。');
    expect(engineErrorText('en', error!, (id) => id)).toBe('That is not in the expected form. Like 231-8553.');
  });
});
