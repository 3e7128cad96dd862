// A TrueType file held in memory except for its glyph outlines, which are read from disk the first time
// a glyph is decoded. In Noto Sans JP the `glyf` table is 93% of the file (~5 MB of 5.3 MB per weight), and
// a report typically draws about a thousand of its 17,000 glyphs: reading both files whole kept ~10 MB of
// outlines resident in every process that renders PDFs. The array spans the whole file so that fontkit
// finds every table at its own offset, but its outline region is never written: it stays a fresh
// zero-filled allocation the system has not backed with memory. Outlines read are kept packed in
// chunks of their own (a few hundred bytes each), not at their offsets in the file's array, where each
// one made a whole 4 KB page resident: ~1.8 MB of pages for the ~0.2 MB of outlines the warm-up reads.
// The file stays open for the life of the process: an upgrade that replaces node_modules under a running
// app unlinks the old file, and its outlines must keep coming from the font whose offsets were read.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ReportFontError } from '../errors.ts';

export interface PagedFontFile {
  readonly file: string;
  /** The whole file's length; every table but `glyf` is filled in, the outline region stays zeros. */
  readonly bytes: Uint8Array;
  /**
   * The outline that starts `start` bytes into the glyph table, up to the next glyph's, given the glyph
   * offsets from the font's `loca` table (relative to `glyf`, ascending, one more than there are glyphs).
   * Read from disk the first time; the same bytes every call after.
   */
  outlineAt(start: number, locaOffsets: ArrayLike<number>): Uint8Array;
  /** Outline bytes read so far. */
  readonly glyphBytesRead: number;
}

/** Thrown by `openPagedFontFile` when the file is not a TrueType font, or shorter than its tables say. */
export class FontFileFormatError extends Error {
  override readonly name = 'FontFileFormatError';
}

/** Files opened here by their byte array: the fontkit adapter asks which fonts read outlines on demand. */
const byBytes = new WeakMap<Uint8Array, PagedFontFile>();

export function pagedFontFileOf(bytes: Uint8Array): PagedFontFile | undefined {
  return byBytes.get(bytes);
}

const TRUETYPE_VERSIONS = new Set([0x00010000, 0x74727565 /* 'true' */]);

export function openPagedFontFile(file: string): PagedFontFile {
  const fd = openSync(file, 'r');
  try {
    const paged = pagedFontFile(file, fd);
    byBytes.set(paged.bytes, paged);
    return paged;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

function pagedFontFile(file: string, fd: number): PagedFontFile {
  const size = fstatSync(fd).size;
  const bytes = new Uint8Array(size);
  /** Fills `into[at…]` with the file's bytes from `from` to `to`. */
  const readInto = (into: Uint8Array, at: number, from: number, to: number) => {
    for (let pos = from; pos < to; ) {
      const n = readSync(fd, into, at + pos - from, to - pos, pos);
      if (n === 0) throw new FontFileFormatError(`the file ends at byte ${pos}, before the end of its tables (${to})`);
      pos += n;
    }
  };
  const read = (start: number, end: number) => readInto(bytes, start, start, end);
  // The table directory: 12 bytes, then 16 per table (tag, checksum, offset, length).
  read(0, Math.min(size, 12));
  const view = new DataView(bytes.buffer);
  if (size < 12 || !TRUETYPE_VERSIONS.has(view.getUint32(0))) throw new FontFileFormatError('not a TrueType font (.ttf)');
  const numTables = view.getUint16(4);
  read(12, 12 + 16 * numTables);
  let glyf: { start: number; end: number } | undefined;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    if (String.fromCharCode(...bytes.subarray(record, record + 4)) !== 'glyf') continue;
    const start = view.getUint32(record + 8);
    glyf = { start, end: start + view.getUint32(record + 12) };
  }
  if (!glyf || glyf.end > size) throw new FontFileFormatError('no glyph outline table (glyf) within the file');
  const table = glyf;
  // Everything but the outlines, wherever the tables lie.
  read(12 + 16 * numTables, table.start);
  read(table.end, size);

  const outlines = new Map<number, Uint8Array>();
  const arena = new OutlineArena();
  let glyphBytesRead = 0;
  return {
    file,
    bytes,
    get glyphBytesRead() {
      return glyphBytesRead;
    },
    outlineAt(start, locaOffsets) {
      const known = outlines.get(start);
      if (known) return known;
      let outline: Uint8Array;
      try {
        const end = nextOffset(locaOffsets, start);
        if (end === undefined || table.start + end > table.end) {
          throw new FontFileFormatError(`no glyph starts at byte ${start} of the glyph outline table`);
        }
        outline = arena.take(end - start);
        readInto(outline, 0, table.start + start, table.start + end);
        glyphBytesRead += end - start;
      } catch (err) {
        // Mid-render: say which file, and how to restore it.
        throw new ReportFontError(file, err);
      }
      outlines.set(start, outline);
      return outline;
    },
  };
}

/**
 * Where the outline starting at `start` ends: the first glyph offset above it (the next glyph with an
 * outline), or `start` itself at the table's end. Undefined when no glyph starts at `start`.
 */
function nextOffset(offsets: ArrayLike<number>, start: number): number | undefined {
  let low = 0;
  let high = offsets.length;
  // The first index whose offset exceeds `start`.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (offsets[middle]! <= start) low = middle + 1;
    else high = middle;
  }
  if (low === 0 || offsets[low - 1] !== start) return undefined;
  return low < offsets.length ? offsets[low]! : start;
}

/** Outlines packed into 64 KiB chunks: one allocation per chunk rather than per glyph. */
class OutlineArena {
  private static readonly CHUNK = 64 * 1024;
  private chunk = new Uint8Array(0);
  private used = 0;

  take(length: number): Uint8Array {
    if (length > OutlineArena.CHUNK) return new Uint8Array(length);
    if (this.used + length > this.chunk.length) {
      this.chunk = new Uint8Array(OutlineArena.CHUNK);
      this.used = 0;
    }
    this.used += length;
    return this.chunk.subarray(this.used - length, this.used);
  }
}
