// A TrueType file held in memory except for its glyph outlines, which are read from disk the first time
// a glyph is used. In Noto Sans JP the `glyf` table is 93% of the file (~5 MB of 5.3 MB per weight), and
// a report typically draws about a thousand of its 17,000 glyphs: reading both files whole kept ~10 MB of
// outlines resident in every process that renders PDFs. The array spans the whole file so that fontkit
// finds every table at its own offset; the outline region starts as zeros that the allocator has not
// backed with memory yet (a fresh zero-filled allocation), and only the pages holding used outlines
// become resident. The file stays open for the life of the process: an upgrade that replaces
// node_modules under a running app unlinks the old file, and its outlines must keep coming from the font
// whose offsets were read.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ReportFontError } from '../errors.ts';

export interface PagedFontFile {
  readonly file: string;
  /** The whole file's length; every table but `glyf` is filled in, outlines only once `readGlyph` asked. */
  readonly bytes: Uint8Array;
  /**
   * Makes glyph `id`'s outline present, given the glyph offsets from the font's `loca` table (relative to
   * `glyf`, one more than there are glyphs). Reads from disk once per glyph.
   */
  readGlyph(id: number, locaOffsets: ArrayLike<number>): void;
  /** Outline bytes read so far (what of the glyph table is resident, page rounding aside). */
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
  const read = (start: number, end: number) => {
    for (let at = start; at < end; ) {
      const n = readSync(fd, bytes, at, end - at, at);
      if (n === 0) throw new FontFileFormatError(`the file ends at byte ${at}, before the end of its tables (${end})`);
      at += n;
    }
  };
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
  const outlines = glyf;
  // Everything but the outlines, wherever the tables lie.
  read(12 + 16 * numTables, outlines.start);
  read(outlines.end, size);

  const presentGlyphs = new Set<number>();
  let glyphBytesRead = 0;
  return {
    file,
    bytes,
    get glyphBytesRead() {
      return glyphBytesRead;
    },
    readGlyph(id, locaOffsets) {
      if (presentGlyphs.has(id)) return;
      const from = locaOffsets[id];
      const to = locaOffsets[id + 1];
      try {
        if (from === undefined || to === undefined || to < from || outlines.start + to > outlines.end) {
          throw new FontFileFormatError(`glyph ${id} lies outside the glyph outline table`);
        }
        read(outlines.start + from, outlines.start + to);
        glyphBytesRead += to - from;
      } catch (err) {
        // Mid-render: say which file, and how to restore it.
        throw new ReportFontError(file, err);
      }
      presentGlyphs.add(id);
    },
  };
}
