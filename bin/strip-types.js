// Child process of bin/stripped-sources.js: strips the types from the .ts files named on stdin (JSON: paths
// relative to <root>) and writes each as <dir>/<path>.js, in Latin-1 where that is smaller for V8 to hold
// (latin1-escaped.js). Prints {"failed": {path: message}} on stdout.
//
// A process of its own because Node's stripper (a WebAssembly build of a TypeScript parser) stays resident
// once loaded, ~11 MB; this process exits as soon as it is done.
import module from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { text } from 'node:stream/consumers';
import { latin1Escaped } from './latin1-escaped.js';
import { writeWhole } from './cache-file.js';

const [root, dir] = process.argv.slice(2);
const paths = JSON.parse(await text(process.stdin));
const failed = {};
for (const path of paths) {
  try {
    // 'strip' puts whitespace where the types were: every line stays where it is in the .ts file.
    const source = readFileSync(join(root, path), 'utf8');
    const code = latin1Escaped(module.stripTypeScriptTypes(source, { mode: 'strip' }), source);
    const out = join(dir, `${path}.js`);
    mkdirSync(dirname(out), { recursive: true });
    writeWhole(out, code);
  } catch (err) {
    // Left to Node, which reports it with the file and position as it always does.
    failed[path] = err instanceof Error ? err.message : String(err);
  }
}
process.stdout.write(JSON.stringify({ failed }));
