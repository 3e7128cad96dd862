// A 実施時期 in the past, or beyond the allowed three years, is refused in place: the person sees why,
// and nothing is stored.
import { expect, test } from 'vitest';
import { startHarness } from './harness.ts';
import { sato as satoIds, snapshot, startChecklist } from './helpers.ts';
import { elementsOf, textOf } from './slack-user.ts';

test('a past or too distant 実施時期 is refused in the same message; a valid one is recorded', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const question = sato.last();
  const id = satoIds(h).assessmentId();
  const before = snapshot(h, id);
  const posts = h.fake.callsTo('chat.postMessage').length;

  await sato.click('実施予定…', question);
  expect(elementsOf(sato.message(question.ts).blocks).map((e) => e.element.type)).toEqual(['datepicker', 'button', 'button', 'button']);

  await sato.pickDate('2026-03-31', sato.message(question.ts));
  const refused = textOf(sato.message(question.ts).blocks);
  expect(refused).toContain(':warning: 実施時期に過去の日付（2026年3月31日）は指定できません。今日（2026年4月1日）以降の日付を指定してください。');
  expect(elementsOf(sato.message(question.ts).blocks).some((e) => e.element.type === 'datepicker')).toBe(true);

  await sato.pickDate('2029-04-02', sato.message(question.ts));
  expect(textOf(sato.message(question.ts).blocks)).toContain('実施時期は3年以内（2029年4月1日まで）で指定してください。');

  expect(snapshot(h, id)).toEqual(before);
  expect(h.fake.callsTo('chat.postMessage').length).toBe(posts);

  await sato.pickDate('2029-04-01', sato.message(question.ts));
  expect(snapshot(h, id).answers['organizational.1']).toEqual({ kind: 'planned', date: '2029-04-01' });
  expect(textOf(sato.message(question.ts).blocks)).toContain('実施予定（2029年4月1日）');
  expect(textOf(sato.last().blocks)).toContain('組織的安全管理対策 2/5');
});

test('取り消す closes the date picker without answering', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const question = sato.last();
  await sato.click('実施予定…', question);
  await sato.click('取り消す', sato.message(question.ts));
  expect(elementsOf(sato.message(question.ts).blocks).map((e) => (e.element.text as { text: string }).text)).toEqual(['実施済', '実施予定…', '戻る', '後で続ける']);
});
