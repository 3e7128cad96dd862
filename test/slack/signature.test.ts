// Requests that Slack did not sign are refused with 401 before anything happens.
import { expect, test } from 'vitest';
import { startHarness } from './harness.ts';
import { sato as satoIds, snapshot, startChecklist } from './helpers.ts';
import { postSigned, slackSignature } from './slack-user.ts';

test('a request with a bad signature, or an old timestamp, gets 401 and changes nothing', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  await sato.click('実施済');
  const id = satoIds(h).assessmentId();
  const before = snapshot(h, id);
  const calls = h.fake.calls.length;
  const payload = JSON.parse(JSON.stringify(sato.lastPayload)) as { actions: { value: string }[] };
  // A forged click on the current question, signed with the wrong secret.
  const question = sato.last();
  const button = (question.blocks.find((b) => b.type === 'actions')!.elements as { value: string }[])[0]!;
  payload.actions[0]!.value = button.value;
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const now = Math.floor(Date.now() / 1000);

  const forged = await postSigned(h.endpoint, body, 'application/x-www-form-urlencoded', { signature: slackSignature('not-the-secret', now, body) });
  expect(forged.status).toBe(401);
  const stale = await postSigned(h.endpoint, body, 'application/x-www-form-urlencoded', { timestamp: now - 10 * 60 });
  expect(stale.status).toBe(401);
  const unsigned = await postSigned(h.endpoint, body, 'application/x-www-form-urlencoded', { signature: '' });
  expect(unsigned.status).toBe(401);
  await h.kakunin.idle();

  expect(snapshot(h, id)).toEqual(before);
  expect(h.fake.calls.length).toBe(calls);

  // The same body, properly signed, is accepted — so it was the signature that was refused.
  const signed = await postSigned(h.endpoint, body, 'application/x-www-form-urlencoded');
  await h.kakunin.idle();
  expect(signed.status).toBe(200);
  expect(snapshot(h, id).revision).toBe(before.revision + 1);
});
