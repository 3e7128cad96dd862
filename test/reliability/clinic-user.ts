// A person answering the 90-item checklist as fast as Slack lets them, against an app that may die at
// any moment: clicks what the newest question offers, notes each answer the app acknowledged (HTTP 200),
// and when nothing happens (the app was killed after the ack) asks `/kakunin` for the current question.
import type { FakeSlackApi } from '../slack/fake-slack-api.ts';
import { buttonLabels, elementsOf, type HttpResult, type SlackUser } from '../slack/slack-user.ts';

export interface Acknowledged {
  userId: string;
  assessmentId: string;
  itemId: string;
  answer: unknown;
}

const FORWARD = ['実施済', '始める', '利用している', '取り扱っている', '採用している', 'ある', '再開する'];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Changes whenever anything the person can see changes. */
function fingerprint(fake: FakeSlackApi, user: SlackUser): string {
  const dm = user.dm();
  return `${dm.length}:${dm.reduce((n, m) => n + m.versions.length, 0)}:${fake.ephemerals(user.userId).length}`;
}

async function waitForChange(fake: FakeSlackApi, user: SlackUser, before: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (fingerprint(fake, user) !== before) return true;
    await pause(15);
  }
  return false;
}

/** A request that may meet a dead app: undefined when the connection failed. */
async function attempt(send: () => Promise<HttpResult>): Promise<HttpResult | undefined> {
  try {
    return await send();
  } catch {
    return undefined;
  }
}

export async function answerUntil(fake: FakeSlackApi, user: SlackUser, stop: () => boolean, acked: Acknowledged[]): Promise<void> {
  let started = false;
  while (!stop()) {
    const before = fingerprint(fake, user);
    const message = [...user.dm()].reverse().find((m) => elementsOf(m.blocks).length > 0);
    const label = message && FORWARD.find((l) => buttonLabels(message.blocks).includes(l));
    if (!message || !label) {
      if (message && buttonLabels(message.blocks).includes('提出する')) return;
      const r = await attempt(() => user.command(started ? '' : 'start mhlw-minimum-5.2'));
      if (r?.status === 200) started = true;
      if (!r) await pause(100);
      else await waitForChange(fake, user, before, 1500);
      continue;
    }
    const button = elementsOf(message.blocks).find((c) => c.element.type === 'button' && (c.element.text as { text: string }).text === label)!;
    const r = await attempt(() => user.click(label, message));
    if (!r) {
      await pause(100);
      continue;
    }
    if (r.status === 200 && label === '実施済') {
      const value = JSON.parse(String(button.element.value)) as { a: string; i: string; v: unknown };
      acked.push({ userId: user.userId, assessmentId: value.a, itemId: value.i, answer: value.v });
    }
    // Nothing visible happened (the app died after acknowledging), or only a note came back (「この画面は
    // 古くなっています」: the app moved on but died before posting the next question): ask for the current one.
    const dmBefore = before.split(':').slice(0, 2).join(':');
    const changed = await waitForChange(fake, user, before, 1500);
    if (!changed || fingerprint(fake, user).split(':').slice(0, 2).join(':') === dmBefore) await attempt(() => user.command(''));
  }
}
