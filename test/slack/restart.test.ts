// 佐藤さん stops half-way and comes back later — after kakunin itself was restarted.
import { expect, test } from 'vitest';
import { startHarness } from './harness.ts';
import { answerDone, sato as satoIds, snapshot, startChecklist } from './helpers.ts';
import { buttonLabels, elementsOf, textOf } from './slack-user.ts';

test('after 後で続ける and an app restart, /kakunin resumes at the same question', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  await answerDone(sato, 7); // organizational 1–5, physical 1–2
  const waiting = sato.last();
  expect(textOf(waiting.blocks)).toContain('物理的安全管理対策 3/6・全体 8/90');

  await sato.click('後で続ける');
  expect(textOf(sato.message(waiting.ts).blocks)).toContain('中断しました。回答は保存されています。');
  expect(buttonLabels(sato.message(waiting.ts).blocks)).toEqual(['再開する']);
  const id = satoIds(h).assessmentId();
  expect(snapshot(h, id).status).toBe('paused');

  await h.restart();

  const ack = await sato.command('');
  expect(JSON.parse(ack.body).text).toBe('kakunin とのDMでお送りしました。');
  const resumed = sato.last();
  expect(resumed.ts).not.toBe(waiting.ts);
  expect(textOf(resumed.blocks)).toContain('物理的安全管理対策 3/6・全体 8/90');
  expect(snapshot(h, id).status).toBe('in_progress');

  await sato.click('実施済', resumed);
  expect(textOf(sato.last().blocks)).toContain('物理的安全管理対策 4/6・全体 9/90');
  expect(Object.keys(snapshot(h, id).answers)).toHaveLength(4 + 8);
});

test('a question posted before a restart can still be answered after it', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const question = sato.last();

  await h.restart();

  await sato.click('実施済', question);
  expect(elementsOf(sato.message(question.ts).blocks)).toEqual([]);
  expect(textOf(sato.last().blocks)).toContain('組織的安全管理対策 2/5・全体 2/90');
});

test('the App Home tab lists the assessment after a restart and 続きから resumes it', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  await answerDone(sato, 3);
  await sato.click('後で続ける');
  await h.restart();

  await sato.openHome();
  const home = textOf(sato.homeBlocks());
  expect(home).toContain('*進行中*');
  expect(home).toContain('回答 3/90');
  expect(buttonLabels(sato.homeBlocks())).toContain('続きから');

  await sato.click('続きから', 'home');
  expect(textOf(sato.last().blocks)).toContain('組織的安全管理対策 4/5・全体 4/90');
});
