// `npm start` with Slack settings: which mode, what is missing, and that start-up talks only to
// SLACK_API_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { expect, onTestFinished, test } from 'vitest';
import { ConfigError, readEnv } from '../../src/config/env.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { SlackStartError } from '../../src/slack/errors.ts';
import { slackSettings } from '../../src/slack/settings.ts';
import { startSlackApp } from '../../src/slack/start.ts';
import { createStore } from '../../src/store/store.ts';
import { startFakeSlackApi } from './fake-slack-api.ts';
import { checklistFlows, slackServices } from './harness.ts';

const lines = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.lines;
    throw err;
  }
  return [];
};

test('bot token + app token is Socket Mode; bot token + signing secret is HTTP on PORT', () => {
  expect(slackSettings(readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toEqual({
    mode: 'socket',
    botToken: 'xoxb-1',
    appToken: 'xapp-1',
    apiUrl: 'https://slack.com/api/',
  });
  expect(slackSettings(readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '8080', SLACK_API_URL: 'http://127.0.0.1:9999/api' }))).toEqual({
    mode: 'http',
    botToken: 'xoxb-1',
    signingSecret: 's',
    port: 8080,
    apiUrl: 'http://127.0.0.1:9999/api/',
  });
});

test('missing or malformed settings stop start-up with one line naming each', () => {
  expect(lines(() => slackSettings(readEnv({ SLACK_SIGNING_SECRET: 's' })))).toEqual([
    '設定エラー / config error: SLACK_BOT_TOKEN="" — expected the bot token (xoxb-…) from the Slack app’s OAuth & Permissions page',
  ]);
  expect(lines(() => slackSettings(readEnv({ SLACK_BOT_TOKEN: 'xoxb-1' })))).toHaveLength(1);
  expect(lines(() => readEnv({ SLACK_BOT_TOKEN: 'bot', SLACK_APP_TOKEN: 'app', SLACK_API_URL: 'slack.com' }))).toEqual([
    '設定エラー / config error: SLACK_BOT_TOKEN="b…" (3 characters, the rest hidden) — expected a bot token starting with xoxb-',
    '設定エラー / config error: SLACK_APP_TOKEN="a…" (3 characters, the rest hidden) — expected an app-level token starting with xapp-',
    '設定エラー / config error: SLACK_API_URL="slack.com" — expected an http(s) URL such as https://slack.com/api/',
  ]);
});

test('swapped tokens are named in the error with a prefix only, never in full', () => {
  const bot = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';
  const app = 'xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef0123456789';
  const errorLines = lines(() => readEnv({ SLACK_BOT_TOKEN: app, SLACK_APP_TOKEN: bot }));
  expect(errorLines).toEqual([
    `設定エラー / config error: SLACK_BOT_TOKEN="xapp-…" (${app.length} characters, the rest hidden) — expected a bot token starting with xoxb-`,
    `設定エラー / config error: SLACK_APP_TOKEN="xoxb-…" (${bot.length} characters, the rest hidden) — expected an app-level token starting with xapp-`,
  ]);
  for (const secret of [bot, app]) expect(errorLines.join('\n')).not.toContain(secret.slice(0, 8));
});

async function services() {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-start-'));
  const store = createStore(join(dir, 'kakunin.sqlite'));
  onTestFinished(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { store, service: createAssessmentService({ store, flows: checklistFlows() }) };
}

test('startSlackApp checks the token and connects in Socket Mode, talking only to SLACK_API_URL', async () => {
  const fake = await startFakeSlackApi();
  onTestFinished(() => fake.close());
  const { store, service } = await services();
  const env = readEnv({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: fake.url, LOG_LEVEL: 'silent' });
  const running = await startSlackApp({ env, service, ...slackServices(store), logger: pino({ level: 'silent' }) });
  await running.stop();
  expect(fake.calls.map((c) => [c.method, c.token])).toEqual([
    ['auth.test', 'xoxb-test'],
    ['apps.connections.open', 'xapp-test'],
  ]);
});

test('a token the API refuses stops start-up with a named error', async () => {
  const fake = await startFakeSlackApi();
  onTestFinished(() => fake.close());
  const { store, service } = await services();
  fake.failNext('auth.test', { error: 'invalid_auth' });
  const env = readEnv({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: fake.url });
  const started = startSlackApp({ env, service, ...slackServices(store), logger: pino({ level: 'silent' }) });
  await expect(started).rejects.toBeInstanceOf(SlackStartError);
  await expect(started).rejects.toThrow(`Slack start-up failed against ${fake.url}: auth.test failed (invalid_auth)`);
});
