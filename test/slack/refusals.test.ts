// A refusal is a refusal, not a crash: someone else's (or no) assessment is "not yours", a malformed
// modal state is ignored with a warning, a broken record is an error said as one — never "not yours" —
// and whatever the person is told comes in their own language.
import { expect, test } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { startChecklist } from './helpers.ts';
import { textOf } from './slack-user.ts';

const errors = (h: Harness) => h.logs.filter((l) => Number(l.level) >= 50).map((l) => l.msg);

test('a resume button naming an assessment that is not theirs gets the "not yours" refusal, logged as no error', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const click = sato.lastPayload as { actions: Record<string, unknown>[] };
  await sato.sendPayload({ ...click, actions: [{ ...click.actions[0], action_id: 'kakunin.resume', value: JSON.stringify({ a: 'as_of_another_clinic' }) }] });
  expect(textOf(sato.lastEphemeral()!.blocks)).toBe('この自己点検はあなたの回答ではないため、操作できません。回答者ご本人だけが回答・変更できます。');
  expect(errors(h)).toEqual([]);
});

test('a modal submission with malformed state values is acknowledged and logged as a warning, not a ZodError', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const result = await sato.sendPayload({
    type: 'view_submission',
    team: { id: 'T0CLINIC' },
    user: { id: 'U0SATO', team_id: 'T0CLINIC' },
    view: { id: 'V1', callback_id: 'kakunin.answer', private_metadata: '{}', state: { values: { answer: { value: 5 } } } },
  });
  expect(result.status).toBe(200);
  expect(h.logs.some((l) => l.msg === 'ignored a malformed Slack request')).toBe(true);
  expect(errors(h)).toEqual([]);
});

test('a broken record is reported as an error in the person’s language — by the picker too, not as "not yours"', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  h.store.db.prepare("UPDATE people SET locale = 'en' WHERE slack_user_id = 'U0SATO'").run();
  // The stored checklist definition no longer reads (edited by hand, say).
  h.store.db.prepare(`UPDATE flow_versions SET definition_json = '{"broken": true}'`).run();

  await sato.click('実施予定…');
  expect(textOf(sato.lastEphemeral()!.blocks)).toBe('Something went wrong. The answers given so far are saved; "/kakunin" continues where you left off.');
  await sato.click('実施済');
  expect(textOf(sato.lastEphemeral()!.blocks)).toBe('Something went wrong. The answers given so far are saved; "/kakunin" continues where you left off.');
  expect(errors(h)).toEqual(['listener failed', 'listener failed']);
});

test('an assessment whose flow version is gone is said to be missing its checklist, not "not yours"', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  h.store.db.pragma('foreign_keys = OFF');
  h.store.db.prepare('DELETE FROM flow_versions').run();

  await sato.click('実施済');
  expect(textOf(sato.lastEphemeral()!.blocks)).toBe(
    'この自己点検のチェックリスト定義が見つからないため、続けられません。回答は保存されています。管理者にお問い合わせください。',
  );
  expect(errors(h)).toEqual(['flow version missing']);
});
