// Stopping is bounded: answers are stored before their ack, so what stop() may cut off is only a
// reply or an upload still retrying, and it does not wait half an hour for those. The hourly pruning
// of processed events logs its failures instead of taking the process down.
import { expect, test } from 'vitest';
import { startHarness } from './harness.ts';
import { sato as satoIds, snapshot } from './helpers.ts';
import { textOf } from './slack-user.ts';

test('stop() returns within its grace period while an upload is still retrying; the submission is stored', async () => {
  const h = await startHarness({
    renderReport: async () => new Uint8Array(Buffer.from('%PDF-1.7 test')),
    // Patient retries, as uploads have in production (ten over about thirty minutes).
    retryConfig: { retries: 10, minTimeout: 60_000, maxTimeout: 60_000, factor: 1 },
    stopGraceMs: 200,
  });
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start online-qualification-measures');
  await sato.click('始める');
  await sato.click('利用する');
  for (let i = 0; i < 20 && !textOf(sato.last().blocks).includes('確認画面'); i++) await sato.click('実施済');
  h.fake.failNext('files.getUploadURLExternal', { status: 500 }, 10);
  await sato.unsettled().click('提出する');
  await expect.poll(() => h.fake.callsTo('files.getUploadURLExternal').length).toBe(1);

  const started = performance.now();
  await h.kakunin.stop();
  expect(performance.now() - started).toBeLessThan(2_000);
  expect(h.logs.some((l) => l.msg === 'stopped with Slack replies or uploads unfinished; answers are saved, /kakunin resends')).toBe(true);
  expect(snapshot(h, satoIds(h).assessmentId()).status).toBe('submitted');
});

test('a failing prune of processed events is logged and retried at the next interval, never thrown', async () => {
  const h = await startHarness({ pruneEveryMs: 10 });
  // The database goes away under the pruner.
  h.store.close();
  await expect.poll(() => h.logs.filter((l) => l.msg === 'pruning processed Slack events failed; retrying at the next interval').length).toBeGreaterThanOrEqual(2);
});
