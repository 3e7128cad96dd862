// 実施済 with its 実施日 (a carried 実施予定 that was done): a real day, today at the latest.
import { expect, test } from 'vitest';
import { validateAnswer } from '../../src/engine/validate-answer.ts';
import { findItem } from '../../src/flow/model.ts';
import { smallFlow } from '../helpers/small-flow.ts';

const item = findItem(smallFlow(), 'org.1')!.item;

test('a 実施日 up to today is accepted; a later or impossible one is refused', () => {
  expect(validateAnswer(item, { kind: 'done', on: '2026-12-01' }, '2026-12-01')).toBeUndefined();
  expect(validateAnswer(item, { kind: 'done', on: '2026-05-10' }, '2026-12-01')).toBeUndefined();
  expect(validateAnswer(item, { kind: 'done', on: '2026-12-02' }, '2026-12-01')).toEqual({ code: 'done.future', params: { date: '2026-12-02', today: '2026-12-01' } });
  expect(validateAnswer(item, { kind: 'done', on: '2026-02-30' }, '2026-12-01')).toEqual({ code: 'date.invalid', params: { date: '2026-02-30' } });
  expect(validateAnswer(item, { kind: 'done' }, '2026-12-01')).toBeUndefined();
});
