// The date notations the README promises, typed the way Japanese keyboards and calendars give them.
import { describe, expect, it } from 'vitest';
import { parseJapaneseDate } from '../../src/dates/japanese-date.ts';

describe('reading a typed date', () => {
  it.each([
    ['2026-12-31'],
    ['2026/12/31'],
    ['２０２６／１２／３１'],
    ['２０２６－１２－３１'],
    ['2026年12月31日'],
    ['令和8年12月31日'],
    ['令和８年１２月３１日（木）'],
    ['2026/12/31(木)'],
    ['2026年12月31日 (木曜日)'],
    ['R8/12/31'],
    ['r8.12.31'],
    ['R８／１２／３１'],
  ])('「%s」 is 2026-12-31', (typed) => {
    expect(parseJapaneseDate(typed)).toBe('2026-12-31');
  });

  it.each([['2027-02-30'], ['令和9年2月29日'], [''], ['R1/4/30'], ['2026/12/31(月)x']])('「%s」 is not a calendar day', (typed) => {
    expect(parseJapaneseDate(typed)).toBeUndefined();
  });

  it('reads 令和元年 and the first day of 令和', () => {
    expect(parseJapaneseDate('令和元年5月1日')).toBe('2019-05-01');
  });
});
