// Requests that are signed but not what kakunin acts on — a `null` payload, JSON `null`, `[]`, `123`,
// a click without `user`, an unknown button, a forged date — are acknowledged at once with 200 and one
// warning line; none of them takes the process down, gets a 500 or waits for Slack to give up.
// Timestamps more than five minutes from now, in either direction, are refused.
import { expect, test } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { sato as satoIds, snapshot, startChecklist } from './helpers.ts';
import { postSigned } from './slack-user.ts';

const form = (payload: string) => new URLSearchParams({ payload }).toString();
const warnings = (h: Harness) => h.logs.filter((l) => l.level === 40).length;
const errors = (h: Harness) => h.logs.filter((l) => Number(l.level) >= 50);

test('signed junk is acknowledged, logged once, and changes nothing; the app keeps serving', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const id = satoIds(h).assessmentId();
  const before = snapshot(h, id);
  const click = sato.lastPayload as Record<string, unknown>;
  const minus = (key: string) => Object.fromEntries(Object.entries(click).filter(([k]) => k !== key));

  const junk: [string, string, string][] = [
    ['payload=null', form('null'), 'application/x-www-form-urlencoded'],
    ['JSON null to the events URL', 'null', 'application/json'],
    ['payload []', form('[]'), 'application/x-www-form-urlencoded'],
    ['payload 123', form('123'), 'application/x-www-form-urlencoded'],
    ['block_actions with nothing else', form('{"type":"block_actions"}'), 'application/x-www-form-urlencoded'],
    ['a click without user', form(JSON.stringify(minus('user'))), 'application/x-www-form-urlencoded'],
    ['a click with actions: {}', form(JSON.stringify({ ...click, actions: {} })), 'application/x-www-form-urlencoded'],
    ['a view_submission without view', form(JSON.stringify({ type: 'view_submission', user: { id: 'U0SATO' }, team: { id: 'T0CLINIC' } })), 'application/x-www-form-urlencoded'],
    ['a shortcut kakunin has none of', form(JSON.stringify({ type: 'shortcut', callback_id: 'x', user: { id: 'U0SATO' }, team: { id: 'T0CLINIC' }, trigger_id: 't' })), 'application/x-www-form-urlencoded'],
    ['an event with event: null', JSON.stringify({ type: 'event_callback', team_id: 'T0CLINIC', event_id: 'Ev1', event: null }), 'application/json'],
  ];
  for (const [what, body, contentType] of junk) {
    const logged = warnings(h);
    const result = await postSigned(h.endpoint, body, contentType);
    await h.kakunin.idle();
    expect({ what, status: result.status, fast: result.ms < 1000 }).toEqual({ what, status: 200, fast: true });
    expect({ what, warnings: warnings(h) - logged }).toEqual({ what, warnings: 1 });
  }
  expect(errors(h)).toEqual([]);
  expect(snapshot(h, id)).toEqual(before);

  // Still serving.
  const answered = await sato.click('実施済');
  expect(answered.status).toBe(200);
  expect(snapshot(h, id).revision).toBe(before.revision + 1);
});

test('an unknown action_id or callback_id is acknowledged at once and logged once', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const click = sato.lastPayload as { actions: Record<string, unknown>[] };

  const logged = warnings(h);
  const nope = await sato.sendPayload({ ...click, actions: [{ ...click.actions[0], action_id: 'kakunin.nope' }] });
  expect(nope.status).toBe(200);
  expect(nope.ms).toBeLessThan(1000);
  const unknownView = await sato.sendPayload({
    type: 'view_submission',
    team: { id: 'T0CLINIC' },
    user: { id: 'U0SATO', team_id: 'T0CLINIC' },
    view: { id: 'V1', callback_id: 'kakunin.elsewhere', private_metadata: '', state: { values: {} } },
  });
  expect(unknownView.status).toBe(200);
  expect(unknownView.ms).toBeLessThan(1000);
  expect(h.logs.slice(-5).filter((l) => l.msg === 'ignored a Slack request that kakunin does not handle')).toHaveLength(2);
  expect(warnings(h) - logged).toBe(2);
});

test('a signed request dated more than five minutes away, ahead or behind, is refused with 401', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  await sato.click('実施済');
  const id = satoIds(h).assessmentId();
  const before = snapshot(h, id);
  const click = sato.lastPayload as { actions: { value: string }[] };
  const question = sato.last();
  click.actions[0]!.value = (question.blocks.find((b) => b.type === 'actions')!.elements as { value: string }[])[0]!.value;
  const body = form(JSON.stringify(click));
  const now = Math.floor(Date.now() / 1000);

  expect((await postSigned(h.endpoint, body, 'application/x-www-form-urlencoded', { timestamp: now + 6 * 60 })).status).toBe(401);
  expect((await postSigned(h.endpoint, body, 'application/x-www-form-urlencoded', { timestamp: now - 6 * 60 })).status).toBe(401);
  await h.kakunin.idle();
  expect(snapshot(h, id)).toEqual(before);
  expect(h.logs.filter((l) => l.msg === 'refused a Slack request: signature check failed').map((l) => l.problem)).toEqual([
    'timestamp more than 5 minutes from now',
    'timestamp more than 5 minutes from now',
  ]);

  // Within the window (a clock a few minutes fast), the same click is taken.
  expect((await postSigned(h.endpoint, body, 'application/x-www-form-urlencoded', { timestamp: now + 4 * 60 })).status).toBe(200);
  await h.kakunin.idle();
  expect(snapshot(h, id).revision).toBe(before.revision + 1);
});

test('a forged 300-character selected_date never reaches a block_id: refused at the door, nothing sent', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const id = satoIds(h).assessmentId();
  await sato.click('実施予定…');
  const before = snapshot(h, id);
  const calls = h.fake.calls.length;

  // A date Slack's picker cannot send, on the question being asked now.
  const forged = await sato.pickDate(`2026-05-01${'x'.repeat(290)}`);
  expect(forged.status).toBe(200);
  expect(h.logs.some((l) => l.msg === 'ignored a malformed Slack request')).toBe(true);
  expect(snapshot(h, id)).toEqual(before);
  expect(h.fake.calls.length).toBe(calls);

  // The picker still works with a real date, and every block id sent stays within Slack's limit.
  await sato.pickDate('2026-05-01');
  expect(snapshot(h, id).revision).toBe(before.revision + 1);
  expect(h.fake.invalidBlocks).toEqual([]);
  const ids = h.fake.calls.flatMap((c) => ((c.args.blocks as { block_id?: string }[] | undefined) ?? []).map((b) => b.block_id ?? ''));
  expect(Math.max(...ids.map((s) => s.length))).toBeLessThanOrEqual(255);
});
