// 佐藤さん re-assesses in her DM a year after the first submission: she starts from last year's answers,
// confirms the 前提 one by one and eight areas at once from their lists, answers the two past 実施予定 and the
// regressed item, leaves one for later — 提出 is refused and names it — then submits. The PDF that arrives
// has a 「前回との比較」 page with exactly those changes. Signed requests, the fake Web API, real SQLite.
import { expect, test } from 'vitest';
import { findItem } from '../../src/flow/model.ts';
import { manualClock } from '../store/helpers/manual-clock.ts';
import { readPdfText, squash } from '../report/helpers/pdf-text.ts';
import { BULK_SECTIONS, FIRST_SUBMISSION, ONE_YEAR_LATER, lastYearAnswers } from '../helpers/reassessment-story.ts';
import { fillThroughSlack } from './fill-through-slack.ts';
import { startHarness } from './harness.ts';
import { buttonLabels, textOf, type HttpResult } from './slack-user.ts';

test('re-assessment in Slack, one year later', async () => {
  const h = await startHarness({ clock: manualClock(FIRST_SUBMISSION.toISOString()) });
  const sato = h.user('U0SATO', 'sato');
  const ok = async (r: Promise<HttpResult>) => expect((await r).status).toBe(200);
  const flow = h.service.availableFlows().find((f) => f.id === 'mhlw-minimum-5.2')!;

  // Last year, through Slack as well.
  await ok(sato.command('start mhlw-minimum-5.2'));
  const [org] = [h.store.organizations.ensureForSlackTeam('T0CLINIC')];
  const first = h.store.assessments.listForFacility(org.id, h.store.facilities.list(org.id)[0]!.id)[0]!;
  await fillThroughSlack(h, sato, org.id, first.id, lastYearAnswers(flow));
  expect(h.fake.uploads).toHaveLength(1);

  h.clock.advance(ONE_YEAR_LATER.getTime() - FIRST_SUBMISSION.getTime());
  await ok(sato.command('start mhlw-minimum-5.2'));
  expect(buttonLabels(sato.last().blocks)).toEqual(['前回（令和7年度・2025年12月1日提出）の回答を引き継いで始める', '白紙から始める']);
  await ok(sato.click('前回（令和7年度・2025年12月1日提出）の回答を引き継いで始める'));
  expect(textOf(sato.dm().at(-2)!.blocks)).toContain('▶ 前回（令和7年度・2025年12月1日提出）の回答を引き継いで始める');
  await ok(sato.click('始める')); // the introduction

  // 前提: the list, then each one re-asked with last year's answer.
  expect(textOf(sato.last().blocks)).toContain('前回の回答（4項目）');
  expect(buttonLabels(sato.last().blocks)).toEqual(['始める', '戻る', '後で続ける']);
  await ok(sato.click('始める'));
  for (let n = 0; n < 4; n++) {
    expect(textOf(sato.last().blocks)).toMatch(/\*前回: (利用している|取り扱っていない|採用している|利用していない|ない|ある)\*/);
    await ok(sato.click('変更なし'));
  }
  expect(textOf(sato.dm().at(-2)!.blocks)).toContain('変更なし（');

  // 組織的安全管理対策: two dates have passed, so no 「すべて変更なし」; one item at a time.
  let text = textOf(sato.last().blocks);
  expect(text).toContain('【実施予定日が経過】2. 個人情報参照可能な場所においては');
  expect(text).toContain('回答が必要な項目があるため、この分野は1項目ずつ確認します。');
  expect(buttonLabels(sato.last().blocks)).not.toContain('この分野はすべて変更なし');
  await ok(sato.click('始める'));
  // organizational.1 regressed: the officer left.
  expect(buttonLabels(sato.last().blocks)).toEqual(['変更なし', '実施済', '実施予定…', '戻る', '後で確認する', '後で続ける']);
  await ok(sato.click('実施予定…'));
  await ok(sato.pickDate('2027-06-30'));
  // organizational.2 was planned for 2026-03-31: asked whether it was done; 変更なし is not offered.
  text = textOf(sato.last().blocks);
  expect(text).toContain('2026年3月31日に実施予定でした。実施できましたか？');
  expect(text).toContain('*前回: 実施予定（2026年3月31日）*');
  expect(buttonLabels(sato.last().blocks)).not.toContain('変更なし');
  // 実施済 asks on which day: not in the future, then 2026-05-10.
  await ok(sato.click('実施済'));
  expect(textOf(sato.last().blocks)).toContain('実施した日を選んでください（2026年12月1日まで）。');
  await ok(sato.pickDate('2027-01-10'));
  expect(textOf(sato.last().blocks)).toContain('実施日に未来の日付（2027年1月10日）は指定できません。');
  await ok(sato.pickDate('2026-05-10'));
  expect(textOf(sato.dm().at(-2)!.blocks)).toContain('実施済（2026年5月10日）');
  await ok(sato.click('変更なし')); // organizational.3
  expect(textOf(sato.last().blocks)).toContain('2026年6月30日に実施予定でした。実施できましたか？');
  expect(buttonLabels(sato.last().blocks)).toEqual(['実施済', '新しい実施時期…', '戻る', '後で確認する', '後で続ける']);
  await ok(sato.click('新しい実施時期…')); // organizational.4, postponed
  await ok(sato.pickDate('2027-03-31'));
  await ok(sato.click('後で確認する')); // organizational.5, later

  // Every other area: its list in one message, then 「この分野はすべて変更なし」.
  for (const sectionId of BULK_SECTIONS) {
    const list = sato.last();
    const title = h.service.availableFlows()[0]!.sections.find((s) => s.id === sectionId)!.title.ja;
    expect(textOf(list.blocks)).toContain(`${title}（`);
    expect(textOf(list.blocks)).toMatch(/\*前回の回答（\d+項目）\*\n• 1\. /);
    await ok(sato.click('この分野はすべて変更なし'));
    // A double click (the same request again) confirms nothing twice.
    if (sectionId === 'physical') {
      await ok(sato.sendPayload(sato.lastPayload));
      const current = h.store.assessments.listForPerson(org.id, first.respondentId).find((a) => a.id !== first.id)!;
      expect(h.store.reassessments.confirmations(current.id).filter((c) => c.via === 'section')).toHaveLength(6);
    }
    expect(textOf(sato.message(list.ts).blocks)).toMatch(/「.+」の\d+項目をすべて変更なしで確認しました/);
    expect(textOf(sato.message(list.ts).blocks)).toContain(`「${title}」の`);
  }

  // The review: what changed, what is still open; 提出 is refused and names organizational.5.
  text = textOf(sato.last().blocks);
  expect(text).toContain('前回との比較（3件）');
  expect(text).toContain('後退（実施済 → 実施予定 2027年6月30日）');
  expect(text).toContain('改善（2026年3月31日 → 実施済 2026年5月10日）');
  expect(text).toContain('時期変更（2026年6月30日 → 2027年3月31日、9か月後ろ倒し）');
  expect(text).toContain('まだ確認していない項目（1件）');
  const review = sato.last();
  await ok(sato.click('提出する'));
  expect(textOf(sato.message(review.ts).blocks)).toContain(
    'まだ確認していない項目が1件あるため提出できません。前回の回答のままなら「変更なし」を押してください：組織的安全管理対策 5.',
  );
  await ok(sato.click('回答する'));
  await ok(sato.click('変更なし'));
  await ok(sato.click('提出する'));
  expect(textOf(sato.dm().at(-2)!.blocks) + textOf(sato.last().blocks)).toContain('提出しました');

  // History: 80 items confirmed by her via the section steps, at this moment.
  const current = h.store.assessments.listForPerson(org.id, first.respondentId).find((a) => a.id !== first.id)!;
  const bulk = h.store.reassessments.confirmations(current.id).filter((c) => c.via === 'section');
  expect(bulk).toHaveLength(80);
  expect(new Set(bulk.map((c) => `${c.personId} ${c.channel} ${c.at}`))).toEqual(new Set([`${first.respondentId} slack ${ONE_YEAR_LATER.toISOString()}`]));

  // The PDF in her DM: the 「前回との比較」 page lists exactly the three changes.
  expect(h.fake.uploads).toHaveLength(2);
  const pages = await readPdfText(new Uint8Array(h.fake.uploads[1]!.bytes!));
  const comparison = pages.map((p) => squash(p.pieces.map((x) => x.str).join(''))).find((t) => t.includes('前回との比較'))!;
  expect(comparison).toContain(squash('改善 1件　後退 1件　時期変更 1件'));
  expect(comparison.match(/(改善|後退|時期変更)（/g)).toEqual(['後退（', '改善（', '時期変更（']);
  expect(comparison).toContain(squash(findItem(flow, 'organizational.4')!.item.text.ja.slice(0, 20)));

  // App Home: the facility's 実施済 per 年度 — 81 of 90 both years (one improved, one regressed).
  await ok(sato.openHome());
  const home = textOf(sato.homeBlocks());
  expect(home).toContain('実施済の推移（年度別）');
  expect(home).toContain('令和7年度 █████████░ 81/90\n令和8年度 █████████░ 81/90');
});
