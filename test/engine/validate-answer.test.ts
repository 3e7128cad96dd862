import { describe, expect, it } from 'vitest';
import { validateAnswer } from '../../src/engine/validate-answer.ts';
import { itemSchema } from '../../src/flow/schema.ts';

const item = (answer: unknown, extra: object = {}) => itemSchema.parse({ id: 'x', text: '質問', answer, ...extra });
const today = '2026-11-22';

describe('answers to form fields', () => {
  const services = item({
    type: 'multi',
    options: [
      { id: 'a', label: '保健指導' },
      { id: 'b', label: '健診' },
      { id: 'none', label: '特に無し', exclusive: true },
    ],
  });

  it('「特に無し」 cannot be chosen with other options (注17)', () => {
    expect(validateAnswer(services, { kind: 'multi', values: ['none', 'a'] }, today)).toEqual({ code: 'multi.exclusive', params: { option: '特に無し' } });
    expect(validateAnswer(services, { kind: 'multi', values: ['none'] }, today)).toBeUndefined();
    expect(validateAnswer(services, { kind: 'multi', values: ['a', 'b'] }, today)).toBeUndefined();
  });

  it('an unknown option, a duplicate or nothing chosen is refused', () => {
    expect(validateAnswer(services, { kind: 'multi', values: ['zz'] }, today)?.code).toBe('option.unknown');
    expect(validateAnswer(services, { kind: 'multi', values: ['a', 'a'] }, today)?.code).toBe('multi.duplicate');
    expect(validateAnswer(services, { kind: 'multi', values: [] }, today)?.code).toBe('multi.tooFew');
  });

  it('numbers respect integer, min and max', () => {
    const staff = item({ type: 'number', unit: '人', min: 0, max: 999 });
    expect(validateAnswer(staff, { kind: 'number', value: 3 }, today)).toBeUndefined();
    expect(validateAnswer(staff, { kind: 'number', value: 2.5 }, today)?.code).toBe('number.notInteger');
    expect(validateAnswer(staff, { kind: 'number', value: -1 }, today)?.code).toBe('number.tooSmall');
    expect(validateAnswer(staff, { kind: 'number', value: 1000 }, today)?.code).toBe('number.tooLarge');
  });

  it('text has a maximum length counted in characters, and may not be empty', () => {
    const name = item({ type: 'text', maxLength: 5 });
    expect(validateAnswer(name, { kind: 'text', value: '横浜中央病' }, today)).toBeUndefined();
    expect(validateAnswer(name, { kind: 'text', value: '横浜中央病院' }, today)).toEqual({ code: 'text.tooLong', params: { max: 5, length: 6 } });
    expect(validateAnswer(name, { kind: 'text', value: '  ' }, today)?.code).toBe('text.empty');
  });

  it('an optional field may be left blank; a required one may not', () => {
    expect(validateAnswer(item({ type: 'text', maxLength: 5 }, { required: false }), { kind: 'blank' }, today)).toBeUndefined();
    expect(validateAnswer(item({ type: 'text', maxLength: 5 }), { kind: 'blank' }, today)?.code).toBe('answer.required');
  });

  it('grids check each cell and the per-row rule', () => {
    const grid = item({
      type: 'grid',
      rows: [{ id: 'doctor', label: '医師' }],
      columns: [{ id: 'full', label: '常勤' }, { id: 'part', label: '非常勤' }],
      cell: { kind: 'number', max: 99 },
    });
    expect(validateAnswer(grid, { kind: 'grid', cells: { doctor: { full: 2, part: null } } }, today)).toBeUndefined();
    expect(validateAnswer(grid, { kind: 'grid', cells: { doctor: { full: 200 } } }, today)).toMatchObject({ code: 'grid.badValue', params: { row: '医師', column: '常勤' } });
    expect(validateAnswer(grid, { kind: 'grid', cells: { nurse: { full: 1 } } }, today)?.code).toBe('grid.unknownCell');
    const period = item({
      type: 'grid',
      rows: [{ id: 'std', label: '標準' }],
      columns: [{ id: 'm3', label: '3か月' }, { id: 'm6', label: '6か月' }],
      cell: { kind: 'check' },
      checksPerRow: { min: 1, max: 1 },
    });
    expect(validateAnswer(period, { kind: 'grid', cells: { std: { m3: true, m6: true } } }, today)?.code).toBe('grid.rowChecks');
    expect(validateAnswer(period, { kind: 'grid', cells: { std: { m3: true, m6: false } } }, today)).toBeUndefined();
  });

  it('an answer of the wrong kind is refused', () => {
    expect(validateAnswer(item({ type: 'yesno' }), { kind: 'done' }, today)).toEqual({ code: 'answer.kindMismatch', params: { expected: 'yesno', got: 'done' } });
  });
});

describe('text limits and skip-logic answers', () => {
  it('a text answer without its own maxLength gets the default, and a longer one is refused with both numbers', () => {
    const name = item({ type: 'text' });
    expect(name.answer).toMatchObject({ type: 'text', maxLength: 200 });
    expect(validateAnswer(name, { kind: 'text', value: 'あ'.repeat(200) }, today)).toBeUndefined();
    expect(validateAnswer(name, { kind: 'text', value: 'あ'.repeat(201) }, today)).toEqual({ code: 'text.tooLong', params: { max: 200, length: 201 } });
  });

  it('a grid text cell over its limit names the row and column', () => {
    const grid = item({ type: 'grid', rows: [{ id: 'r', label: '平日' }], columns: [{ id: 'c', label: '時間' }], cell: { kind: 'text' } });
    expect(validateAnswer(grid, { kind: 'grid', cells: { r: { c: 'x'.repeat(101) } } }, today)).toEqual({
      code: 'grid.textTooLong',
      params: { row: '平日', column: '時間', max: 100, length: 101 },
    });
  });

  it('nobody can send the skip logic’s 該当なし (auto, or hiding an answer) as their own', () => {
    const status = item({ type: 'status', notApplicable: true });
    expect(validateAnswer(status, { kind: 'na' }, today)).toBeUndefined();
    expect(validateAnswer(status, { kind: 'na', auto: true }, today)?.code).toBe('answer.kindMismatch');
    expect(validateAnswer(status, { kind: 'na', hidden: { kind: 'done' } }, today)?.code).toBe('answer.kindMismatch');
  });
});
