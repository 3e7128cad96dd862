// When Slack refuses the next question (ok:false, a 500), the answer is already stored; the person
// is never left without a way on. The question is posted again once Slack answers, under a line
// saying so; if Slack keeps refusing, a last line says how to continue; /kakunin shows it anyway.
import { expect, test } from 'vitest';
import { startHarness } from './harness.ts';
import { sato as satoIds, snapshot, startChecklist } from './helpers.ts';
import { buttonLabels, textOf } from './slack-user.ts';

test('a next question Slack refused once is posted again with a note, and the person goes on', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const id = satoIds(h).assessmentId();
  h.fake.failNext('chat.postMessage', { error: 'internal_error' });
  await sato.click('実施済');

  expect(snapshot(h, id).answers['organizational.1']).toEqual({ kind: 'done' });
  const [note, question] = sato.dm().slice(-2);
  expect(textOf(note!.blocks)).toBe('前回、次の質問をお送りできませんでした（回答は保存されています）。いまの質問はこちらです。');
  expect(textOf(question!.blocks)).toContain('組織的安全管理対策 2/5');
  await sato.click('実施済');
  expect(snapshot(h, id).answers['organizational.2']).toEqual({ kind: 'done' });
});

test('when Slack keeps refusing, the person is told how to continue, and /kakunin shows the current question', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const id = satoIds(h).assessmentId();
  // The question itself, then the note of each of the three later attempts.
  h.fake.failNext('chat.postMessage', { status: 500 }, 4);
  await sato.click('実施済');

  expect(snapshot(h, id).answers['organizational.1']).toEqual({ kind: 'done' });
  expect(textOf(sato.last().blocks)).toBe(
    '次の質問をお送りできませんでした。回答は保存されています。「/kakunin」またはアプリのホームの「続きから」で、いまの質問を表示できます。',
  );
  await sato.command('');
  expect(textOf(sato.last().blocks)).toContain('組織的安全管理対策 2/5');
  expect(buttonLabels(sato.last().blocks)).toContain('実施済');
});

test('a re-send that finds the person already moved on posts nothing stale', async () => {
  let release: (() => void) | undefined;
  const h = await startHarness({ wait: () => new Promise<void>((resolve) => (release = resolve)) });
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const quick = sato.unsettled();
  h.fake.failNext('chat.postMessage', { error: 'internal_error' });
  await quick.click('実施済');
  await expect.poll(() => release).toBeDefined();
  // While the re-send waits, the person uses /kakunin and answers the question it shows.
  await quick.command('');
  await expect.poll(() => textOf(sato.last().blocks)).toContain('組織的安全管理対策 2/5');
  await quick.click('実施済');
  await expect.poll(() => textOf(sato.last().blocks)).toContain('組織的安全管理対策 3/5');
  const messages = sato.dm().length;
  release!();
  await h.kakunin.idle();
  expect(sato.dm().length).toBe(messages);
});

test('a re-send is dropped when /kakunin has already shown the current question', async () => {
  let release: (() => void) | undefined;
  const h = await startHarness({ wait: () => new Promise<void>((resolve) => (release = resolve)) });
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const quick = sato.unsettled();
  h.fake.failNext('chat.postMessage', { error: 'internal_error' });
  await quick.click('実施済');
  await expect.poll(() => release).toBeDefined();
  await quick.command('');
  await expect.poll(() => textOf(sato.last().blocks)).toContain('組織的安全管理対策 2/5');
  const messages = sato.dm().length;
  release!();
  await h.kakunin.idle();
  expect(sato.dm().length).toBe(messages);
});
