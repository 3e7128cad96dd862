// Typed answers: the modal built from an AnswerSpec, and the answer read back from view state.
import { expect, test } from 'vitest';
import type { AnswerSpec } from '../../../src/flow/schema.ts';
import { answerFromModal, errorBlockId } from '../../../src/slack/views/answer-modal.ts';

const grid: AnswerSpec = {
  type: 'grid',
  rows: [{ id: 'doctor', label: { ja: '医師' } }, { id: 'nurse', label: { ja: '看護師' } }],
  columns: [{ id: 'full', label: { ja: '常勤' } }, { id: 'part', label: { ja: '非常勤' } }],
  cell: { kind: 'number', min: 0, integer: true },
  emptyRowsAllowed: true,
};
const checks: AnswerSpec = { ...grid, cell: { kind: 'check' } };

test('number grids read one input per cell; empty cells are null; a non-number is refused under its cell', () => {
  const state = { 'cell.0.0': { value: { type: 'number_input', value: '2' } }, 'cell.0.1': { value: { type: 'number_input', value: '' } } };
  expect(answerFromModal(grid, true, state, 'ja')).toEqual({
    ok: true,
    answer: { kind: 'grid', cells: { doctor: { full: 2, part: null }, nurse: { full: null, part: null } } },
  });
  expect(answerFromModal(grid, true, { 'cell.1.1': { value: { type: 'number_input', value: 'x' } } }, 'ja')).toEqual({
    ok: false,
    blockId: 'cell.1.1',
    message: '数値を入力してください。',
  });
});

test('check grids read one checkbox group per row', () => {
  const state = { 'row.1': { value: { type: 'checkboxes', selected_options: [{ value: 'part' }] } } };
  expect(answerFromModal(checks, true, state, 'ja')).toEqual({
    ok: true,
    answer: { kind: 'grid', cells: { doctor: { full: false, part: false }, nurse: { full: false, part: true } } },
  });
  expect(errorBlockId(checks, { code: 'grid.rowChecks', params: { row: '看護師', min: 1, max: 1 } })).toBe('row.1');
  expect(errorBlockId(grid, { code: 'grid.badValue', params: { row: '看護師', column: '非常勤' } })).toBe('cell.1.1');
});

test('an optional text left empty is a deliberate blank; a required one goes to the engine as empty', () => {
  const text: AnswerSpec = { type: 'text', maxLength: 100, multiline: false };
  expect(answerFromModal(text, false, { answer: { value: { type: 'plain_text_input', value: null } } }, 'ja')).toEqual({ ok: true, answer: { kind: 'blank' } });
  expect(answerFromModal(text, true, { answer: { value: { type: 'plain_text_input', value: '' } } }, 'ja')).toEqual({ ok: true, answer: { kind: 'text', value: '' } });
});
