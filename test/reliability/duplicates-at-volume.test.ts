// Slack delivers some things twice: a person's quick double click, a request Slack retries because the
// answer was slow (X-Slack-Retry-Num), an event it thinks was lost. Two hundred clicks, each delivered
// twice at the same moment, by four people at once: every answer is recorded once and no question is
// skipped or asked twice.
import { expect, test } from 'vitest';
import { itemRefs } from '../../src/flow/model.ts';
import { startHarness } from '../slack/harness.ts';
import { startChecklist } from '../slack/helpers.ts';
import { buttonLabels, elementsOf, textOf, type SlackUser } from '../slack/slack-user.ts';

const PEOPLE = { U0SATO: 'sato', U0SUZUKI: 'suzuki', U0TANAKA: 'tanaka', U0ITO: 'ito' };
const CLICKS_EACH = 50;

function askedItems(user: SlackUser): string[] {
  return user.dm().flatMap((m) => {
    const answer = elementsOf(m.versions[0]!.blocks).find((c) => String(c.element.action_id).startsWith('kakunin.answer.'));
    return answer ? [(JSON.parse(String(answer.element.value)) as { i: string }).i] : [];
  });
}

test('200 clicks each delivered twice concurrently: 0 double records, 0 skipped questions', { timeout: 180_000 }, async () => {
  const h = await startHarness({ fake: { users: Object.fromEntries(Object.entries(PEOPLE).map(([id, name]) => [id, { name }])) } });
  const users = Object.entries(PEOPLE).map(([id, name]) => h.user(id, name));
  await Promise.all(users.map((u) => startChecklist(u)));

  let doubled = 0;
  await Promise.all(
    users.map(async (user) => {
      for (let i = 0; i < CLICKS_EACH; i++) {
        const message = user.last();
        const label = buttonLabels(message.blocks).find((l) => l === '実施済' || l === '始める');
        if (!label) throw new Error(`${user.name}: nothing to click in ${JSON.stringify(textOf(message.blocks).slice(0, 80))}`);
        const [a, b] = await Promise.all([user.click(label, message), user.click(label, message)]);
        expect([a.status, b.status]).toEqual([200, 200]);
        doubled++;
      }
    }),
  );
  expect(doubled).toBe(200);

  const org = h.store.organizations.ensureForSlackTeam('T0CLINIC');
  const flow = h.service.availableFlows().find((f) => f.id === 'mhlw-minimum-5.2')!;
  const order = itemRefs(flow).map((r) => r.item.id);
  for (const user of users) {
    const person = h.store.people.ensureForSlackUser(org.id, user.userId);
    const [assessment] = h.store.assessments.listForPerson(org.id, person.id);
    const history = h.store.answers.history(assessment!.id);
    const answered = Object.keys(h.store.answers.current(assessment!.id));
    // Each item changed once: no double record.
    expect(history.map((r) => r.itemId).sort()).toEqual([...answered].sort());
    // The answered items are exactly the first N of the flow: none skipped.
    expect([...answered].sort((x, y) => order.indexOf(x) - order.indexOf(y))).toEqual(order.slice(0, answered.length));
    // Every question was posted once, in order, and the next one is waiting.
    const asked = askedItems(user);
    expect(asked).toEqual(order.slice(0, asked.length));
    expect(asked.length).toBe(answered.length + 1);
  }
  expect(h.fake.invalidBlocks).toEqual([]);
});

test('retried clicks (X-Slack-Retry-Num 1 and 2) and retried events change nothing', { timeout: 120_000 }, async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const org = h.store.organizations.ensureForSlackTeam('T0CLINIC');
  const person = h.store.people.ensureForSlackUser(org.id, 'U0SATO');
  const id = h.store.assessments.listForPerson(org.id, person.id)[0]!.id;

  for (let i = 0; i < 20; i++) {
    const label = buttonLabels(sato.last().blocks).includes('実施済') ? '実施済' : '始める';
    await sato.click(label);
    const payload = sato.lastPayload;
    const before = { history: h.store.answers.history(id).length, revision: h.store.assessments.get(org.id, id).revision, posts: h.fake.callsTo('chat.postMessage').length };
    const retries = await Promise.all(
      [1, 2].map((n) => sato.sendPayload(payload, { headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' } })),
    );
    expect(retries.map((r) => r.status)).toEqual([200, 200]);
    expect({ history: h.store.answers.history(id).length, revision: h.store.assessments.get(org.id, id).revision, posts: h.fake.callsTo('chat.postMessage').length }).toEqual(before);
  }
  expect(h.fake.ephemerals('U0SATO')).toEqual([]);

  // An event and its retries arriving together publish the Home tab once per event id.
  for (let e = 0; e < 10; e++) await Promise.all([0, 1, 2].map((retryNum) => sato.openHome({ eventId: `Ev0RETRY${e}`, retryNum })));
  expect(h.fake.callsTo('views.publish')).toHaveLength(10);
});
