// What `/kakunin` says: help, status, the start offer, unknown words.
import { expect, test } from 'vitest';
import { startHarness } from './harness.ts';
import { buttonLabels, textOf } from './slack-user.ts';

test('/kakunin with nothing to resume offers the checklists in the DM; a button starts one', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  const ack = await sato.command('');
  expect(JSON.parse(ack.body).text).toBe('kakunin とのDMでお送りしました。');
  expect(textOf(sato.last().blocks)).toContain('どのチェックリストを始めますか？');
  expect(buttonLabels(sato.last().blocks)).toEqual(['始める', '始める']);
  await sato.click('始める');
  expect(textOf(sato.last().blocks)).toContain('最低限のガイドライン遵守チェックリスト');
  // The facility is named after the workspace, the respondent after her Slack profile (for the PDF).
  const org = h.store.organizations.ensureForSlackTeam('T0CLINIC');
  expect(org.name).toBe('さくら内科クリニック');
  expect(h.store.facilities.list(org.id).map((f) => f.name)).toEqual(['さくら内科クリニック']);
  expect(h.store.people.ensureForSlackUser(org.id, 'U0SATO').displayName).toBe('佐藤 花子');
});

test('/kakunin start on a checklist already in progress continues it instead of starting another', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start mhlw-minimum-5.2');
  await sato.click('始める');
  await sato.command('start mhlw-minimum-5.2');
  const texts = sato.dm().map((m) => textOf(m.blocks));
  expect(texts.at(-2)).toBe('進行中の「医療情報システムの安全管理に関するガイドライン 第5.2版 最低限のガイドライン遵守チェックリスト」があります。続きから再開します。');
  expect(texts.at(-1)).toContain('前提の確認（4項目）');
  const org = h.store.organizations.ensureForSlackTeam('T0CLINIC');
  expect(h.store.assessments.listForPerson(org.id, h.store.people.ensureForSlackUser(org.id, 'U0SATO').id)).toHaveLength(1);
});

test('help, status, report without a submission, unknown words and unknown checklists answer in place', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  const reply = async (text: string) => JSON.parse((await sato.command(text)).body) as { response_type: string; text: string };

  expect((await reply('help')).text).toContain('`/kakunin start [チェックリスト]`');
  expect((await reply('status')).text).toBe('自己点検はまだありません。「/kakunin start」で始められます。');
  expect((await reply('report')).text).toBe('提出済みの自己点検はまだありません。');
  const unknown = await reply('hello');
  expect(unknown.response_type).toBe('ephemeral');
  expect(unknown.text).toContain('「hello」は使えません。');
  expect((await reply('start nope')).text).toBe('チェックリスト「nope」はありません。使えるもの: mhlw-minimum-5.2, online-qualification-measures');
  expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
});
