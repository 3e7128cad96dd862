// Started by launcher.test.ts through bin/run.js: reports what the entry sees, and echoes stdin.
import module from 'node:module';
import { text } from 'node:stream/consumers';

const input = await text(process.stdin);
console.log(
  JSON.stringify({
    pid: process.pid,
    tunables: process.env.GLIBC_TUNABLES ?? null,
    argv: process.argv.slice(2),
    execArgv: process.execArgv,
    input,
    compileCache: module.getCompileCacheDir() ?? null,
    // Node's TypeScript stripper (a WebAssembly parser), loaded the first time Node strips a file itself.
    typeStripperLoaded: (process as unknown as { moduleLoadList: string[] }).moduleLoadList.some((name) => name.includes('internal/deps/amaro')),
    // Where this line is, as a stack trace reports it: the .ts file itself, same line and column.
    stackLine: /file:\/\/(\S*launcher-probe\.ts:\d+:\d+)/.exec(new Error('here').stack ?? '')?.[1] ?? null,
  }),
);
