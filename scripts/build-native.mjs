// postinstall (after ensure-runtime.mjs): builds native/malloc-trim.c into
// node_modules/.cache/kakunin-native/malloc-trim.node with the C compiler (`cc`, or $CC) and the Node-API
// header of the Node that runs kakunin. It is optional: on a machine without a compiler, or not on glibc
// (macOS, Alpine's musl), kakunin runs without it and keeps a few MB more resident; this says so and the
// install goes on.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir } from '../bin/cache-file.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NATIVE_TRIM = join(cacheDir(root, 'kakunin-native'), 'malloc-trim.node');

/** Where node_api.h is: the runtime ensure-runtime.mjs provided, else the Node running this script. */
function nodeApiIncludeDir() {
  const candidates = [
    join(root, 'node_modules', '.runtime', 'node_modules', `node-${process.platform}-${process.arch}`, 'include', 'node'),
    join(dirname(process.execPath), '..', 'include', 'node'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'node_api.h')));
}

function build() {
  if (process.platform !== 'linux') return 'malloc_trim is glibc’s, and this is not Linux';
  const include = nodeApiIncludeDir();
  if (!include) return 'no node_api.h beside this Node';
  mkdirSync(dirname(NATIVE_TRIM), { recursive: true });
  const tmp = `${NATIVE_TRIM}.${process.pid}.tmp`;
  const cc = process.env.CC || 'cc';
  try {
    execFileSync(cc, ['-O2', '-Wall', '-shared', '-fPIC', '-DNAPI_VERSION=8', '-I', include, '-o', tmp, join(root, 'native', 'malloc-trim.c')], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    rmSync(tmp, { force: true }); // whatever a failed compiler left behind
    const stderr = err.stderr?.toString().trim().split('\n')[0];
    return err.code === 'ENOENT' ? `no C compiler (${cc})` : `the compiler failed: ${stderr || err.message}`;
  }
  renameSync(tmp, NATIVE_TRIM);
  return undefined;
}

const failed = build();
if (failed) console.log(`kakunin: native heap trimming not built (${failed}); kakunin runs without it, with a few MB more resident memory`);
