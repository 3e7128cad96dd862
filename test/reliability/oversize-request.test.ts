// A request declaring a body bigger than anything Slack sends is refused before a byte of it is read,
// so a flood of huge requests costs the app no memory.
import { connect } from 'node:net';
import { expect, test } from 'vitest';
import { startHarness } from '../slack/harness.ts';

test('a declared body over the limit gets 413 at once, without sending the body', async () => {
  const h = await startHarness();
  const { port } = new URL(h.endpoint.url);
  const response = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      // Headers only: a server that waited for the 100 MB body would never answer.
      socket.write(
        'POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
          `Content-Length: ${100 * 1024 * 1024}\r\nX-Slack-Request-Timestamp: ${Math.floor(Date.now() / 1000)}\r\nX-Slack-Signature: v0=00\r\n\r\n`,
      );
    });
    let data = '';
    socket.on('data', (d: Buffer) => {
      data += d.toString('utf8');
      if (data.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(data);
      }
    });
    socket.on('error', reject);
    setTimeout(() => reject(new Error(`no answer within 2 s: ${data}`)), 2000);
  });
  expect(response).toMatch(/^HTTP\/1\.1 413/);
  expect(h.logs.some((l) => l.msg === 'refused a Slack request: body too large')).toBe(true);
});
