// Changing a 前提 answer in Slack that would hide answered items: the app says how many and asks; 「やめる」
// changes nothing, 「変更する」 hides them (kept, and back when the answer is changed again).
import { expect, test } from 'vitest';
import { startHarness } from './harness.ts';
import { sato as satoIds, snapshot } from './helpers.ts';
import { buttonLabels, textOf } from './slack-user.ts';

test('a gate change that hides answered items asks first, and the answers come back when the gate opens', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start mhlw-minimum-5.2');
  await sato.click('始める');
  const wireless = sato.last(); // the first 前提, right after the introduction
  await sato.click('利用している', wireless);
  const ids = satoIds(h);
  const id = ids.assessmentId();
  // Sato has already answered 技術的 18–20 (answered earlier, say, from the review).
  const who = { organizationId: ids.organizationId, personId: ids.personId, channel: 'slack' as const };
  for (const itemId of ['technical.18', 'technical.19', 'technical.20'])
    expect(h.service.interact(who, id, { type: 'REVISE', itemId, answer: { kind: 'done' } }).accepted).toBe(true);
  const before = snapshot(h, id);

  // From the old wireless message: change to 「利用していない」 explicitly.
  await sato.click('利用していない', { message: wireless, version: 0 });
  await sato.click('「利用していない」に変更する', sato.lastEphemeral()!);
  const warning = sato.lastEphemeral()!;
  expect(textOf(warning.blocks)).toContain('この回答にすると、回答済みの3項目が該当なしになり見えなくなります');
  expect(buttonLabels(warning.blocks)).toEqual(['変更する', 'やめる']);
  expect(snapshot(h, id)).toEqual(before);

  await sato.click('変更する', warning);
  const hidden = h.service.answers(ids.organizationId, id);
  expect(hidden['scope.wireless-lan']).toEqual({ kind: 'yesno', value: false });
  expect(hidden['technical.19']).toMatchObject({ kind: 'na', auto: true, hidden: { kind: 'done' } });

  // Back to 「利用している」: nothing is hidden by that, and the three answers return.
  expect(h.service.interact(who, id, { type: 'REVISE', itemId: 'scope.wireless-lan', answer: { kind: 'yesno', value: true } }).accepted).toBe(true);
  expect(h.service.answers(ids.organizationId, id)['technical.19']).toEqual({ kind: 'done' });
});
