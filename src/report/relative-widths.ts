// Templates give column widths as proportions; a table gets them scaled to the width it is drawn in.
export function scaleWidths(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w * total) / sum);
}
