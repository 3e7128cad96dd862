// An ack means "stored": by the time Slack gets its 200 for an answer, the answer is committed to
// SQLite, so a crash right after the ack loses nothing. The slow part (posting the next question)
// comes after. Read here through a second connection, as a restarted process would.
import Database from 'better-sqlite3';
import pino from 'pino';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { createSlackApp } from '../../src/slack/start.ts';
import { createStore } from '../../src/store/store.ts';
import { startFakeSlackApi } from './fake-slack-api.ts';
import { checklistFlows, slackServices, startHarness } from './harness.ts';
import { sato as satoIds, startChecklist } from './helpers.ts';
import { buttonLabels, elementsOf } from './slack-user.ts';

function storedAnswers(dbPath: string, assessmentId: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare<[string], { item_id: string }>('SELECT item_id FROM answers WHERE assessment_id = ? ORDER BY item_id')
      .all(assessmentId)
      .map((r) => r.item_id);
  } finally {
    db.close();
  }
}

test('over HTTP, the answer is in SQLite at the moment the 200 is written, before the next question is posted', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const id = satoIds(h).assessmentId();
  expect(storedAnswers(h.dbPath, id)).not.toContain('organizational.1');

  // The moment the app writes its response, read the file, synchronously, with nothing in between.
  const atAck: { answers: string[]; posts: number }[] = [];
  h.server.prependListener('request', (_req, res) => {
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    res.end = ((...args: unknown[]) => {
      atAck.push({ answers: storedAnswers(h.dbPath, id), posts: h.fake.callsTo('chat.postMessage').length });
      return end(...args);
    }) as typeof res.end;
  });
  const posts = h.fake.callsTo('chat.postMessage').length;
  const result = await sato.click('実施済');

  expect(result.status).toBe(200);
  expect(atAck).toHaveLength(1);
  expect(atAck[0]!.answers).toContain('organizational.1');
  // …and the next question had not been posted yet: that is the slow part, after the ack.
  expect(atAck[0]!.posts).toBe(posts);
  expect(h.fake.callsTo('chat.postMessage').length).toBeGreaterThan(posts);
});

test('in Socket Mode, the answer is in SQLite when Slack receives the ack', async () => {
  const fake = await startFakeSlackApi({ teams: { T0CLINIC: { name: 'さくら内科クリニック' } } });
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-socket-ack-'));
  const dbPath = join(dir, 'kakunin.sqlite');
  const store = createStore(dbPath);
  const service = createAssessmentService({ store, flows: checklistFlows() });
  const kakunin = createSlackApp({
    service,
    ...slackServices(store),
    botToken: 'xoxb-test-bot-token',
    appToken: 'xapp-1-test-app-token',
    slackApiUrl: fake.url,
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    retryConfig: { retries: 0 },
    logger: pino({ level: 'silent' }),
  });
  onTestFinished(async () => {
    await kakunin.stop();
    store.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await kakunin.start();
  const user = { id: 'U0SATO', name: 'sato', team_id: 'T0CLINIC' };
  const click = async (label: string) => {
    const message = [...fake.dm('U0SATO')].reverse().find((m) => elementsOf(m.blocks).some((c) => (c.element.text as { text?: string } | undefined)?.text === label))!;
    const target = elementsOf(message.blocks).find((c) => (c.element.text as { text?: string } | undefined)?.text === label)!;
    const acked = fake.socket.send('interactive', {
      type: 'block_actions',
      team: { id: 'T0CLINIC', domain: 'sakura' },
      user,
      container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
      channel: { id: message.channel },
      trigger_id: `trigger-${label}`,
      actions: [{ type: 'button', action_id: target.element.action_id, block_id: target.blockId, value: target.element.value, action_ts: '1.0' }],
    });
    return acked;
  };
  await fake.socket.send('slash_commands', {
    team_id: 'T0CLINIC',
    team_domain: 'sakura',
    channel_id: 'C0GENERAL',
    user_id: 'U0SATO',
    user_name: 'sato',
    command: '/kakunin',
    text: 'start mhlw-minimum-5.2',
    trigger_id: 't',
  });
  await kakunin.idle();
  // 始める on the intro, then the four 前提: the first question of 組織的安全管理対策 follows directly.
  for (const label of ['始める', '利用している', '取り扱っている', '採用している', 'ある']) {
    await click(label);
    await kakunin.idle();
  }
  const organizationId = store.organizations.ensureForSlackTeam('T0CLINIC').id;
  const id = store.assessments.listForPerson(organizationId, store.people.ensureForSlackUser(organizationId, 'U0SATO').id)[0]!.id;

  // Read the moment the ack arrives, before anything else runs.
  let atAck: string[] = [];
  const acked = click('実施済').then((ack) => {
    atAck = storedAnswers(dbPath, id);
    return ack;
  });
  await acked;
  expect(atAck).toContain('organizational.1');
  await kakunin.idle();
});

test("while one answer is being synced to disk, its ack waits for the sync and another person's click is answered meanwhile", async () => {
  // The next sync is held until the test lets it go; every other one returns at once.
  let holdNext = false;
  let releaseHeld: (() => void) | undefined;
  let held: (() => void) | undefined;
  const heldStarted = new Promise<void>((r) => (held = r));
  const h = await startHarness({
    syncFile: async () => {
      if (!holdNext) return;
      holdNext = false;
      held!();
      await new Promise<void>((r) => (releaseHeld = r));
    },
  });
  const sato = h.user('U0SATO', 'sato');
  const suzuki = h.user('U0SUZUKI', 'suzuki');
  await startChecklist(sato);
  await startChecklist(suzuki);
  const id = satoIds(h).assessmentId();

  holdNext = true;
  let satoAcked = false;
  const satoClick = sato.unsettled().click('実施済').then((r) => ((satoAcked = true), r));
  await heldStarted;
  // Sato's answer is committed; Slack has not been told, and nothing is posted to Sato yet.
  expect(storedAnswers(h.dbPath, id)).toContain('organizational.1');
  const satoMessages = sato.dm().length;

  // Meanwhile Suzuki's click goes all the way through: ack, record, next question.
  const suzukiAsked = new Promise<void>((resolve) =>
    h.fake.onCall((call) => {
      if (call.method === 'chat.postMessage' && call.args.channel === suzuki.dmChannel) resolve();
    }),
  );
  const suzukiClick = await suzuki.unsettled().click('実施済');
  expect(suzukiClick.status).toBe(200);
  await suzukiAsked;
  expect(buttonLabels(suzuki.last().blocks)).toContain('実施済');
  expect(satoAcked).toBe(false);
  expect(sato.dm()).toHaveLength(satoMessages);

  releaseHeld!();
  expect((await satoClick).status).toBe(200);
  await h.kakunin.idle();
  expect(sato.dm().length).toBeGreaterThan(satoMessages);
});
