// A pharmacy fills in the model security policy in Slack: choices are buttons, names and the date go
// through modals, and the policy PDF that arrives in the DM is worded for a 薬局.
import { expect, test } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { readPdfText, squash } from '../report/helpers/pdf-text.ts';
import { startHarness } from './harness.ts';
import { buttonLabels, textOf } from './slack-user.ts';

test('a pharmacy answers the policy questions in the DM and receives the policy PDF in its own wording', async () => {
  const policy = loadFlowsDir().get('security-policy')!;
  const h = await startHarness({ flows: new Map([[policy.id, policy]]) });
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start security-policy');
  await sato.click('始める'); // the introduction
  // 施設, right away: each section starts with its first question, no 始める in between.
  expect(buttonLabels(sato.last().blocks)).toEqual(['医院', '病院', '薬局', '訪問看護ステーション', '戻る', '後で続ける']);
  await sato.click('薬局');
  await sato.click('回答を入力…');
  await sato.submitModal({ answer: { value: 'さくら薬局' } });
  await sato.click('回答を入力…');
  await sato.submitModal({ answer: { value: '山田 一郎' } });

  // 管理体制
  await sato.click('施設の長が務める');
  await sato.click('回答を入力…');
  await sato.submitModal({ answer: { value: '副薬局長 鈴木 花子' } });
  await sato.click('回答を入力…');
  await sato.submitModal({ answer: { value: '事務長 高橋 次郎' } });

  // 認証
  await sato.click('採用していない');
  // 適用年月日
  await sato.click('回答を入力…');
  await sato.submitModal({ answer: { selected_date: '2026-12-01' } });

  expect(textOf(sato.last().blocks)).toContain('確認画面');
  await sato.click('提出する');
  expect(h.fake.uploads).toHaveLength(1);
  const text = squash((await readPdfText(new Uint8Array(h.fake.uploads[0]!.bytes!))).flatMap((p) => p.pieces.map((x) => x.str)).join(''));
  expect(text).toContain('さくら薬局（以下「当薬局」という。）');
  expect(text).toContain('薬局長をもって、これに充てる');
  expect(text).toContain('令和8年12月1日より適用する');
  expect(text).toContain('最長でも２か月以内に変更する');
  expect(h.fake.invalidBlocks).toEqual([]);
});
