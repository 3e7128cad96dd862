// Slack API errors and rate limits: calls are retried with backoff and logged, and a call that fails
// for good never loses an answer already recorded.
import { expect, test } from 'vitest';
import { startHarness } from './harness.ts';
import { sato as satoIds, snapshot, startChecklist } from './helpers.ts';
import { buttonLabels, textOf } from './slack-user.ts';

test('a 429 on chat.postMessage is waited out in that conversation and retried; the next question still arrives', async () => {
  const h = await startHarness({ retryConfig: { retries: 2, minTimeout: 1, maxTimeout: 5, factor: 1 } });
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  h.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 0 });
  await sato.click('実施済');
  expect(textOf(sato.last().blocks)).toContain('組織的安全管理対策 2/5');
  expect(h.fake.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(2);
  expect(h.logs.some((l) => l.msg === 'Slack rate limit on one conversation: waiting in its lane' && l.channel === 'D0SATO')).toBe(true);
});

test('when updating the answered message fails for good, the answer is kept and the next question is still posted', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const id = satoIds(h).assessmentId();
  const question = sato.last();
  h.fake.failNext('chat.update', { error: 'internal_error' });
  await sato.click('実施済', question);
  expect(snapshot(h, id).answers['organizational.1']).toEqual({ kind: 'done' });
  expect(textOf(sato.last().blocks)).toContain('組織的安全管理対策 2/5');
  expect(h.logs.some((l) => l.msg === 'Slack chat.update failed')).toBe(true);

  // Closing it is tried again later, and succeeds once Slack answers.
  expect(textOf(sato.message(question.ts).blocks)).toContain('実施済');
  expect(buttonLabels(sato.message(question.ts).blocks)).toEqual([]);
  // Until then its buttons were live: a click there is the same answer again, quietly accepted as
  // already recorded.
  await sato.click('実施済', { message: question, version: 0 });
  expect(Object.keys(snapshot(h, id).answers)).toHaveLength(5);
  expect(h.fake.ephemerals('U0SATO')).toEqual([]);
});

test('a failed PDF upload is reported in the DM; the assessment stays submitted and /kakunin report sends it again', async () => {
  const h = await startHarness({ renderReport: async () => new Uint8Array(Buffer.from('%PDF-1.7 test')) });
  const sato = h.user('U0SATO', 'sato');
  const flows = h.service.availableFlows();
  expect(flows.map((f) => f.id)).toContain('online-qualification-measures');
  await sato.command('start online-qualification-measures');
  await sato.click('始める');
  await sato.click('利用する');
  for (let i = 0; i < 20 && !textOf(sato.last().blocks).includes('確認画面'); i++) await sato.click('実施済');
  h.fake.failNext('files.completeUploadExternal', { error: 'internal_error' });
  await sato.click('提出する');

  expect(textOf(sato.last().blocks)).toBe('PDFをお送りできませんでした。回答は保存されています。しばらくしてから「/kakunin report」で再送できます。');
  expect(h.logs.some((l) => l.msg === 'report delivery failed; the answers are saved and /kakunin report retries')).toBe(true);
  expect(snapshot(h, satoIds(h).assessmentId()).status).toBe('submitted');

  const ack = await sato.command('report');
  expect(JSON.parse(ack.body).text).toBe('最後に提出した点検のPDFを作成して、DMでお送りします。');
  expect(h.fake.callsTo('files.completeUploadExternal')).toHaveLength(2);
  expect(h.fake.uploads.at(-1)!.channelId).toBe('D0SATO');
});
