// The fake Slack Web API in its own thread, so serving the app's API calls does not slow down the
// load generator's clock. Posts every new or updated DM message to the main thread, which keeps a
// mirror of what each simulated person sees.
import { parentPort } from 'node:worker_threads';
import { startFakeSlackApi } from '../test/slack/fake-slack-api.ts';

const fake = await startFakeSlackApi({ validateBlocks: false, teams: { T0BENCH: { name: 'ベンチ診療所' } } });
fake.onCall((call, result) => {
  parentPort!.postMessage({ kind: 'call', method: call.method });
  if (!result.ok) return;
  if (call.method === 'chat.postMessage' || call.method === 'chat.update')
    parentPort!.postMessage({ kind: 'message', channel: result.channel, ts: result.ts, text: call.args.text, blocks: call.args.blocks });
});
parentPort!.on('message', (msg) => {
  if (msg === 'close') void fake.close().then(() => process.exit(0));
});
parentPort!.postMessage({ kind: 'ready', url: fake.url });
