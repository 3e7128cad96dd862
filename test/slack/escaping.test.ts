// Text from people and workspaces is shown, never interpreted: everywhere Slack reads mrkdwn — the
// blocks, the top-level `text` fallback (notifications), the PDF upload's initial_comment — a
// `<!channel>` or `<https://…|link>` arrives escaped and pings or links no one.
import { expect, test } from 'vitest';
import { parseFlow } from '../../src/flow/loader.ts';
import { startHarness } from './harness.ts';
import type { ApiCall } from './fake-slack-api.ts';
import { textOf } from './slack-user.ts';

const HOSTILE = '<!channel> 至急 <https://evil.example/|click>';

/** Every mrkdwn-carrying string the app sent: top-level text, initial_comment and block texts. */
function mrkdwnSent(calls: ApiCall[]): string[] {
  return calls.flatMap((c) => [
    ...(typeof c.args.text === 'string' ? [c.args.text] : []),
    ...(typeof c.args.initial_comment === 'string' ? [c.args.initial_comment] : []),
    ...(Array.isArray(c.args.blocks) ? [textOf(c.args.blocks as never)] : []),
  ]);
}

test('a workspace named with <!channel> and a link: the PDF comment and every fallback text carry it escaped', async () => {
  const h = await startHarness({
    fake: { teams: { T0CLINIC: { name: HOSTILE } } },
    renderReport: async () => new Uint8Array(Buffer.from('%PDF-1.7 test')),
  });
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start online-qualification-measures');
  await sato.click('始める');
  await sato.click('利用する');
  for (let i = 0; i < 20 && !textOf(sato.last().blocks).includes('確認画面'); i++) await sato.click('実施済');
  await sato.click('提出する');

  const upload = h.fake.uploads.at(-1)!;
  expect(upload.initialComment).toContain('&lt;!channel&gt; 至急 &lt;https://evil.example/|click&gt;');
  const sent = mrkdwnSent(h.fake.calls);
  expect(sent.filter((s) => s.includes('<!channel>') || s.includes('<https://evil'))).toEqual([]);
});

test('an unknown subcommand is quoted back escaped, in the ack text as in its blocks', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  const ack = JSON.parse((await sato.command('<!channel>')).body) as { text: string; blocks: never[] };
  expect(ack.text).toContain('「&lt;!channel&gt;」は使えません。');
  expect(ack.text).not.toContain('<!channel>');
  expect(textOf(ack.blocks)).toContain('「&lt;!channel&gt;」は使えません。');
});

test('a typed answer with <!channel> is escaped in the answered record, its notification text included', async () => {
  const flow = parseFlow(
    `
id: text-sample
version: 1
kind: form
title: 届出様式サンプル
sections:
  - id: basics
    title: 基本情報
    items:
      - id: remarks
        text: 備考
        answer: { type: text, maxLength: 200 }
      - id: officer
        text: 安全管理責任者を置いている
        answer: { type: status }
`,
    'text-sample.yaml',
  );
  const h = await startHarness({ flows: new Map([[flow.id, flow]]) });
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start');
  await sato.click('始める');
  // The first question (備考) comes right after the introduction.
  const question = sato.last();
  await sato.click('回答を入力…');
  await sato.submitModal({ answer: { value: HOSTILE } });

  const record = sato.message(question.ts);
  expect(record.text).toContain('&lt;!channel&gt;');
  expect(textOf(record.blocks)).toContain('&lt;!channel&gt;');
  expect(mrkdwnSent(h.fake.calls).filter((s) => s.includes('<!channel>') || s.includes('<https://evil'))).toEqual([]);
});
