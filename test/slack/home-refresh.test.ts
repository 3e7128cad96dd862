// App Home refreshes are debounced: a burst of changes publishes each person's Home once, after the burst.
import { expect, test } from 'vitest';
import { createBackground } from '../../src/slack/background.ts';
import { createHomeRefresh } from '../../src/slack/home-refresh.ts';

test('three changes in a burst for two people publish each Home once; a later change publishes again', async () => {
  const background = createBackground();
  const published: string[] = [];
  const refresh = createHomeRefresh({ delayMs: 20, background, publish: async (a) => void published.push(`${a.teamId}:${a.userId}`) });

  refresh.schedule('T1', ['U1', 'U2']);
  refresh.schedule('T1', ['U1']);
  refresh.schedule('T1', ['U2']);
  expect(published).toEqual([]);
  await background.idle();
  expect(published).toEqual(['T1:U1', 'T1:U2']);

  refresh.schedule('T1', ['U1']);
  await refresh.flush();
  expect(published).toEqual(['T1:U1', 'T1:U2', 'T1:U1']);
});
