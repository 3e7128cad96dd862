// The real app (`npm start` with Slack settings, HTTP mode) as a child process: started, killed with
// SIGKILL at any moment, started again on the same database. Every line it logs is kept, so a test can
// grep a whole run's logs.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../helpers/run-cli.ts';

export interface AppProcess {
  port: number;
  /** Everything written to stdout and stderr by every run so far. */
  logs(): string;
  start(): Promise<void>;
  /** SIGKILL: no clean-up of any kind, like a power cut of the process. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  readonly running: boolean;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function appProcess(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  let output = '';
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  return {
    port,
    logs: () => output,
    get running() {
      return child !== undefined;
    },
    async start() {
      output += `\n--- start ${new Date().toISOString()} ---\n`;
      const from = output.length;
      const readyLine = `serving Slack requests on port ${port}`;
      // As `npm start` runs it (bin/run.js in this very process, no wrapper process a SIGKILL would miss).
      const proc = spawn(process.execPath, [join(repoRoot, 'bin/run.js'), join(repoRoot, 'src/main.ts')], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      exited = new Promise((resolve) => proc.once('exit', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        proc.stdout!.on('data', (d: Buffer) => {
          output += d.toString('utf8');
          if (output.indexOf(readyLine, from) >= 0) resolve();
        });
        proc.stderr!.on('data', (d: Buffer) => (output += d.toString('utf8')));
        proc.once('exit', (code) => {
          const run = output.slice(from);
          const lines = run.split('\n').filter((l) => !l.includes('"level":20'));
          reject(new Error(`the app exited (${code}) before serving:\n${lines.slice(0, 10).join('\n').slice(0, 3000)}\n…\n${lines.slice(-10).join('\n').slice(-3000)}`));
        });
      });
    },
    async kill() {
      child?.kill('SIGKILL');
      await exited;
      child = undefined;
    },
    async stop() {
      child?.kill('SIGTERM');
      await exited;
      child = undefined;
    },
  };
}
