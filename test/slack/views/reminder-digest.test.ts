// The reminder DM stays within Slack's limits however much is due: a manager with 30 items and
// 6 cycle prompts, a lead whose digest covers 40 facilities with stopped reminders.
import { expect, test } from 'vitest';
import type { Digest, DigestItem, LeadsFacilitySummary } from '../../../src/scheduler/digest.ts';
import { reminderDigestMessage } from '../../../src/slack/views/reminder-digest.ts';
import { moveModal } from '../../../src/slack/views/reminder-move-modal.ts';
import { blockKitProblems } from '../fake-slack-api.ts';

const person = { id: 'per_1', organizationId: 'org', slackUserId: 'U1', displayName: '佐藤', locale: 'ja' as const, role: 'manager' as const, createdAt: '' };
const item = (n: number): DigestItem => ({
  reminderId: n,
  assessmentId: `as_${n % 3}`,
  revision: 4,
  itemId: `technical.${n}`,
  itemLabel: `技術的安全管理対策 ${n}.`,
  itemText: 'とても長い項目の本文。'.repeat(200),
  facilityName: `拠点 ${n % 3}`,
  flowTitle: '最低限のガイドライン遵守チェックリスト',
  plannedDate: '2027-07-16',
  daysLeft: n - 10,
});
const facility = (n: number): LeadsFacilitySummary => ({
  facilityId: `fac_${n}`,
  facilityName: `拠点 ${n}`,
  overdue: Array.from({ length: 12 }, (_, i) => ({ assessmentId: `as_${n}`, itemId: `x.${i}`, itemLabel: `技術的安全管理対策 ${i}.`, plannedDate: '2027-06-30' })),
  dueSoon: [],
  notStarted: ['最低限のガイドライン遵守チェックリスト'],
  notSubmitted: [],
  stopped: [{ assessmentId: `as_${n}`, flowTitle: '最低限のガイドライン遵守チェックリスト', stoppedBy: '佐藤' }],
  stoppedCycles: [],
});

test('a very full digest is refused nowhere by Slack and says how much is left out', () => {
  const digest: Digest = {
    deliveryKey: 'digest:org:per_1:2027-07-16',
    person,
    locale: 'ja',
    localDate: '2027-07-16',
    items: Array.from({ length: 30 }, (_, i) => item(i)),
    cycles: Array.from({ length: 6 }, (_, i) => ({ reminderId: 100 + i, facilityId: `fac_${i}`, facilityName: `拠点 ${i}`, flowId: 'mhlw-minimum-5.2', flowTitle: 'チェックリスト', step: 'open' as const, fiscalYear: 2027, cycleKey: 'fy2027' })),
    leads: Array.from({ length: 40 }, (_, i) => facility(i)),
  };
  const message = reminderDigestMessage(digest);
  expect(blockKitProblems('message', message.blocks)).toEqual([]);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  const text = JSON.stringify(message.blocks);
  expect(text).toContain('令和9年度の自己点検の時期です');
  expect(text).toContain('ほか 22件'); // 20 items and 2 cycle prompts did not fit
  expect(text).toContain('ほか 32件'); // facilities in the leads' part
  expect(message.text.length).toBeLessThanOrEqual(300);
  // One stop button per assessment, each with a confirmation.
  const stops = message.blocks.find((b) => b.type === 'actions' && b.block_id === 'rs');
  expect(stops && 'elements' in stops ? stops.elements.length : 0).toBe(3);
});

test('the 時期を変更 modal fits and preselects the current date', () => {
  const modal = moveModal({ meta: { a: 'as_1', i: 'technical.5', d: '2027-07-16', c: 'D1', t: '1.2' }, itemLabel: '技術的安全管理対策 5.', locale: 'ja' });
  expect(blockKitProblems('view', modal.blocks)).toEqual([]);
  expect(JSON.stringify(modal)).toContain('"initial_date":"2027-07-16"');
});

// Every kind of cycle prompt carries its own 「今後このリマインドを止める」 — the 未提出 one too, which has no 始める.
const cycle = (step: 'open' | 'not_started' | 'not_submitted', stopped?: boolean) => ({
  reminderId: 7,
  facilityId: 'fac_1',
  facilityName: 'さくら内科',
  flowId: 'mhlw-minimum-5.2',
  flowTitle: 'チェックリスト',
  step,
  fiscalYear: 2027,
  cycleKey: 'fy2027',
  ...(stopped ? { stopped } : {}),
});
const onlyCycle = (c: ReturnType<typeof cycle>): Digest => ({ deliveryKey: 'k', person, locale: 'ja', localDate: '2027-04-22', items: [], cycles: [c], leads: undefined });
const stopButton = {
  type: 'button',
  text: { type: 'plain_text', text: '今後このリマインドを止める', emoji: true },
  action_id: 'kakunin.remind.stopCycle',
  value: '{"fac":"fac_1","f":"mhlw-minimum-5.2","c":"fy2027"}',
  confirm: {
    title: { type: 'plain_text', text: 'リマインドを止めますか？' },
    text: { type: 'plain_text', text: '令和9年度の自己点検の案内について、今後リマインドをお送りしません。責任者はいつでも再開できます。' },
    confirm: { type: 'plain_text', text: '止める' },
    deny: { type: 'plain_text', text: 'やめる' },
  },
};

test('the 未提出 reminder has 今後このリマインドを止める (and no 始める: the assessment is under way)', () => {
  const { blocks } = reminderDigestMessage(onlyCycle(cycle('not_submitted')));
  expect(blocks.slice(1)).toEqual([
    { type: 'section', text: { type: 'mrkdwn', text: '*令和9年度の自己点検がまだ提出されていません*\nさくら内科・チェックリスト' } },
    { type: 'actions', block_id: 'rc:fac_1:mhlw-minimum-5.2', elements: [stopButton] },
  ]);
});

test.each(['open', 'not_started'] as const)('the %s prompt has 始める and 今後このリマインドを止める', (step) => {
  const { blocks } = reminderDigestMessage(onlyCycle(cycle(step)));
  expect(blocks[2]).toEqual({
    type: 'actions',
    block_id: 'rc:fac_1:mhlw-minimum-5.2',
    elements: [
      { type: 'button', text: { type: 'plain_text', text: '始める', emoji: true }, action_id: 'kakunin.remind.cycleStart', value: '{"f":"mhlw-minimum-5.2","fac":"fac_1"}', style: 'primary' },
      stopButton,
    ],
  });
});

test('once stopped, the prompt says so instead of offering the stop again', () => {
  const { blocks } = reminderDigestMessage(onlyCycle(cycle('not_submitted', true)));
  expect(blocks.slice(1)).toEqual([
    { type: 'section', text: { type: 'mrkdwn', text: '*令和9年度の自己点検がまだ提出されていません*\nさくら内科・チェックリスト' } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: '🔕 この案内のリマインドは停止中です（責任者が再開できます）' }] },
  ]);
});

test('a lead sees a stopped cycle in the weekly summary with 再開する', () => {
  const summary: LeadsFacilitySummary = {
    facilityId: 'fac_1',
    facilityName: 'さくら内科',
    overdue: [],
    dueSoon: [],
    notStarted: [],
    notSubmitted: [],
    stopped: [],
    stoppedCycles: [{ flowId: 'mhlw-minimum-5.2', cycleKey: 'fy2027', fiscalYear: 2027, flowTitle: 'チェックリスト', stoppedBy: '佐藤' }],
  };
  const { blocks } = reminderDigestMessage({ deliveryKey: 'k', person: { ...person, role: 'lead' }, locale: 'ja', localDate: '2027-04-26', items: [], cycles: [], leads: [summary] });
  expect(blocks.slice(1)).toEqual([
    { type: 'section', text: { type: 'mrkdwn', text: '*今週のまとめ（責任者向け）*' } },
    { type: 'section', text: { type: 'mrkdwn', text: '*さくら内科*\nリマインド停止中: 令和9年度の自己点検の案内・チェックリスト（佐藤）' } },
    {
      type: 'actions',
      block_id: 'rl',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: '再開する: さくら内科', emoji: true }, action_id: 'kakunin.remind.resume.0', value: '{"fac":"fac_1","f":"mhlw-minimum-5.2","c":"fy2027"}' },
      ],
    },
  ]);
});
