// A 429 with Retry-After on one person's DM is waited out in that DM only: another person's next
// question arrives at once, and a third person's 回答を入力… opens its modal while the trigger_id is
// fresh. (Left to the WebClient, a 429 pauses its whole queue: everyone waited out the one DM.)
import { expect, test } from 'vitest';
import { parseFlow } from '../../src/flow/loader.ts';
import { startHarness } from './harness.ts';
import { textOf } from './slack-user.ts';

const flow = parseFlow(
  `
id: rate-sample
version: 1
kind: form
title: 届出様式サンプル
sections:
  - id: basics
    title: 基本情報
    items:
      - id: remarks
        text: 備考
        required: false
        answer: { type: text, maxLength: 200 }
      - id: officer
        text: 安全管理責任者を置いている
        answer: { type: status }
`,
  'rate-sample.yaml',
);

test("one DM's 429 holds up neither another person's next question nor a third person's modal", async () => {
  const waits: { ms: number; release: () => void }[] = [];
  const h = await startHarness({
    flows: new Map([[flow.id, flow]]),
    wait: (ms) => new Promise<void>((release) => waits.push({ ms, release })),
  });
  const people = [h.user('U0SATO', 'sato'), h.user('U0SUZUKI', 'suzuki'), h.user('U0TANAKA', 'tanaka')];
  for (const person of people) {
    await person.command('start');
    await person.click('始める'); // the intro; the first question (備考) follows directly
  }
  const [sato, suzuki, tanaka] = people.map((p) => p.unsettled()) as [typeof people[0], typeof people[0], typeof people[0]];

  // Slack rate-limits sato's DM for 5 seconds.
  h.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 5 }, 1, (args) => args.channel === 'D0SATO');
  await sato.click('空欄のまま進む');
  await expect.poll(() => waits.map((w) => w.ms)).toEqual([5000]);

  // Meanwhile suzuki's next question comes straight away…
  await suzuki.click('空欄のまま進む');
  await expect.poll(() => textOf(suzuki.last().blocks)).toContain('安全管理責任者を置いている');
  // …and tanaka's modal opens with the trigger_id of the click.
  const opened = h.fake.openedViews.length;
  const click = await tanaka.click('回答を入力…');
  expect(click.status).toBe(200);
  await expect.poll(() => h.fake.openedViews.length).toBe(opened + 1);
  expect(h.fake.openedViews.at(-1)!.triggerId).toBe((tanaka.lastPayload as { trigger_id: string }).trigger_id);

  // Sato's question was not lost: it follows once the pause is over.
  expect(textOf(sato.last().blocks)).not.toContain('安全管理責任者を置いている');
  waits[0]!.release();
  await h.kakunin.idle();
  expect(textOf(sato.last().blocks)).toContain('安全管理責任者を置いている');
  expect(h.logs.filter((l) => l.msg === 'Slack rate limit on one conversation: waiting in its lane').map((l) => l.channel)).toEqual(['D0SATO']);
});

test('a modal that cannot open (Slack refused views.open) is explained, not silently dropped', async () => {
  const h = await startHarness({ flows: new Map([[flow.id, flow]]) });
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start');
  await sato.click('始める');
  h.fake.failNext('views.open', { status: 429, retryAfterSeconds: 2 });
  await sato.click('回答を入力…');
  expect(h.fake.openedViews).toEqual([]);
  expect(h.fake.callsTo('views.open')).toHaveLength(1);
  expect(textOf(sato.lastEphemeral()!.blocks)).toBe('入力画面を開けませんでした。もう一度「回答を入力…」を押してください。');
});
