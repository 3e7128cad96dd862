// `/kakunin schedule` for a lead: the cadences, then each stopped reminder with 再開する.
import { expect, test } from 'vitest';
import { scheduleOverviewMessage } from '../../../src/slack/views/schedule-overview.ts';
import { blockKitProblems } from '../fake-slack-api.ts';

const cadenceText = '*定期点検のスケジュール*\n• さくら内科 — チェックリスト: 年度ごと（4月1日から）';

test('without stops it is the cadence list alone', () => {
  const message = scheduleOverviewMessage('ja', { cadenceText, stopped: [] });
  expect(message.blocks).toHaveLength(1);
});

test('each stop is listed by facility, with 再開する carrying what to resume', () => {
  const message = scheduleOverviewMessage('ja', {
    cadenceText,
    stopped: [
      { facilityId: 'fac_1', facilityName: 'さくら内科', stopped: [{ assessmentId: 'as_1', flowTitle: 'チェックリスト', stoppedBy: '佐藤' }], stoppedCycles: [] },
      { facilityId: 'fac_2', facilityName: '桜台クリニック', stopped: [], stoppedCycles: [{ flowId: 'mhlw-minimum-5.2', cycleKey: 'fy2027', fiscalYear: 2027, flowTitle: 'チェックリスト', stoppedBy: '鈴木' }] },
    ],
  });
  expect(blockKitProblems('message', message.blocks)).toEqual([]);
  expect(message.blocks.slice(1)).toEqual([
    { type: 'section', text: { type: 'mrkdwn', text: '*リマインド停止中（2件）*' } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: '• さくら内科 — リマインド停止中: チェックリスト（佐藤）\n• 桜台クリニック — リマインド停止中: 令和9年度の自己点検の案内・チェックリスト（鈴木）' },
    },
    {
      type: 'actions',
      block_id: 'rl',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: '再開する: さくら内科', emoji: true }, action_id: 'kakunin.remind.resume.0', value: '{"a":"as_1"}' },
        { type: 'button', text: { type: 'plain_text', text: '再開する: 桜台クリニック', emoji: true }, action_id: 'kakunin.remind.resume.1', value: '{"fac":"fac_2","f":"mhlw-minimum-5.2","c":"fy2027"}' },
      ],
    },
  ]);
});
