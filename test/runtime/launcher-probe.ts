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
  }),
);
