// Line input that works the same typed at a terminal or piped from a script: lines are queued as
// they arrive, and end of input (or Ctrl-C) is reported as null so the caller can save and stop.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface LineReader {
  /** Prints `prompt` and resolves with the next line, or null when input has ended. */
  next(prompt?: string): Promise<string | null>;
  close(): void;
}

export function createLineReader(input: Readable, output: Writable): LineReader {
  const rl = createInterface({ input, terminal: false });
  const queued: string[] = [];
  let waiting: ((line: string | null) => void) | undefined;
  let ended = false;

  rl.on('line', (line) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(line);
    } else queued.push(line);
  });
  const end = () => {
    ended = true;
    waiting?.(null);
    waiting = undefined;
  };
  rl.on('close', end);
  // At an interactive terminal Ctrl-C arrives as SIGINT; treat it like end of input (answers are saved).
  process.once('SIGINT', () => rl.close());

  return {
    next(prompt = '> ') {
      output.write(prompt);
      const line = queued.shift();
      if (line !== undefined) {
        // Echo piped input so a transcript reads like the conversation.
        if (!('isTTY' in input && input.isTTY)) output.write(`${line}\n`);
        return Promise.resolve(line);
      }
      if (ended) {
        output.write('\n');
        return Promise.resolve(null);
      }
      return new Promise((resolve) => {
        waiting = (l) => {
          if (l !== null && !('isTTY' in input && input.isTTY)) output.write(`${l}\n`);
          if (l === null) output.write('\n');
          resolve(l);
        };
      });
    },
    close: () => rl.close(),
  };
}
