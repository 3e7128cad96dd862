// With SLACK_APP_TOKEN, kakunin connects in Socket Mode: apps.connections.open on the configured Web
// API URL, then a WebSocket to the URL it returns. Here both are local fakes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { expect, onTestFinished, test } from 'vitest';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { createSlackApp } from '../../src/slack/start.ts';
import { createStore } from '../../src/store/store.ts';
import { startFakeSlackApi } from './fake-slack-api.ts';
import { checklistFlows, slackServices } from './harness.ts';
import { elementsOf, textOf } from './slack-user.ts';

test('Socket Mode start-up opens the connection through apps.connections.open and handles a command and a click', async () => {
  const fake = await startFakeSlackApi({ teams: { T0CLINIC: { name: 'さくら内科クリニック' } } });
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-socket-'));
  const store = createStore(join(dir, 'kakunin.sqlite'));
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
  // Start-up talked to the configured URL only, with the app-level token, and never called auth.test.
  expect(fake.calls.map((c) => [c.method, c.token])).toEqual([['apps.connections.open', 'xapp-1-test-app-token']]);

  const ack = await fake.socket.send('slash_commands', {
    token: 'legacy',
    team_id: 'T0CLINIC',
    team_domain: 'sakura',
    channel_id: 'C0GENERAL',
    user_id: 'U0SATO',
    user_name: 'sato',
    command: '/kakunin',
    text: 'start mhlw-minimum-5.2',
    api_app_id: 'A0FAKE',
    trigger_id: 'trigger-1',
    response_url: 'https://hooks.slack.test/x',
  });
  expect(ack).toMatchObject({ response_type: 'ephemeral', text: 'kakunin とのDMでお送りしました。' });
  await kakunin.idle();
  const intro = fake.dm('U0SATO').at(-1)!;
  expect(textOf(intro.blocks)).toContain('全90項目・10分野');

  const start = elementsOf(intro.blocks).find((c) => (c.element.text as { text: string }).text === '始める')!;
  await fake.socket.send('interactive', {
    type: 'block_actions',
    team: { id: 'T0CLINIC', domain: 'sakura' },
    user: { id: 'U0SATO', name: 'sato', team_id: 'T0CLINIC' },
    container: { type: 'message', message_ts: intro.ts, channel_id: intro.channel, is_ephemeral: false },
    channel: { id: intro.channel },
    trigger_id: 'trigger-2',
    actions: [{ type: 'button', action_id: start.element.action_id, block_id: start.blockId, value: start.element.value, action_ts: '1.0' }],
  });
  await kakunin.idle();
  expect(textOf(fake.dm('U0SATO').at(-1)!.blocks)).toContain('前提の確認（4項目）');
  expect(fake.invalidBlocks).toEqual([]);

  // Malformed or unknown envelopes are acknowledged too, and the connection keeps serving.
  expect(await fake.socket.send('interactive', null)).toEqual({});
  expect(await fake.socket.send('interactive', { type: 'block_actions' })).toEqual({});
  expect(await fake.socket.send('interactive', { type: 'shortcut', callback_id: 'x', user: { id: 'U0SATO' }, trigger_id: 't' })).toEqual({});
  await kakunin.idle();
  const ack2 = await fake.socket.send('slash_commands', {
    team_id: 'T0CLINIC',
    channel_id: 'C0GENERAL',
    user_id: 'U0SATO',
    user_name: 'sato',
    command: '/kakunin',
    text: 'help',
    trigger_id: 'trigger-3',
  });
  expect(ack2).toMatchObject({ response_type: 'ephemeral' });
});
