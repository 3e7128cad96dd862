// Only the respondent can answer an assessment; anyone else — a colleague, or someone in another
// workspace — gets an ephemeral refusal and nothing changes.
import { expect, test } from 'vitest';
import { startHarness } from './harness.ts';
import { sato as satoIds, snapshot, startChecklist } from './helpers.ts';
import { textOf } from './slack-user.ts';

test("a colleague's click on 佐藤さん's question is refused and changes nothing", async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  const suzuki = h.user('U0SUZUKI', 'suzuki');
  await startChecklist(sato);
  const question = sato.last();
  const id = satoIds(h).assessmentId();
  const before = snapshot(h, id);
  const calls = h.fake.calls.length;

  await suzuki.click('実施済', question);
  expect(snapshot(h, id)).toEqual(before);
  expect(textOf(suzuki.lastEphemeral()!.blocks)).toBe('この自己点検はあなたの回答ではないため、操作できません。回答者ご本人だけが回答・変更できます。');
  expect(suzuki.lastEphemeral()!.channel).toBe('D0SATO');
  expect(h.fake.calls.slice(calls).map((c) => c.method)).toEqual(['chat.postEphemeral']);

  await suzuki.click('実施予定…', question);
  expect(h.fake.calls.slice(calls).map((c) => c.method)).toEqual(['chat.postEphemeral', 'chat.postEphemeral']);
  expect(snapshot(h, id)).toEqual(before);
});

test('the same user id in another workspace cannot touch the assessment; each workspace sees only its own', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  const other = h.user('U0SATO', 'sato', 'T0OTHER');
  await startChecklist(sato);
  const id = satoIds(h).assessmentId();
  const before = snapshot(h, id);

  await other.click('実施済', sato.last());
  expect(snapshot(h, id)).toEqual(before);
  expect(textOf(other.lastEphemeral()!.blocks)).toContain('この自己点検はあなたの回答ではないため');

  const status = await other.command('status');
  expect(JSON.parse(status.body).text).toBe('自己点検はまだありません。「/kakunin start」で始められます。');
  const mine = await sato.command('status');
  expect(JSON.parse(mine.body).text).toContain('回答 0/90');
});
