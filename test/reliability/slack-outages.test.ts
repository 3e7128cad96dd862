// Slack has a bad minute: 429s with Retry-After and 500s on every kind of call kakunin makes — posting
// and updating DM messages, publishing the Home tab, and the three steps of a PDF upload. Recorded
// answers are never lost, what could not be sent arrives later, and the person always has a way on.
import { describe, expect, test } from 'vitest';
import type { Failure } from '../slack/fake-slack-api.ts';
import { startHarness, type Harness } from '../slack/harness.ts';
import { sato as satoIds, snapshot, startChecklist } from '../slack/helpers.ts';
import { buttonLabels, textOf, type SlackUser } from '../slack/slack-user.ts';

const FAILURES: Record<string, Failure> = {
  '429 with Retry-After': { status: 429, retryAfterSeconds: 0 },
  'HTTP 500': { status: 500 },
};
const RETRIES = { retries: 2, minTimeout: 1, maxTimeout: 5, factor: 1 };

/** The person's way on: the newest DM message offers buttons, or /kakunin shows the current question. */
async function hasWayOn(user: SlackUser, expected: string): Promise<void> {
  if (!textOf(user.last().blocks).includes(expected)) await user.command('');
  expect(textOf(user.last().blocks)).toContain(expected);
  expect(buttonLabels(user.last().blocks)).toContain('実施済');
}

async function submitSmallChecklist(user: SlackUser): Promise<void> {
  await user.command('start online-qualification-measures');
  await user.click('始める');
  // The scope question comes right away, and after it the first measure: no 始める in between.
  await user.click('利用する');
  for (let i = 0; i < 20 && !textOf(user.last().blocks).includes('確認画面'); i++) await user.click('実施済');
  await user.click('提出する');
}

describe.each(Object.entries(FAILURES))('Slack answers %s', (_name, failure) => {
  test('chat.postMessage: the answer is kept and the next question arrives', async () => {
    const h = await startHarness({ retryConfig: RETRIES });
    const sato = h.user('U0SATO', 'sato');
    await startChecklist(sato);
    h.fake.failNext('chat.postMessage', failure);
    await sato.click('実施済');
    expect(snapshot(h, satoIds(h).assessmentId()).answers['organizational.1']).toEqual({ kind: 'done' });
    await hasWayOn(sato, '組織的安全管理対策 2/5');
    await sato.click('実施済');
    expect(snapshot(h, satoIds(h).assessmentId()).answers['organizational.2']).toEqual({ kind: 'done' });
  });

  test('chat.update: the answer is kept, the next question arrives, the answered message is closed later', async () => {
    const h = await startHarness({ retryConfig: RETRIES });
    const sato = h.user('U0SATO', 'sato');
    await startChecklist(sato);
    const question = sato.last();
    h.fake.failNext('chat.update', failure);
    await sato.click('実施済', question);
    expect(snapshot(h, satoIds(h).assessmentId()).answers['organizational.1']).toEqual({ kind: 'done' });
    await hasWayOn(sato, '組織的安全管理対策 2/5');
    await h.kakunin.idle();
    expect(buttonLabels(sato.message(question.ts).blocks)).toEqual([]);
  });

  test('views.publish: the Home tab is shown on the next visit at the latest, and nothing else is lost', async () => {
    const h = await startHarness({ retryConfig: RETRIES });
    const sato = h.user('U0SATO', 'sato');
    await startChecklist(sato);
    h.fake.failNext('views.publish', failure);
    expect((await sato.openHome()).status).toBe(200);
    if (h.fake.homeViews('U0SATO').length === 0) await sato.openHome();
    expect(textOf(sato.homeBlocks())).toContain('*進行中*');
    await sato.click('続きから', 'home');
    await hasWayOn(sato, '組織的安全管理対策 1/5');
  });

  for (const step of ['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal'])
    test(`${step}: the assessment stays submitted and the PDF arrives (retried, or by /kakunin report)`, async () => {
      const h = await startHarness({ retryConfig: RETRIES, renderReport: async () => new Uint8Array(Buffer.from('%PDF-1.7 test')) });
      const sato = h.user('U0SATO', 'sato');
      h.fake.failNext(step, failure);
      await submitSmallChecklist(sato);
      await h.kakunin.idle();
      const org = h.store.organizations.ensureForSlackTeam('T0CLINIC');
      const person = h.store.people.ensureForSlackUser(org.id, 'U0SATO');
      expect(h.store.assessments.listForPerson(org.id, person.id)[0]!.status).toBe('submitted');
      const delivered = () => h.fake.uploads.filter((u) => u.channelId === 'D0SATO' && u.bytes !== undefined);
      if (delivered().length === 0) {
        // Not a dead end: the DM says what happened and how to get the PDF.
        expect(textOf(sato.last().blocks)).toContain('/kakunin report');
        await sato.command('report');
        await h.kakunin.idle();
      }
      expect(delivered()).toHaveLength(1);
    });
});

test('a burst of failures across every call while four people answer loses nothing', async () => {
  const h: Harness = await startHarness({
    retryConfig: RETRIES,
    fake: { users: { U0SATO: { name: 'sato' }, U0SUZUKI: { name: 'suzuki' }, U0TANAKA: { name: 'tanaka' }, U0ITO: { name: 'ito' } } },
  });
  const users = ['U0SATO', 'U0SUZUKI', 'U0TANAKA', 'U0ITO'].map((id) => h.user(id, id.slice(2).toLowerCase()));
  await Promise.all(users.map((u) => startChecklist(u)));
  h.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 0 }, 3);
  h.fake.failNext('chat.update', { status: 500 }, 3);
  await Promise.all(
    users.map(async (u) => {
      for (let i = 0; i < 4; i++) {
        const label = buttonLabels(u.last().blocks).includes('実施済') ? '実施済' : undefined;
        if (!label) await u.command('');
        await u.click('実施済');
      }
    }),
  );
  const org = h.store.organizations.ensureForSlackTeam('T0CLINIC');
  for (const u of users) {
    const person = h.store.people.ensureForSlackUser(org.id, u.userId);
    const [a] = h.store.assessments.listForPerson(org.id, person.id);
    expect(Object.values(h.store.answers.current(a!.id)).filter((x) => x.kind === 'done')).toHaveLength(4);
    await hasWayOn(u, '組織的安全管理対策 5/5・全体 5/90');
  }
  expect(h.fake.invalidBlocks).toEqual([]);
});
