// The Slack app gives back what its start-up left in the heap (flows, the report warm-up, the receiver's
// own start) once, when the receiver is up: before that, the receiver's start-up garbage stayed resident.
import { mkdtempSync, rmSync } from 'node:fs';
import http, { type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { expect, onTestFinished, test } from 'vitest';
import type { IdleCompaction } from '../../src/runtime/idle-compaction.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { createSlackApp } from '../../src/slack/start.ts';
import { createStore } from '../../src/store/store.ts';
import { startFakeSlackApi } from './fake-slack-api.ts';
import { checklistFlows, slackServices } from './harness.ts';

test('over HTTP, the start-up compaction runs once the receiver is listening, and only once', async () => {
  const fake = await startFakeSlackApi({});
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-start-compaction-'));
  const store = createStore(join(dir, 'kakunin.sqlite'));
  const servers: Server[] = [];
  const compactions: { reason: string; listening: boolean }[] = [];
  const idleCompaction: IdleCompaction = {
    touch: () => undefined,
    compactNow: (reason) => void compactions.push({ reason, listening: servers[0]?.listening ?? false }),
    stop: () => undefined,
  };
  // The receiver's server, caught as it starts to listen (start() hands it back only after the compaction).
  const listen = http.Server.prototype.listen;
  http.Server.prototype.listen = function (this: Server, ...args: unknown[]) {
    servers.push(this);
    return listen.apply(this, args as never);
  } as never;
  onTestFinished(() => void (http.Server.prototype.listen = listen));
  const kakunin = createSlackApp({
    service: createAssessmentService({ store, flows: checklistFlows() }),
    ...slackServices(store),
    botToken: 'xoxb-test-bot-token',
    signingSecret: 'test-signing-secret',
    http: { port: 0, host: '127.0.0.1' },
    slackApiUrl: fake.url,
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    logger: pino({ level: 'silent' }),
    idleCompaction,
  });
  onTestFinished(async () => {
    await kakunin.stop();
    store.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await kakunin.start();
  expect(compactions).toEqual([{ reason: 'start-up work done', listening: true }]);
});
