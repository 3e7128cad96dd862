// The Slack app gives back what its start-up left in the heap (flows, the report warm-up, the receiver's
// own start) once, when the receiver is up: before that, the receiver's start-up garbage stayed resident.
import http, { type Server } from 'node:http';
import { expect, onTestFinished, test } from 'vitest';
import type { IdleCompaction } from '../../src/runtime/idle-compaction.ts';
import { startHarness } from './harness.ts';

test('over HTTP, the start-up compaction runs once the receiver is listening, and only once', async () => {
  // The receiver's server, caught as it starts to listen (start() hands it back only after the compaction).
  const servers: Server[] = [];
  const listen = http.Server.prototype.listen;
  http.Server.prototype.listen = function (this: Server, ...args: unknown[]) {
    servers.push(this);
    return listen.apply(this, args as never);
  } as never;
  onTestFinished(() => void (http.Server.prototype.listen = listen));
  const compactions: { reason: string; listening: boolean }[] = [];
  const idleCompaction: IdleCompaction = {
    touch: () => undefined,
    compactNow: (reason) => void compactions.push({ reason, listening: servers.at(-1)?.listening ?? false }),
    stop: () => undefined,
  };
  await startHarness({ idleCompaction });
  expect(compactions).toEqual([{ reason: 'start-up work done', listening: true }]);
});
