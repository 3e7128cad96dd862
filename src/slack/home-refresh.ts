// The App Home follows state changes without being reopened: each change schedules a republish for the
// people it concerns (the respondent, the organization's leads), debounced so a burst of changes — a
// submission followed by a review a second later, 50 facilities imported at once — publishes each
// person's Home once. The pending publishes are tracked background work, so stop() and tests wait for them.
import type { Background } from './background.ts';
import type { SlackActor } from './payloads.ts';

export interface HomeRefresh {
  /** Republishes these people's Home after the debounce delay (once, however often it is asked). */
  schedule(teamId: string, slackUserIds: readonly string[]): void;
  /** Publishes at once whatever is pending (stop() calls it so nothing is lost). */
  flush(): Promise<void>;
}

export function createHomeRefresh(options: {
  delayMs: number;
  background: Background;
  publish: (actor: SlackActor) => Promise<void>;
}): HomeRefresh {
  const pending = new Map<string, SlackActor>();
  let timer: NodeJS.Timeout | undefined;
  let release: (() => void) | undefined;

  const run = async () => {
    timer = undefined;
    const actors = [...pending.values()];
    pending.clear();
    const done = release;
    release = undefined;
    try {
      for (const actor of actors) await options.publish(actor);
    } finally {
      done?.();
    }
  };

  return {
    schedule(teamId, slackUserIds) {
      for (const userId of slackUserIds) pending.set(`${teamId}:${userId}`, { teamId, userId });
      if (timer || pending.size === 0) return;
      // The wait itself is background work: idle() resolves only after the publish.
      void options.background.track(new Promise<void>((resolve) => (release = resolve)));
      timer = setTimeout(() => void run(), options.delayMs);
    },
    async flush() {
      if (!timer) return;
      clearTimeout(timer);
      await run();
    },
  };
}
