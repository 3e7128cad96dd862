// The one table every benchmark prints: kakunin's figure beside its floor from the same run, the
// ratio, and whether the target holds. A benchmark exits non-zero when a target is missed.

export interface Figure {
  name: string;
  kakunin: number;
  floor: number;
  unit: string;
  /** How the ratio is read: kakunin/floor (`lower` is better: time, memory) or kakunin/floor for rates (`higher`). */
  better: 'lower' | 'higher';
  /** The target ratio kakunin/floor: at most this (lower) or at least this (higher). Omit for context rows. */
  target?: number;
  /** An absolute ceiling on kakunin's figure (same unit), checked besides any ratio target. */
  absoluteMax?: number;
  /** Extra words after the verdict: runs, spread. */
  note?: string;
}

export function printFigures(title: string, figures: readonly Figure[]): boolean {
  const rows = figures.map((f) => {
    const ratio = f.kakunin / f.floor;
    const checks: { met: boolean; text: string }[] = [];
    if (f.target !== undefined)
      checks.push({ met: f.better === 'lower' ? ratio <= f.target : ratio >= f.target, text: `${f.better === 'lower' ? '≤' : '≥'} ${f.target}×` });
    if (f.absoluteMax !== undefined) checks.push({ met: f.kakunin <= f.absoluteMax, text: `≤ ${f.absoluteMax} ${f.unit}` });
    const met = checks.length === 0 ? undefined : checks.every((c) => c.met);
    const verdict = met === undefined ? '' : `${met ? 'met' : 'MISSED'} (${checks.map((c) => c.text).join(', ')})`;
    return { f, ratio, met, verdict };
  });
  console.log(`\n${title} — Node ${process.version}, ${new Date().toISOString()}\n`);
  console.log('| figure | kakunin | floor | ratio | target | note |');
  console.log('| --- | ---: | ---: | ---: | --- | --- |');
  for (const { f, ratio, verdict } of rows)
    console.log(`| ${f.name} | ${fmt(f.kakunin)} ${f.unit} | ${fmt(f.floor)} ${f.unit} | ${ratio.toFixed(2)}× | ${verdict} | ${f.note ?? ''} |`);
  const ok = rows.every((r) => r.met !== false);
  if (!ok) process.exitCode = 1;
  return ok;
}

function fmt(n: number): string {
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1);
  return n.toFixed(2);
}
