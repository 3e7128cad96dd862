// The review, as the issue tells it: two clinics, two managers, two leads. Both submit; lead A returns one
// with two flagged items; the manager revises only those and resubmits; lead B sees what changed and
// approves; the PDF carries the approval box. Forwarded buttons, another workspace and double clicks change
// nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import type { Interaction } from '../../src/engine/events.ts';
import { itemRefs } from '../../src/flow/model.ts';
import type { AssessmentService } from '../../src/service/assessment-service.ts';
import type { Participant } from '../../src/service/interaction.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { runEntry } from '../helpers/run-cli.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import { readPdfText, squash } from '../report/helpers/pdf-text.ts';
import type { FakeMessage } from './fake-slack-api.ts';
import { checklistFlows, startHarness, type Harness } from './harness.ts';
import { ackText } from './lead-people.ts';
import { buttonLabels, textOf, type SlackUser } from './slack-user.ts';
import { leadStoryUsers, setUpTwoClinics, type TwoClinics } from './two-clinics.ts';

const checklist = checklistFlows().get('mhlw-minimum-5.2')!;

/** Answers every question through the service (fast), up to the review; the 提出 itself is clicked in Slack. */
function answerUpToReview(service: AssessmentService, who: Participant, assessmentId: string, answers: Answers): void {
  const act = (interaction: Interaction) => service.interact(who, assessmentId, interaction);
  let turn = act({ type: 'START' });
  for (let step = 0; step < 1000 && turn.prompt.kind !== 'review'; step++) {
    const prompt = turn.prompt;
    if (prompt.kind === 'section-intro') turn = act({ type: 'CONTINUE' });
    else if (prompt.kind === 'question') turn = act({ type: 'ANSWER', itemId: prompt.item.id, answer: answers[prompt.item.id]! });
    else throw new Error(`unexpected prompt ${prompt.kind}`);
  }
}

async function submitInSlack(h: Harness, c: TwoClinics, user: SlackUser): Promise<string> {
  await user.command('start mhlw-minimum-5.2');
  const id = h.store.assessments.listForPerson(c.organizationId(), c.personId(user.userId))[0]!.id;
  answerUpToReview(h.service, c.participant(user.userId), id, mixedAnswers(checklist));
  await user.command('');
  await user.click('提出する');
  return id;
}

const requestsIn = (messages: FakeMessage[], facility: string) => messages.filter((m) => textOf(m.blocks).includes('確認依頼') && textOf(m.blocks).includes(facility));

test('two clinics submit; lead A returns one with two flagged items; it is revised and resubmitted; lead B sees the diff and approves', async () => {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  const c = await setUpTwoClinics(h);
  const honin = await submitInSlack(h, c, c.sato);
  const kita = await submitInSlack(h, c, c.suzuki);

  // Both leads get each request by DM (no review channel set), with the PDF.
  for (const lead of [c.boss, c.admin]) {
    expect(requestsIn(lead.dm(), '本院')).toHaveLength(1);
    expect(requestsIn(lead.dm(), '北分院')).toHaveLength(1);
  }
  const request = requestsIn(c.boss.dm(), '本院')[0]!;
  const text = textOf(request.blocks);
  expect(text).toContain('確認依頼：医療情報システムの安全管理に関するガイドライン');
  expect(text).toContain('<@U0SATO>');
  expect(text).toContain('第1回提出');
  expect(text).toContain('実施済 79・実施予定 6・該当なし 5');
  expect(text).toContain('*実施予定の項目（6件）*');
  expect(text).toContain('2026年12月31日');
  expect(buttonLabels(request.blocks)).toEqual(['承認', '差し戻し', '詳細']);
  expect(h.fake.uploads.filter((u) => u.channelId === 'D0BOSS' && u.filename.endsWith('.pdf'))).toHaveLength(2);

  // Lead A returns 本院 with a comment and two flagged items, each with its own comment.
  await c.boss.click('差し戻し', request);
  const modal = h.fake.openedViews.at(-1)!.view;
  expect(modal).toMatchObject({ callback_id: 'kakunin.review.returnModal' });
  const noComment = await c.boss.submitModal({ comment: { value: '' }, 'flag.0': { selected_option: { value: 'technical.15' } } });
  expect(JSON.parse(noComment.body).errors.comment).toContain('コメントで入力してください');
  await c.boss.submitModal({
    comment: { value: '実施予定の2項目は、今年度中に実施できるはずです。確認してください。' },
    'flag.0': { selected_option: { value: 'technical.15' } },
    'note.0': { value: '二要素認証は導入済みでは？' },
    'flag.1': { selected_option: { value: 'physical.5' } },
    'note.1': { value: '入退室記録の状況を教えてください' },
  });
  expect(h.store.assessments.get(c.organizationId(), honin).status).toBe('returned');
  // Every copy of the request now says who decided, and has no buttons.
  for (const lead of [c.boss, c.admin]) {
    const copy = requestsIn(lead.dm(), '本院')[0]!;
    expect(textOf(copy.blocks)).toContain('↩ <@U0BOSS> が差し戻しました');
    expect(buttonLabels(copy.blocks)).toEqual([]);
  }

  // The respondent gets the comments, the flagged items and 修正する.
  const returned = c.sato.last();
  expect(textOf(returned.blocks)).toContain('が差し戻されました — <@U0BOSS>');
  expect(textOf(returned.blocks)).toContain('二要素認証は導入済みでは？');
  expect(textOf(returned.blocks)).toContain('*直してほしい項目（2件）*');
  // On the leads' dashboard it is 差し戻し中 until it comes back.
  await c.boss.openHome();
  expect(textOf(c.boss.homeBlocks())).toMatch(/\*本院\* — 医療情報システム[^\n]*\n差し戻し中/);
  const historyBefore = h.store.answers.history(honin).length;
  // Someone else's 修正する (a forwarded DM) opens nothing.
  await c.suzuki.click('修正する', { ...returned, channel: 'D0SUZUKI' });
  expect(textOf(c.suzuki.lastEphemeral()!.blocks)).toBe('この点検の回答者ではないため、修正できません。');
  await c.sato.click('修正する', returned);
  // Revising starts at the first flagged item, every answer kept.
  expect(textOf(c.sato.last().blocks)).toContain('確認画面から修正中です。');
  expect(textOf(c.sato.last().blocks)).toContain('現在の回答: 実施予定（2027年3月31日）');
  expect(textOf(c.sato.last().blocks)).toContain('物理的安全管理対策 5/6'); // flow order: 物理的 before 技術的
  await c.sato.click('実施済');
  const review = c.sato.last();
  expect(textOf(review.blocks)).toContain('*差し戻しで指摘された項目（2件）*');
  // 修正 beside the second flagged item (technical.15).
  const technicalRow = { ...review, blocks: review.blocks.filter((b) => !(b.type === 'section' && textOf([b]).includes('物理的安全管理対策 5.'))) };
  await c.sato.click('修正', technicalRow);
  expect(textOf(c.sato.last().blocks)).toContain('技術的安全管理対策 15/');
  expect(textOf(c.sato.last().blocks)).toContain('現在の回答: 実施予定（2027年3月31日）');
  await c.sato.click('実施済');
  await c.sato.click('提出する');
  expect(h.store.assessments.get(c.organizationId(), honin).status).toBe('submitted');
  // Only the two flagged items were changed.
  expect(h.store.answers.history(honin).slice(historyBefore).map((e) => e.itemId).sort()).toEqual(['physical.5', 'technical.15']);

  // Round 2 reaches both leads with what changed since round 1.
  const round2 = requestsIn(c.admin.dm(), '本院').find((m) => textOf(m.blocks).includes('第2回提出'))!;
  const diff = textOf(round2.blocks);
  expect(diff).toContain('*前回（第1回）の差し戻しからの変更（2件）*');
  expect(diff).toContain('技術的安全管理対策 15.: 実施予定（2027年3月31日） → *実施済*');
  expect(diff).toMatch(/物理的安全管理対策 5\.: 実施予定（2027年3月31日） → \*実施済\*/);

  // Lead B approves with a comment; a double click on the modal's 承認 records one decision.
  await c.admin.click('承認', round2);
  expect(h.fake.openedViews.at(-1)!.view).toMatchObject({ callback_id: 'kakunin.review.approveModal' });
  await c.admin.submitModal({ comment: { value: '確認しました。ありがとうございます。' } });
  const second = await c.admin.submitModal({ comment: { value: '確認しました。ありがとうございます。' } });
  expect(JSON.parse(second.body).errors.comment).toMatch(/^この点検はすでに <@U0ADMIN> が承認しています/);
  // The old copy of the message, clicked again, is refused too and turns into the decided version.
  await c.admin.click('承認', { message: round2, version: 0 });
  expect(h.store.assessments.get(c.organizationId(), honin).status).toBe('approved');
  expect(h.store.reviews.history(honin).map((d) => [d.round, d.decision])).toEqual([
    [1, 'returned'],
    [2, 'approved'],
  ]);
  expect(textOf(c.admin.lastEphemeral()!.blocks)).toMatch(/^この点検はすでに <@U0ADMIN> が承認しています/);
  expect(textOf(c.admin.message(round2.ts).blocks)).toContain('✅ <@U0ADMIN> が承認しました');
  expect(textOf(c.sato.last().blocks)).toContain('が承認されました — <@U0ADMIN>');
  expect(textOf(c.sato.last().blocks)).toContain('確認しました。ありがとうございます。');

  // The report carries the approval box; 北分院's, not yet approved, says 未承認.
  const pdfText = async (id: string) =>
    squash((await readPdfText(await renderReport(h.kakunin.context.directory.reportSource(c.organizationId(), id, 'ja')))).flatMap((p) => p.pieces.map((x) => x.str)).join(''));
  expect(await pdfText(honin)).toContain(squash('承認 承認者 山本 事務長 承認日 2026年4月1日'));
  expect(await pdfText(kita)).toContain(squash('承認 未承認'));

  // 詳細 shows the history: both rounds, the comments and the flags.
  await c.boss.click('詳細', requestsIn(c.boss.dm(), '北分院')[0]!);
  await c.boss.click('詳細', { message: requestsIn(c.boss.dm(), '本院')[0]!, version: 0 });
  const detail = textOf(h.fake.openedViews.at(-1)!.view.blocks as never);
  expect(detail).toContain('第1回: ↩ 差し戻し — <@U0BOSS>');
  expect(detail).toContain('第2回: ✅ 承認 — <@U0ADMIN>');
  expect(detail).toContain('• 技術的安全管理対策 15. — 二要素認証は導入済みでは？');

  // The history is exported too: the workbook's 確認履歴 sheet.
  await c.boss.command('export');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(h.fake.uploads.at(-1)!.bytes! as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('確認履歴')!;
  const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  expect(row(1)).toEqual(['拠点', 'チェックリスト', '回', '判断', 'コメント', '指摘項目', '判断者', '日付', '経路']);
  expect(row(2).slice(0, 7)).toEqual(['本院', expect.stringContaining('最低限のガイドライン'), 1, '差し戻し', '実施予定の2項目は、今年度中に実施できるはずです。確認してください。', '物理的安全管理対策 5.: 入退室記録の状況を教えてください\n技術的安全管理対策 15.: 二要素認証は導入済みでは？', '田中 院長']);
  expect(row(3).slice(2, 7)).toEqual([2, '承認', '確認しました。ありがとうございます。', '', '山本 事務長']);

  // …and as a CSV table from the database file, for whoever keeps the records in a spreadsheet.
  const csvOut = join(h.store.db.name, '..', 'reviews.csv');
  const exported = await runEntry('src/cli/main.ts', ['export-all', '--format', 'csv', '--table', 'reviews', '--out', csvOut], '', { KAKUNIN_DB: h.store.db.name });
  expect(exported.stderr).toBe('');
  expect(exported.code).toBe(0);
  const csv: string[][] = parse(readFileSync(csvOut, 'utf8'), { bom: true, record_delimiter: '\r\n' });
  expect(csv[0]).toEqual(['拠点', 'チェックリスト', '回', '判断', 'コメント', '指摘項目', '判断者', '日付', '経路']);
  const honinRows = csv.filter((r) => r[0] === '本院');
  expect(honinRows.map((r) => r.slice(2, 7))).toEqual([
    ['1', '差し戻し', '実施予定の2項目は、今年度中に実施できるはずです。確認してください。', '物理的安全管理対策 5.: 入退室記録の状況を教えてください\n技術的安全管理対策 15.: 二要素認証は導入済みでは？', '田中 院長'],
    ['2', '承認', '確認しました。ありがとうございます。', '', '山本 事務長'],
  ]);
  expect(honinRows.map((r) => [r[7], r[8]])).toEqual([
    [(row(2)[7] as Date).toISOString().slice(0, 10), 'slack'],
    [(row(3)[7] as Date).toISOString().slice(0, 10), 'slack'],
  ]);
  expect(h.fake.invalidBlocks).toEqual([]);
}, 120_000);

/** 北分院 has submitted and lead 田中 has opened its 差し戻し modal; `modal` is its newest version. */
async function returnModalOpenOnKita() {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  const c = await setUpTwoClinics(h);
  const kita = await submitInSlack(h, c, c.suzuki);
  await c.boss.click('差し戻し', requestsIn(c.boss.dm(), '北分院')[0]!);
  const modal = () => h.fake.openedViews.at(-1)!;
  const slots = () => ((modal().view.blocks as { block_id?: string }[]) ?? []).filter((b) => b.block_id?.startsWith('flag.')).length;
  return { h, c, kita, modal, slots };
}

test('a lead flags seven items: 「＋ 指摘する項目を追加」 adds a slot at a time, a double click adds one, and all seven are sent back', async () => {
  const { h, c, kita, modal, slots } = await returnModalOpenOnKita();
  expect(slots()).toBe(5);
  expect(buttonLabels(modal().view.blocks as never)).toEqual(['＋ 指摘する項目を追加']);

  await c.boss.clickInModal('＋ 指摘する項目を追加');
  expect(slots()).toBe(6);
  // The same modal, replaced: the slots already there keep their block ids, so Slack keeps what was typed.
  expect(h.fake.openedViews.at(-2)!.id).toBe(modal().id);
  expect((modal().view.blocks as { block_id?: string }[]).slice(0, 12).map((b) => b.block_id)).toEqual(
    (h.fake.openedViews.at(-2)!.view.blocks as { block_id?: string }[]).slice(0, 12).map((b) => b.block_id),
  );
  // The second click of a double click carries the hash the first one replaced: it changes nothing.
  const versions = h.fake.openedViews.length;
  await c.boss.sendPayload(c.boss.lastPayload);
  expect(h.fake.openedViews).toHaveLength(versions);
  expect(h.logs.some((l) => l.msg === 'a second click on the same return modal: the first one added the slot')).toBe(true);
  expect(h.logs.filter((l) => l.level === 50)).toEqual([]);
  await c.boss.clickInModal('＋ 指摘する項目を追加');
  expect(slots()).toBe(7);

  const items = ['organizational.1', 'organizational.2', 'organizational.3', 'physical.1', 'physical.2', 'physical.3', 'physical.4'];
  await c.boss.submitModal({
    comment: { value: '記載の根拠を確認させてください。' },
    ...Object.fromEntries(items.flatMap((itemId, i) => [[`flag.${i}`, { selected_option: { value: itemId } }], [`note.${i}`, { value: `根拠 ${i + 1}` }]])),
  });
  expect(h.store.assessments.get(c.organizationId(), kita).status).toBe('returned');
  expect(h.store.reviews.history(kita)[0]!.flags).toEqual(items.map((itemId, i) => ({ itemId, comment: `根拠 ${i + 1}` })));
  expect(textOf(c.suzuki.last().blocks)).toContain('*直してほしい項目（7件）*');
  // The modal's button, clicked after the decision (a second window left open), adds nothing.
  const after = h.fake.openedViews.length;
  await c.boss.clickInModal('＋ 指摘する項目を追加');
  expect(h.fake.openedViews).toHaveLength(after);
  expect(h.logs.at(-1)).toMatchObject({ refusal: 'AlreadyDecidedError', msg: 'no slot added to a return modal that can no longer be used' });
  expect(h.fake.invalidBlocks).toEqual([]);
}, 60_000);

test('the 差し戻し modal grows to 30 slots and then offers no more; thirty long comments still fit what the respondent and 詳細 show', async () => {
  const { h, c, kita, modal, slots } = await returnModalOpenOnKita();
  let clicks = 0;
  while (buttonLabels(modal().view.blocks as never).includes('＋ 指摘する項目を追加')) {
    await c.boss.clickInModal('＋ 指摘する項目を追加');
    clicks++;
  }
  expect(clicks).toBe(25);
  expect(slots()).toBe(30);
  // Every slot used, each comment as long as the modal allows: what the respondent and 詳細 show still fits Slack.
  const items = itemRefs(checklist).filter((r) => r.section.kind !== 'gates').slice(0, 30).map((r) => r.item.id);
  const note = (i: number) => `${i + 1}: ${'確認してください。'.repeat(40)}`.slice(0, 300);
  await c.boss.submitModal({
    comment: { value: '全項目について根拠を確認させてください。' },
    ...Object.fromEntries(items.flatMap((itemId, i) => [[`flag.${i}`, { selected_option: { value: itemId } }], [`note.${i}`, { value: note(i) }]])),
  });
  expect(h.store.reviews.history(kita)[0]!.flags).toEqual(items.map((itemId, i) => ({ itemId, comment: note(i) })));
  expect(textOf(c.suzuki.last().blocks)).toContain('*直してほしい項目（30件）*');
  // 詳細 on the request as it was before the decision (the decided copy has no buttons).
  await c.boss.click('詳細', { message: requestsIn(c.boss.dm(), '北分院')[0]!, version: 0 });
  expect(textOf(h.fake.openedViews.at(-1)!.view.blocks as never)).toContain('30: 確認してください。');
  expect(h.fake.invalidBlocks).toEqual([]);
}, 60_000);

test('a manager clicking 承認 on a forwarded request, or a lead of another workspace, changes nothing', async () => {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  const c = await setUpTwoClinics(h);
  const kita = await submitInSlack(h, c, c.suzuki);
  const request = requestsIn(c.boss.dm(), '北分院')[0]!;
  const forwarded: FakeMessage = { ...request, channel: 'D0SATO' };

  await c.sato.click('承認', forwarded);
  expect(textOf(c.sato.lastEphemeral()!.blocks)).toContain('（リード）だけができます');
  await c.suzuki.click('承認', { ...request, channel: 'D0SUZUKI' }); // the respondent himself
  expect(textOf(c.suzuki.lastEphemeral()!.blocks)).toContain('（リード）だけができます');
  const stranger = h.user('U0BOSS', 'tanaka', 'T0OTHER');
  await stranger.click('承認', request);
  await stranger.click('差し戻し', request);
  expect(textOf(stranger.lastEphemeral()!.blocks)).toBe('この点検はいま確認待ちではありません。');
  expect(h.store.assessments.get(c.organizationId(), kita).status).toBe('submitted');
  expect(h.store.reviews.history(kita)).toEqual([]);
  expect(buttonLabels(c.boss.message(request.ts).blocks)).toEqual(['承認', '差し戻し', '詳細']);
});

test('a lead cannot approve their own submission unless they are the only lead, and the record says so', async () => {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  const c = await setUpTwoClinics(h);
  await c.boss.command('facility assign 本院 <@U0BOSS>');
  const own = await submitInSlack(h, c, c.boss);
  const request = requestsIn(c.boss.dm(), '本院')[0]!;
  await c.boss.click('承認', request);
  expect(textOf(c.boss.lastEphemeral()!.blocks)).toBe('ご自身が提出した点検は承認できません。ほかのリードに承認を依頼してください。');
  expect(h.store.assessments.get(c.organizationId(), own).status).toBe('submitted');

  expect(ackText(await c.boss.command('leads remove <@U0ADMIN>'))).toContain('外しました');
  await c.boss.click('承認', request);
  await c.boss.submitModal({ comment: { value: '' } });
  expect(h.store.assessments.get(c.organizationId(), own).status).toBe('approved');
  expect(h.store.reviews.history(own)[0]).toMatchObject({ decision: 'approved', ownSubmission: true });
});

test('with a review channel the requests go there; the app checks it can post and says how to invite it', async () => {
  const h = await startHarness({
    fake: { users: leadStoryUsers, channels: { C0REVIEW: { name: 'security-review', isMember: true }, C0CLOSED: { name: 'board', isMember: false }, G0SECRET: { name: 'secret', isPrivate: true } } },
  });
  const c = await setUpTwoClinics(h);
  expect(ackText(await c.sato.command('review-channel <#C0REVIEW|security-review>'))).toContain('（リード）だけができます');
  expect(ackText(await c.boss.command('review-channel <#C0CLOSED|board>'))).toContain('「/invite @kakunin」を実行してアプリを招待してから');
  expect(ackText(await c.boss.command('review-channel <#G0SECRET|secret>'))).toContain('が見つかりません');
  expect(ackText(await c.boss.command('review-channel <#C0REVIEW|security-review>'))).toBe('確認依頼は <#C0REVIEW> に投稿します。');
  expect(ackText(await c.boss.command('review-channel'))).toBe('確認依頼の投稿先: <#C0REVIEW>');

  await submitInSlack(h, c, c.sato);
  expect(requestsIn(h.fake.channel('C0REVIEW'), '本院')).toHaveLength(1);
  expect(requestsIn(c.boss.dm(), '本院')).toEqual([]);
  expect(h.fake.uploads.at(-1)).toMatchObject({ channelId: 'C0REVIEW' });

  // The dashboard row's 確認する brings the request into the lead's DM.
  await c.boss.openHome();
  await c.boss.choose('確認する', 'home', '*本院* — 医療情報システム');
  expect(requestsIn(c.boss.dm(), '本院')).toHaveLength(1);
  expect(buttonLabels(requestsIn(c.boss.dm(), '本院')[0]!.blocks)).toEqual(['承認', '差し戻し', '詳細']);

  // `/kakunin review` brings what waits into the lead's DM.
  expect(ackText(await c.admin.command('review'))).toBe('確認待ちの点検をDMでお送りしました。');
  expect(requestsIn(c.admin.dm(), '本院')).toHaveLength(1);
});
