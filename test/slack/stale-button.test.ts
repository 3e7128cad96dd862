// A click on an older message never changes anything behind the person's back: it says the question
// moved on, and offers to change that answer explicitly (which is recorded in the history).
import { expect, test } from 'vitest';
import { startHarness } from './harness.ts';
import { sato as satoIds, snapshot } from './helpers.ts';
import { buttonLabels, textOf } from './slack-user.ts';

test('clicking an earlier question after moving on offers an explicit change and keeps the position', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start mhlw-minimum-5.2');
  await sato.click('始める');
  const wireless = sato.last(); // the first 前提, right after the introduction
  await sato.click('利用している', wireless);
  const iot = sato.last();
  expect(textOf(iot.blocks)).toContain('IoT機器により患者情報を取り扱っていますか');
  const id = satoIds(h).assessmentId();
  const before = snapshot(h, id);

  // The wireless question as it looked before it was answered (another device, a slow client…).
  await sato.click('利用していない', { message: wireless, version: 0 });
  expect(snapshot(h, id)).toEqual(before);
  const notice = sato.lastEphemeral()!;
  expect(textOf(notice.blocks)).toContain('この質問はすでに先に進んでいます。いまの回答は「利用している」です。');
  expect(buttonLabels(notice.blocks)).toEqual(['「利用していない」に変更する', '現在の質問を表示']);
  expect(sato.last().ts).toBe(iot.ts);

  // She does mean it: the change is explicit, recorded, and the walk-through stays where it was.
  await sato.click('「利用していない」に変更する', notice);
  const after = snapshot(h, id);
  expect(after.answers['scope.wireless-lan']).toEqual({ kind: 'yesno', value: false });
  const history = h.store.answers.history(id, 'scope.wireless-lan');
  expect(history.map((e) => [e.oldAnswer, e.newAnswer, e.channel])).toEqual([
    [undefined, { kind: 'yesno', value: true }, 'slack'],
    [{ kind: 'yesno', value: true }, { kind: 'yesno', value: false }, 'slack'],
  ]);
  expect(textOf(sato.lastEphemeral()!.blocks)).toContain('の回答を「利用していない」に変更しました。');
  expect(sato.last().ts).toBe(iot.ts);

  // The question being asked is still answerable from its message.
  await sato.click('取り扱っている', iot);
  expect(textOf(sato.last().blocks)).toContain('外部受託業者を採用していますか');
});

test('an old 実施予定… button says the question moved on, and changes nothing', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start mhlw-minimum-5.2');
  await sato.click('始める');
  for (const label of ['利用している', '取り扱っている', '採用している', 'ある']) await sato.click(label);
  const first = sato.last(); // 組織的安全管理対策's first question, right after the 前提
  await sato.click('実施済', first);
  const id = satoIds(h).assessmentId();
  const before = snapshot(h, id);

  await sato.click('実施予定…', { message: first, version: 0 });
  expect(textOf(sato.lastEphemeral()!.blocks)).toBe('この画面は古くなっています。「/kakunin」で現在の質問を表示できます。');
  await sato.click('戻る', { message: first, version: 0 });
  expect(textOf(sato.lastEphemeral()!.blocks)).toBe('この画面は古くなっています。「/kakunin」で現在の質問を表示できます。');
  expect(snapshot(h, id)).toEqual(before);
  expect(textOf(sato.last().blocks)).toContain('組織的安全管理対策 2/5');
});
