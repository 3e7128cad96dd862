// The head office's App Home: every clinic and checklist at a glance, most urgent first, with the report,
// a nudge and the facility tools one click away — and still within Slack's 100 blocks for 50 clinics.
import { expect, test } from 'vitest';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import type { Block, FakeMessage } from './fake-slack-api.ts';
import { checklistFlows, startHarness, type Harness } from './harness.ts';
import { buttonLabels, textOf } from './slack-user.ts';
import { leadStoryUsers, setUpTwoClinics } from './two-clinics.ts';

const DAY = 24 * 60 * 60 * 1000;

async function clinics(h: Harness) {
  const c = await setUpTwoClinics(h);
  await c.sato.command('start mhlw-minimum-5.2');
  await c.suzuki.command('start mhlw-minimum-5.2');
  const [checklist] = h.store.assessments.listForPerson(c.organizationId(), c.personId('U0SATO'));
  submitThroughService(h.service, c.participant('U0SATO'), checklist!.id, mixedAnswers(checklistFlows().get('mhlw-minimum-5.2')!));
  return { ...c, checklistId: checklist!.id };
}

const sectionsOf = (blocks: Block[]) => blocks.filter((b) => b.type === 'section').map((b) => textOf([b]));

test('a lead sees every facility and flow, most urgent first; a manager keeps her own view', async () => {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  const c = await clinics(h);

  await c.boss.openHome();
  const home = c.boss.homeBlocks();
  expect(textOf(home)).toContain('拠点 2・確認待ち 1・差し戻し中 0・期限超過 0件・承認済 0・未着手 2');
  const rows = sectionsOf(home);
  expect(rows[0]).toMatch(/^:inbox_tray: \*本院\* — 医療情報システムの安全管理.*\n提出済・確認待ち・2026年4月1日提出・実施予定 6・<@U0SATO>$/);
  expect(rows.find((r) => r.includes('*北分院* — 医療情報システム'))).toContain('回答中（0/90）');
  expect(rows.filter((r) => r.includes('未着手'))).toHaveLength(2); // the second checklist at both clinics

  // Months later two 実施予定 dates have passed: 本院 moves to the top, in red.
  h.clock.advance(289 * DAY);
  await c.boss.openHome();
  const later = sectionsOf(c.boss.homeBlocks());
  expect(later[0]).toContain(':red_circle: *本院*');
  expect(later[0]).toContain('期限超過 2');

  // The manager's Home is still hers: her assessments and her facility, no dashboard.
  await c.sato.openHome();
  expect(textOf(c.sato.homeBlocks())).toContain('回答する拠点: 本院');
  expect(textOf(c.sato.homeBlocks())).not.toContain('全拠点の状況');
  expect(h.fake.invalidBlocks).toEqual([]);
});

test('from a row a lead gets the report or nudges the respondent; a manager clicking a lead’s Home is refused', async () => {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  const c = await clinics(h);
  await c.boss.openHome();

  await c.boss.choose('回答者に催促する', 'home', '*北分院* — 医療情報システム');
  const nudge = c.suzuki.last();
  expect(textOf(nudge.blocks)).toBe('<@U0BOSS> さんから: 「医療情報システムの安全管理に関するガイドライン 第5.2版 最低限のガイドライン遵守チェックリスト」（北分院）の回答をお願いします。');
  expect(buttonLabels(nudge.blocks)).toEqual(['続きから']);
  expect(textOf(c.boss.last().blocks)).toBe('<@U0SUZUKI> さんに催促をお送りしました。');

  // Not started yet: the facility's managers are asked to start.
  await c.boss.choose('回答者に催促する', 'home', '*本院* — オンライン資格確認');
  expect(textOf(c.sato.last().blocks)).toContain('自己点検を始めてください');

  await c.boss.choose('レポートを受け取る', 'home', '*本院* — 医療情報システム');
  expect(h.fake.uploads.at(-1)).toMatchObject({ channelId: 'D0BOSS', filename: 'mhlw-minimum-5.2-2026-04-01.pdf' });

  // The same menu, sent by a manager (a forwarded or forged Home view): refused, nothing sent.
  const uploads = h.fake.uploads.length;
  const forged: FakeMessage = { channel: 'D0SATO', ts: '1700000000.999999', text: '', blocks: c.boss.homeBlocks(), versions: [] };
  await c.sato.choose('レポートを受け取る', forged, '*本院* — 医療情報システム');
  await c.sato.click('Excelで書き出す', forged);
  expect(h.fake.uploads).toHaveLength(uploads);
  expect(textOf(c.sato.last().blocks)).toContain('（リード）だけができます');
  expect(h.fake.invalidBlocks).toEqual([]);
});

test('leads add and edit facilities from the App Home in modals; refusals show in the modal and change nothing', async () => {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  const c = await setUpTwoClinics(h);
  await c.boss.openHome();

  await c.boss.click('拠点を追加', 'home');
  expect(h.fake.openedViews.at(-1)!.view).toMatchObject({ callback_id: 'kakunin.facility.add' });
  const duplicate = await c.boss.submitModal({ name: { value: '本院' }, tz: { value: 'Asia/Tokyo' }, managers: { selected_users: [] } });
  expect(JSON.parse(duplicate.body)).toEqual({ response_action: 'errors', errors: { name: '拠点「本院」はすでにあります。別の名前にしてください。' } });
  const badZone = await c.boss.submitModal({ name: { value: '南分院' }, tz: { value: 'Tokyo' }, managers: { selected_users: [] } });
  expect(JSON.parse(badZone.body).errors).toEqual({ tz: '「Tokyo」はタイムゾーンとして読み取れません。Asia/Tokyo のように指定してください。' });
  expect(h.store.facilities.list(c.organizationId()).map((f) => f.name)).toEqual(['北分院', '本院']);

  await c.boss.submitModal({ name: { value: '南分院' }, tz: { value: 'Asia/Tokyo' }, managers: { selected_users: ['U0NEW'] } });
  const south = h.store.facilities.list(c.organizationId()).find((f) => f.name === '南分院')!;
  expect(h.store.facilityManagers.managersOf(c.organizationId(), south.id).map((p) => p.slackUserId)).toEqual(['U0NEW']);

  // Edit: the modal opens with what is stored; rename, another respondent, archive.
  await c.boss.openHome();
  await c.boss.choose('本院', 'home');
  const edit = h.fake.openedViews.at(-1)!.view;
  expect(edit).toMatchObject({ callback_id: 'kakunin.facility.edit' });
  const blocks = edit.blocks as Block[];
  expect(blocks.find((b) => b.block_id === 'name')).toMatchObject({ element: { initial_value: '本院' } });
  expect(blocks.find((b) => b.block_id === 'managers')).toMatchObject({ element: { initial_users: ['U0SATO'] } });
  await c.boss.submitModal({ name: { value: '本院（本店）' }, tz: { value: 'Asia/Tokyo' }, managers: { selected_users: ['U0SATO', 'U0SUZUKI'] }, archive: { selected_options: [] } });
  const honin = h.store.facilities.get(c.organizationId(), c.facilityId('本院（本店）'));
  expect(h.store.facilityManagers.managersOf(c.organizationId(), honin.id).map((p) => p.slackUserId).sort()).toEqual(['U0SATO', 'U0SUZUKI']);

  await c.boss.openHome();
  await c.boss.choose('南分院', 'home');
  await c.boss.submitModal({ name: { value: '南分院' }, tz: { value: 'Asia/Tokyo' }, managers: { selected_users: [] }, archive: { selected_options: [{ value: 'archive' }] } });
  expect(h.store.facilities.get(c.organizationId(), south.id).archivedAt).not.toBeNull();

  // A manager submitting the same modal is refused inside the modal.
  await c.boss.click('拠点を追加', 'home');
  const refused = await c.sato.submitModal({ name: { value: '西分院' }, tz: { value: 'Asia/Tokyo' }, managers: { selected_users: [] } });
  expect(JSON.parse(refused.body).errors.name).toContain('（リード）だけができます');
  expect(h.store.facilities.list(c.organizationId()).map((f) => f.name)).not.toContain('西分院');
  expect(h.fake.invalidBlocks).toEqual([]);
});

test('the leads’ Home follows state changes without being reopened, one publish per burst', async () => {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  const c = await setUpTwoClinics(h);
  const publishes = (userId: string) => h.fake.callsTo('views.publish').filter((call) => call.args.user_id === userId).length;
  const [boss, admin] = [publishes('U0BOSS'), publishes('U0ADMIN')];

  await c.sato.command('start mhlw-minimum-5.2');
  expect(publishes('U0BOSS')).toBe(boss + 1);
  expect(publishes('U0ADMIN')).toBe(admin + 1);
  const view = h.fake.homeViews('U0BOSS').at(-1)!;
  expect(textOf(view.blocks as Block[])).toContain('回答中（0/90）');
});

test('50 facilities stay within Block Kit limits: a summary, 20 rows a page, and paging', async () => {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  const c = await setUpTwoClinics(h);
  const lead = c.participant('U0BOSS');
  const facilities = (h.kakunin.context as { facilities: { add(who: unknown, name: string): unknown } }).facilities;
  for (let i = 1; i <= 48; i++) facilities.add(lead, `第${i}診療所`);

  await c.boss.openHome();
  const first = c.boss.homeBlocks();
  expect(first.length).toBeLessThanOrEqual(100);
  expect(textOf(first)).toContain('拠点 50・');
  expect(textOf(first)).toContain('1–20件目 / 全100件（1/5ページ）');
  const select = first.flatMap((b) => (b.type === 'actions' ? (b.elements as { type: string; options?: unknown[] }[]) : [])).find((e) => e.type === 'static_select');
  expect(select?.options).toHaveLength(50);

  await c.boss.click('次へ →', 'home');
  expect(textOf(c.boss.homeBlocks())).toContain('21–40件目 / 全100件（2/5ページ）');
  for (let i = 0; i < 3; i++) await c.boss.click('次へ →', 'home');
  expect(textOf(c.boss.homeBlocks())).toContain('81–100件目 / 全100件（5/5ページ）');
  expect(buttonLabels(c.boss.homeBlocks())).toContain('← 前へ');
  expect(buttonLabels(c.boss.homeBlocks())).not.toContain('次へ →');
  expect(h.fake.invalidBlocks).toEqual([]);
});
