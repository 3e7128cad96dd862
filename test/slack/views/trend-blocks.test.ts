// The App Home's trend: a small text bar per 年度 of each facility's 実施済 count.
import { expect, test } from 'vitest';
import { homeView } from '../../../src/slack/views/home-view.ts';
import { trendBar, trendBlocks } from '../../../src/slack/views/trend-blocks.ts';
import { context, section } from './fixtures.ts';

const trend = {
  facilityId: 'fa_1',
  facilityName: 'さくら内科 <本院>',
  flowId: 'mhlw-minimum-5.2',
  flowTitle: { ja: '最低限のガイドライン遵守チェックリスト', en: 'Minimum checklist' },
  years: [
    { fiscalYear: 2024, done: 45, total: 90, assessmentId: 'as_1' },
    { fiscalYear: 2025, done: 76, total: 90, assessmentId: 'as_2' },
    { fiscalYear: 2026, done: 90, total: 90, assessmentId: 'as_3' },
  ],
};

test('a bar of ten cells, filled in proportion to 実施済', () => {
  expect(trendBar(0, 90)).toBe('░░░░░░░░░░');
  expect(trendBar(45, 90)).toBe('█████░░░░░');
  expect(trendBar(90, 90)).toBe('██████████');
  expect(trendBar(3, 0)).toBe('░░░░░░░░░░');
});

test('one line per 年度 (令和), aligned in a code block, under the facility and checklist', () => {
  expect(trendBlocks([trend], 'ja')).toEqual([
    section('*実施済の推移（年度別）*'),
    section(
      '*さくら内科 &lt;本院&gt;*・最低限のガイドライン遵守チェックリスト\n```令和6年度 █████░░░░░ 45/90\n令和7年度 ████████░░ 76/90\n令和8年度 ██████████ 90/90```',
    ),
  ]);
  expect(trendBlocks([trend], 'en')[1]).toEqual(section('*さくら内科 &lt;本院&gt;*・Minimum checklist\n```FY2024 █████░░░░░ 45/90\nFY2025 ████████░░ 76/90\nFY2026 ██████████ 90/90```'));
  expect(trendBlocks([], 'ja')).toEqual([section('*実施済の推移（年度別）*'), context('（提出済みの点検はまだありません）')]);
});

test('the Home tab shows the trend once something was submitted', () => {
  const base = { open: [], submitted: [], flows: [], locale: 'ja' as const };
  expect(JSON.stringify(homeView(base))).not.toContain('実施済の推移');
  expect(JSON.stringify(homeView({ ...base, trends: [trend] }))).toContain('令和8年度 ██████████ 90/90');
});
