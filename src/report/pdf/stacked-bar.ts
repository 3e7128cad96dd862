// One horizontal 100% bar split into coloured segments, drawn as vector rectangles (sharp at any zoom,
// a few bytes each).
import type { PDFPage, RGB } from 'pdf-lib';

export interface BarSegment {
  value: number;
  color: RGB;
}

export interface StackedBar {
  x: number;
  /** Bottom edge, PDF coordinates. */
  y: number;
  width: number;
  height: number;
  segments: BarSegment[];
  outline: { color: RGB; width: number };
}

export function drawStackedBar(page: PDFPage, bar: StackedBar): void {
  const total = bar.segments.reduce((sum, s) => sum + s.value, 0);
  let x = bar.x;
  if (total > 0) {
    for (const segment of bar.segments) {
      if (segment.value <= 0) continue;
      const width = (bar.width * segment.value) / total;
      page.drawRectangle({ x, y: bar.y, width, height: bar.height, color: segment.color });
      x += width;
    }
  }
  page.drawRectangle({
    x: bar.x,
    y: bar.y,
    width: bar.width,
    height: bar.height,
    borderColor: bar.outline.color,
    borderWidth: bar.outline.width,
  });
}
