// Slack delivers some things twice: a double click, a retried request, a retried event. Each is
// recorded once and never skips a question.
import { expect, test } from 'vitest';
import { startHarness } from './harness.ts';
import { sato as satoIds, snapshot, startChecklist } from './helpers.ts';
import { textOf } from './slack-user.ts';

test('a double click on 実施済 records the answer once and asks the next question once', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const id = satoIds(h).assessmentId();
  const before = snapshot(h, id);
  const question = sato.last();
  const posts = h.fake.callsTo('chat.postMessage').length;

  // Both clicks arrive before either is handled, as a quick double click does.
  const [first, second] = await Promise.all([sato.click('実施済', question), sato.click('実施済', question)]);
  expect([first.status, second.status]).toEqual([200, 200]);

  const after = snapshot(h, id);
  expect(after.revision).toBe(before.revision + 1);
  expect(after.history).toBe(before.history + 1);
  expect(h.fake.callsTo('chat.postMessage').length).toBe(posts + 1);
  expect(textOf(sato.last().blocks)).toContain('組織的安全管理対策 2/5・全体 2/90');
  // The second click is quietly ignored: no "moved on" notice.
  expect(h.fake.ephemerals('U0SATO')).toEqual([]);
});

test('a Slack retry of an answer (same payload, x-slack-retry-num) changes nothing, even after a restart', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const id = satoIds(h).assessmentId();
  await sato.click('実施済');
  const payload = sato.lastPayload;
  const after = snapshot(h, id);

  const retry = await sato.sendPayload(payload, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
  expect(retry.status).toBe(200);
  await h.restart();
  await sato.sendPayload(payload, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });

  expect(snapshot(h, id)).toEqual(after);
  expect(textOf(sato.last().blocks)).toContain('組織的安全管理対策 2/5・全体 2/90');
  expect(h.fake.ephemerals('U0SATO')).toEqual([]);
});

test('a retried app_home_opened event (same event id) publishes the Home tab once', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await sato.openHome({ eventId: 'Ev0HOME1' });
  await sato.openHome({ eventId: 'Ev0HOME1', retryNum: 1 });
  await sato.openHome({ eventId: 'Ev0HOME1', retryNum: 2 });
  expect(h.fake.callsTo('views.publish')).toHaveLength(1);
  await sato.openHome({ eventId: 'Ev0HOME2' });
  expect(h.fake.callsTo('views.publish')).toHaveLength(2);
});

test('an app_home_opened whose handling failed is handled again when Slack retries it: the event is marked with the work, not before', async () => {
  const h = await startHarness();
  const newcomer = h.user('U0NEW', 'newcomer');
  // The first delivery fails while the person is being recorded (the disk, say).
  h.store.db.exec("CREATE TEMP TRIGGER refuse_people BEFORE INSERT ON people BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
  await newcomer.openHome({ eventId: 'Ev0RETRY' });
  expect(h.fake.callsTo('views.publish')).toHaveLength(0);
  h.store.db.exec('DROP TRIGGER refuse_people');

  await newcomer.openHome({ eventId: 'Ev0RETRY', retryNum: 1 });
  expect(h.fake.homeViews('U0NEW')).toHaveLength(1);
});

test('a double click on the Home tab’s 始める (two requests at once) starts one assessment, posts one introduction', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await sato.openHome();
  await Promise.all([sato.click('始める', 'home'), sato.click('始める', 'home')]);
  const org = h.store.organizations.ensureForSlackTeam('T0CLINIC');
  expect(h.store.assessments.listForPerson(org.id, h.store.people.ensureForSlackUser(org.id, 'U0SATO').id)).toHaveLength(1);
  expect(sato.dm().filter((m) => textOf(m.blocks).includes('全90項目'))).toHaveLength(1);
});
