// The runner without Slack settings (`schedule tick` on an operator's machine): prints each DM as
// it would be sent. Printing cannot be looked up afterwards, so a crash between printing and recording
// prints it again; only Slack delivery is exactly once.
import type { Writable } from 'node:stream';
import { digestAsText } from './digest-text.ts';
import type { ReminderSender } from './sender.ts';

export function consoleSender(out: Writable): ReminderSender {
  let seq = 0;
  return {
    canReach: () => true,
    async send(digest) {
      const who = digest.person.slackUserId ? `${digest.person.displayName} <${digest.person.slackUserId}>` : digest.person.displayName;
      out.write(`── DM → ${who} [${digest.deliveryKey}]\n${digestAsText(digest)}\n\n`);
      return { channelId: 'console', ts: `console.${++seq}` };
    },
    findDelivered: () => Promise.resolve(undefined),
  };
}
