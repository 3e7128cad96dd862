// Started by native-heap.test.ts with --expose-gc: frees most of 40 MB of small buffers (the ones left in
// between keep the freed memory inside malloc's arena), then trims, and reports resident memory.
import { loadNativeHeapTrim } from '../../src/runtime/native-heap.ts';

const loaded = loadNativeHeapTrim();
if (!loaded.trim) throw new Error(loaded.missing);
const rssMb = () => process.memoryUsage().rss / 1048576;
let buffers = Array.from({ length: 10_000 }, () => new Uint8Array(4_000).fill(1));
buffers = buffers.filter((_, i) => i % 16 === 0);
(globalThis as { gc?: (options: object) => void }).gc!({ type: 'major', execution: 'sync', flavor: 'last-resort' });
const freed = rssMb();
const released = loaded.trim();
console.log(JSON.stringify({ freed, trimmed: rssMb(), released, kept: buffers.length }));
