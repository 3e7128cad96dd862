// kakunin is killed with SIGKILL at random moments while twenty people answer at once. Whatever it
// acknowledged (HTTP 200) is in SQLite afterwards, nobody's assessment is stuck, each person's next
// /kakunin continues at the right question, the history chain verifies, and no secret or request body
// reached the logs of the whole run.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { auditHistory } from '../../src/store/history-audit.ts';
import { createStore } from '../../src/store/store.ts';
import { repoRoot } from '../helpers/run-cli.ts';
import { startFakeSlackApi } from '../slack/fake-slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../slack/harness.ts';
import { elementsOf, SlackUser } from '../slack/slack-user.ts';
import { appProcess } from './app-process.ts';
import { answerUntil, type Acknowledged } from './clinic-user.ts';

// bench/reliability-heavy.bench.ts runs the heavy variant with more of both.
const USERS = Number(process.env.KAKUNIN_KILL9_USERS ?? 20);
const KILLS = Number(process.env.KAKUNIN_KILL9_KILLS ?? 5);

/** A small deterministic generator, so a failing run can be replayed with the same kill moments. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

test('twenty people answering through five SIGKILLs lose no acknowledged answer', { timeout: 240_000 * Math.max(1, KILLS / 5) }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-kill9-'));
  const flowsDir = join(dir, 'flows');
  mkdirSync(flowsDir);
  for (const f of ['mhlw-minimum-5.2.yaml', 'online-qualification-measures.yaml']) copyFileSync(join(repoRoot, 'flows', f), join(flowsDir, f));
  const userIds = Array.from({ length: USERS }, (_, i) => `U0P${String(i + 1).padStart(2, '0')}`);
  const fake = await startFakeSlackApi({
    teams: { T0CLINIC: { name: 'さくら内科クリニック' } },
    users: Object.fromEntries(userIds.map((id) => [id, { name: id.toLowerCase() }])),
  });
  const db = join(dir, 'kakunin.sqlite');
  const app = await appProcess({
    KAKUNIN_DB: db,
    KAKUNIN_FLOWS_DIR: flowsDir,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.url,
    LOG_LEVEL: 'debug',
  });
  onTestFinished(async () => {
    await app.kill();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const endpoint = { url: `http://127.0.0.1:${app.port}/slack/events`, signingSecret: SIGNING_SECRET };
  const users = userIds.map((id) => new SlackUser(endpoint, fake, 'T0CLINIC', id, id.toLowerCase()));

  await app.start();
  const acked: Acknowledged[] = [];
  let stopping = false;
  const answering = users.map((u) => answerUntil(fake, u, () => stopping, acked));

  const next = random(20261201);
  /** Resolves once `enough` more answers were acknowledged, or after `ms` at the latest. */
  const progress = async (enough: number, ms: number) => {
    const until = Date.now() + ms;
    const target = acked.length + enough;
    while (acked.length < target && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  for (let k = 0; k < KILLS; k++) {
    // A random moment under load: after a random number of acknowledged answers since the restart.
    await progress(3 + Math.floor(next() * 15), 6000);
    await app.kill();
    await app.start();
  }
  await progress(USERS, 10_000);
  stopping = true;
  await Promise.all(answering);
  expect(acked.length).toBeGreaterThan(USERS);

  // What SQLite holds, read beside the running app.
  const flows = loadFlowsDir(flowsDir);
  const store = createStore(db);
  onTestFinished(() => store.close());
  const service = createAssessmentService({ store, flows });
  for (const a of acked) expect(store.answers.current(a.assessmentId)[a.itemId], `${a.userId} ${a.itemId}`).toEqual(a.answer);
  expect(auditHistory(store.db)).toMatchObject({ ok: true, breaks: [], answerMismatches: [] });

  const org = store.organizations.ensureForSlackTeam('T0CLINIC');
  for (const user of users) {
    const person = store.people.ensureForSlackUser(org.id, user.userId);
    const [assessment, ...others] = store.assessments.listForPerson(org.id, person.id);
    expect(others, `${user.userId} has one assessment`).toEqual([]);
    expect(['in_progress', 'paused']).toContain(assessment!.status);
    const { prompt } = service.view(org.id, assessment!.id);
    // The next /kakunin shows exactly the question the database says is next.
    const before = user.dm().length;
    expect((await user.command('')).status).toBe(200);
    for (let i = 0; i < 200 && user.dm().length === before; i++) await new Promise((resolve) => setTimeout(resolve, 15));
    const shown = elementsOf(user.last().blocks)
      .map((c) => JSON.parse(String(c.element.value ?? '{}')) as { i?: string })
      .find((v) => v.i !== undefined)?.i;
    expect(shown, `${user.userId}'s next question`).toBe(prompt.kind === 'question' ? prompt.item.id : undefined);
  }

  expect(fake.invalidBlocks).toEqual([]);
  const logs = app.logs();
  expect(logs).toContain('kakunin is serving Slack requests');
  for (const secret of [BOT_TOKEN, SIGNING_SECRET, 'hooks.slack.test', 'legacy-verification-token']) expect(logs).not.toContain(secret);
});
