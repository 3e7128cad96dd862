// Secrets never reach a log line, however they get there: as a named field, nested in an error, or
// quoted inside a library's message string.
import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { createLogger } from '../../src/logging/create-logger.ts';

const BOT = 'xoxb-1234567890-abcdefGHIJ';
const APP = 'xapp-1-A0FAKE-9876-zyxw';
const SECRET = 'f00dfeedcafe0123456789abcdef';

test('tokens, the signing secret and request bodies are redacted from every line', () => {
  let out = '';
  const destination = new Writable({ write: (chunk: Buffer, _e, done) => ((out += chunk.toString('utf8')), done()) });
  const log = createLogger({ level: 'debug', secrets: [BOT, APP, SECRET], destination });

  log.info({ token: BOT, botToken: BOT, config: { appToken: APP, signingSecret: SECRET } }, 'fields');
  log.debug({ req: { headers: { authorization: `Bearer ${BOT}`, 'x-slack-signature': 'v0=abc' }, body: 'payload=%7B%22user%22' } }, 'request');
  log.error({ err: Object.assign(new Error(`An API error occurred: invalid_auth (token ${BOT})`), { data: { body: 'text=secret answer' } }) }, 'failed');
  log.warn(`http request headers: {"Authorization":"Bearer ${BOT}"} signing ${SECRET} app ${APP}`);
  log.info('a user token xoxp-1111-2222-abcd, a refresh token xoxe-1-abcdef');

  for (const secret of [BOT, APP, SECRET, 'payload=%7B', 'secret answer', 'v0=abc', 'xoxp-1111', 'xoxe-1-abc']) expect(out).not.toContain(secret);
  expect(out.split('\n').filter(Boolean)).toHaveLength(5);
  expect(out).toContain('xoxb-[redacted]');
  expect(out).toContain('[redacted]');
});
