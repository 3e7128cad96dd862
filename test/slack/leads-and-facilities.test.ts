// A 医療法人 with two clinics sets kakunin up: the workspace's owner and admin are the first leads, they add
// the facilities and say who answers for which; managers choose among their facilities when they start;
// someone nobody assigned is told to ask a lead, and the leads hear about it once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { writePreLeadsDatabase } from '../store/helpers/pre-leads-database.ts';
import { checklistFlows, startHarness } from './harness.ts';
import { ackText, leadStoryUsers } from './lead-people.ts';
import { buttonLabels, textOf } from './slack-user.ts';

const setUp = async () => {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  const org = () => h.store.organizations.ensureForSlackTeam('T0CLINIC');
  const person = (userId: string) => h.store.people.ensureForSlackUser(org().id, userId);
  return { h, org, person, boss: h.user('U0BOSS', 'tanaka'), admin: h.user('U0ADMIN', 'yamamoto'), sato: h.user('U0SATO', 'sato'), suzuki: h.user('U0SUZUKI', 'suzuki') };
};

test('the owner and admins are the first leads; leads add and remove leads; the last lead stays', async () => {
  const { h, person, boss, admin, sato } = await setUp();

  const leads = await boss.command('leads');
  expect(ackText(leads)).toContain('<@U0BOSS>');
  expect(ackText(leads)).toContain('<@U0ADMIN>');
  expect(ackText(leads)).not.toContain('U0HELPER'); // a bot admin is not a person
  expect(h.fake.callsTo('users.list').length).toBeGreaterThanOrEqual(2); // followed next_cursor

  // A manager cannot make herself a lead: the server checks the role, whatever she typed.
  expect(ackText(await sato.command('leads add <@U0SATO|sato>'))).toContain('（リード）だけができます');
  expect(person('U0SATO').role).toBe('manager');

  expect(ackText(await boss.command('leads add <@U0SATO|sato>'))).toBe('<@U0SATO> をリードにしました。');
  expect(person('U0SATO').role).toBe('lead');
  expect(ackText(await sato.command('leads remove <@U0ADMIN|yamamoto> <@U0SATO|sato>'))).toContain('<@U0ADMIN> をリードから外しました');
  expect(person('U0ADMIN').role).toBe('manager');
  // Now only the owner is a lead: he cannot remove himself.
  expect(ackText(await boss.command('leads remove <@U0BOSS|tanaka>'))).toBe('<@U0BOSS> は最後のリードのため外せません。先に別のリードを追加してください。');
  expect(person('U0BOSS').role).toBe('lead');
  expect(ackText(await admin.command('leads'))).toContain('（リード）だけができます');

  // Seeding happened once: a restart does not make the admin a lead again.
  await h.restart();
  await boss.command('leads');
  expect(person('U0ADMIN').role).toBe('manager');
  expect(h.fake.invalidBlocks).toEqual([]);
});

test('leads add, rename, archive facilities and assign managers; a manager chooses among hers; the same flow runs at two facilities', async () => {
  const { h, org, person, boss, sato, suzuki } = await setUp();
  expect(ackText(await boss.command('facility add 本院'))).toBe('拠点「本院」を追加しました（タイムゾーン Asia/Tokyo）。');
  expect(ackText(await boss.command('facility add "北 分院" Asia/Tokyo'))).toContain('拠点「北 分院」を追加しました');
  expect(ackText(await boss.command('facility add 本院'))).toContain('すでにあります');
  expect(ackText(await boss.command('facility tz 本院 Mars/Olympus'))).toContain('タイムゾーンとして読み取れません');
  expect(ackText(await sato.command('facility add 南分院'))).toContain('（リード）だけができます');
  expect(h.store.facilities.list(org().id).map((f) => f.name)).toEqual(['北 分院', '本院']);

  await boss.command('facility assign 本院 <@U0SATO|sato>');
  expect(ackText(await boss.command('facility assign "北 分院" <@U0SATO|sato> <@U0SUZUKI|suzuki>'))).toBe(
    '<@U0SATO>、<@U0SUZUKI> を拠点「北 分院」の回答者にしました。',
  );
  const list = ackText(await boss.command('facility'));
  expect(list).toContain('本院');
  expect(list).toContain('<@U0SUZUKI>');

  // 佐藤さん answers for both: she is asked where; 鈴木さん answers for one: he is not asked.
  await sato.command('start mhlw-minimum-5.2');
  expect(textOf(sato.last().blocks)).toContain('どの拠点について回答しますか');
  expect(buttonLabels(sato.last().blocks)).toEqual(['北 分院', '本院']);
  await sato.click('本院');
  expect(textOf(sato.last().blocks)).toContain('全90項目・10分野');
  await suzuki.command('start mhlw-minimum-5.2');
  expect(textOf(suzuki.last().blocks)).toContain('全90項目・10分野');

  // She starts the same checklist at her second facility too; the first is marked as in progress.
  await sato.command('start mhlw-minimum-5.2');
  expect(buttonLabels(sato.last().blocks)).toEqual(['北 分院', '本院（回答中）']);
  await sato.click('北 分院');
  const facilityOf = (userId: string) =>
    h.store.assessments.listForPerson(org().id, person(userId).id).map((a) => h.store.facilities.get(org().id, a.facilityId).name).sort();
  expect(facilityOf('U0SATO')).toEqual(['北 分院', '本院']);
  expect(facilityOf('U0SUZUKI')).toEqual(['北 分院']);
  // Choosing 本院 again continues the one in progress there instead of starting another.
  await sato.command('start mhlw-minimum-5.2');
  await sato.click('本院（回答中）');
  expect(textOf(sato.dm().at(-2)!.blocks)).toContain('最低限のガイドライン遵守チェックリスト」があります。続きから再開します。');
  expect(facilityOf('U0SATO')).toHaveLength(2);

  // A facility button from another manager's message (forwarded, say) is checked again on the server.
  const choice = sato.dm().find((m) => buttonLabels(m.blocks).includes('本院'))!;
  await suzuki.click('本院', choice);
  expect(textOf(suzuki.last().blocks)).toBe('この拠点の回答者ではないため、ここでは始められません。');
  expect(facilityOf('U0SUZUKI')).toEqual(['北 分院']);

  // Renamed and archived: the name follows everywhere, archived takes no new starts or managers.
  expect(ackText(await boss.command('facility rename "北 分院" 北分院'))).toBe('拠点「北 分院」の名前を「北分院」に変えました。');
  expect(ackText(await boss.command('facility archive 北分院'))).toContain('アーカイブしました');
  expect(ackText(await boss.command('facility assign 北分院 <@U0NEW>'))).toContain('アーカイブ済み');
  expect(ackText(await boss.command('facility'))).toContain('~北分院~');
  expect(facilityOf('U0SUZUKI')).toEqual(['北分院']); // never deleted
  expect(h.fake.invalidBlocks).toEqual([]);
});

test('a manager with no facility is told to ask a lead, and each lead gets one DM saying who asked', async () => {
  const { h, boss } = await setUp();
  await boss.command('facility add 本院');
  await boss.command('facility add 北分院');
  const newcomer = h.user('U0NEW', 'takahashi');

  await newcomer.command('start mhlw-minimum-5.2');
  expect(textOf(newcomer.last().blocks)).toBe('あなたが回答する拠点がまだ割り当てられていません。リードに拠点への割り当てを依頼してください。リードにはお知らせしました。');
  const toLeads = (userId: string) => h.fake.dm(userId).filter((m) => textOf(m.blocks).includes('<@U0NEW> さんが自己点検を始めようとしました'));
  expect(toLeads('U0BOSS')).toHaveLength(1);
  expect(toLeads('U0ADMIN')).toHaveLength(1);

  await newcomer.command('start mhlw-minimum-5.2');
  expect(textOf(newcomer.last().blocks)).not.toContain('お知らせしました');
  expect(toLeads('U0BOSS')).toHaveLength(1);

  // Once assigned, the start goes through.
  await boss.command('facility assign 北分院 <@U0NEW>');
  await newcomer.command('start mhlw-minimum-5.2');
  expect(textOf(newcomer.last().blocks)).toContain('全90項目・10分野');
});

test('a lead of another workspace sees none of these facilities or leads', async () => {
  const { h, boss } = await setUp();
  await boss.command('facility add 本院');
  const stranger = h.user('U0BOSS', 'tanaka', 'T0OTHER');
  expect(ackText(await stranger.command('facility'))).toBe('拠点はまだありません。「/kakunin facility add 名前」で追加できます。');
  expect(ackText(await stranger.command('facility rename 本院 乗っ取り'))).toBe('拠点「本院」はありません。「/kakunin facility」で一覧を表示できます。');
  expect(h.store.facilities.list(h.store.organizations.ensureForSlackTeam('T0CLINIC').id).map((f) => f.name)).toEqual(['本院']);
});

test('after the upgrade, a one-facility workspace keeps working: its owner becomes a lead, the manager resumes where she was', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-upgrade-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const dbPath = join(dir, 'kakunin.sqlite');
  const old = writePreLeadsDatabase(dbPath, checklistFlows());
  const h = await startHarness({ dbPath, fake: { users: leadStoryUsers } });
  const org = () => h.store.organizations.ensureForSlackTeam('T0CLINIC');

  const sato = h.user('U0SATO', 'sato');
  await sato.command('');
  // No facility question: she answers for the workspace's facility, at the question she left.
  expect(textOf(sato.last().blocks)).toContain('前提の確認 2/4');
  expect(h.service.view(org().id, old.assessmentId).prompt).toMatchObject({ kind: 'question', item: { id: old.currentItemId } });
  expect(h.store.people.findBySlackUser(org().id, 'U0SATO')!.role).toBe('manager');

  // The owner and the admin became leads on this first start after the upgrade.
  const boss = h.user('U0BOSS', 'tanaka');
  const facilities = ackText(await boss.command('facility'));
  expect(facilities).toContain(`*${old.facilityName}*（Asia/Tokyo）— 回答者: <@U0SATO>`);
  expect(h.store.people.withRole(org().id, 'lead').map((p) => p.slackUserId).sort()).toEqual(['U0ADMIN', 'U0BOSS']);

  // Someone new in the one-facility workspace just starts there, as before.
  const suzuki = h.user('U0SUZUKI', 'suzuki');
  await suzuki.command('start mhlw-minimum-5.2');
  expect(textOf(suzuki.last().blocks)).toContain('全90項目・10分野');
});
