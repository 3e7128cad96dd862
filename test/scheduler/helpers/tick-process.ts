// One app process's scheduler, as a child process of a test: opens the database file, builds the
// runner with the Slack sender pointed at the test's fake Web API, says `ready`, waits for `go` on
// stdin (so two processes tick at the same moment), runs one tick as of the given instant, prints its
// report as one JSON line and exits.
// node bin/run.js test/scheduler/helpers/tick-process.ts <db> <slackApiUrl> <botToken> <nowIso> <owner>
import { createInterface } from 'node:readline';
import pino from 'pino';
import { loadFlowsDir } from '../../../src/flow/loader.ts';
import { createScheduler } from '../../../src/scheduler/scheduler.ts';
import { createReminderClient, slackReminderSender } from '../../../src/slack/reminder-sender.ts';
import { createStore } from '../../../src/store/store.ts';

const [dbPath, slackApiUrl, botToken, nowIso, owner] = process.argv.slice(2);
if (!dbPath || !slackApiUrl || !botToken || !nowIso || !owner) throw new Error('usage: tick-process.ts <db> <slackApiUrl> <botToken> <nowIso> <owner>');
const now = new Date(nowIso);
const clock = () => now;
// The flows the test's world schedules (the minimum-guideline checklist).
const flows = new Map([...loadFlowsDir()].filter(([id]) => id === 'mhlw-minimum-5.2'));
const store = createStore(dbPath, { now: clock });
const logger = pino({ level: 'silent' });
const runner = createScheduler({ store, flows, clock }).runner(slackReminderSender(createReminderClient(botToken, slackApiUrl, logger)), { logger, owner });

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) {
  if (line.trim() !== 'go') continue;
  const report = await runner.tick(now);
  process.stdout.write(`${JSON.stringify({ owner, ...report })}\n`);
  break;
}
lines.close();
store.close();
