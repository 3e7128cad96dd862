// Line breaking for Japanese mixed with Latin: a line may break between any two CJK characters, Latin
// words and numbers stay whole, explicit newlines are kept, and simple 禁則 applies (no 。、）」 at the
// start of a line, no （「 at its end). Bullet lines (「・」, "(b) ") wrap with a hanging indent.

export interface WrappedLine {
  text: string;
  /** Left offset of this line in pt (continuation lines of a bullet hang under its text). */
  indent: number;
}

export interface WrapOptions {
  maxWidth: number;
  /** Width of `text` in pt at the size being wrapped. */
  widthOf: (text: string) => number;
  /** Break only at spaces when every space-separated part fits (titles read better that way). */
  preferSpaces?: boolean;
  /** Paragraph starts that get a hanging indent; defaults to bullets, (a)…, 注1: */
  hangingPrefix?: RegExp;
}

const DEFAULT_HANGING_PREFIX = /^(?:[・･•]\s*|[(（][a-zA-Z0-9]{1,3}[)）]\s*|注\s?\d+[:：)）]?\s*)/;

/** Characters that may not start a line: they stick to what precedes them. */
const NO_LINE_START = new Set([...'、。，．,.:;!?！？）)］]｝}」』】〕〉》”’%％・ー〜～ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞ…‥']);
/** Characters that may not end a line: they stick to what follows them. */
const NO_LINE_END = new Set([...'（(［[｛{「『【〔〈《“‘']);
/** Characters that form unbreakable words with their neighbours (Latin words, numbers, URLs). */
const WORD_CHAR = /[\p{Script=Latin}\p{Nd}_\-/@#&+=*~^$<>|\\'".,:;%]/u;
const SPACE = /[ \t]/;

export function wrapText(text: string, options: WrapOptions): WrappedLine[] {
  return text.split(/\r?\n/).flatMap((paragraph) => wrapParagraph(paragraph, options));
}

function wrapParagraph(paragraph: string, options: WrapOptions): WrappedLine[] {
  if (paragraph.trim() === '') return [{ text: '', indent: 0 }];
  const prefix = (options.hangingPrefix ?? DEFAULT_HANGING_PREFIX).exec(paragraph)?.[0] ?? '';
  // A hanging indent wider than half the line would leave too little room; wrap flush instead.
  const indent = prefix && options.widthOf(prefix) < options.maxWidth / 2 ? options.widthOf(prefix) : 0;
  if (options.preferSpaces && /\S\s+\S/.test(paragraph)) {
    const parts = paragraph.split(/(\s+)/).filter((p) => p !== '');
    if (parts.every((p) => options.widthOf(p) <= options.maxWidth)) return fillLines(parts, indent, options);
  }
  return fillLines(breakableUnits(paragraph), indent, options);
}

/** Splits a paragraph into the pieces a line may break between. */
export function breakableUnits(paragraph: string): string[] {
  const atoms: string[] = [];
  for (const char of paragraph) {
    const last = atoms[atoms.length - 1];
    const lastChar = last?.slice(-1);
    const sameRun =
      last !== undefined &&
      lastChar !== undefined &&
      ((WORD_CHAR.test(char) && WORD_CHAR.test(lastChar)) || (SPACE.test(char) && SPACE.test(lastChar)));
    if (sameRun) atoms[atoms.length - 1] = last + char;
    else atoms.push(char);
  }
  const units: string[] = [];
  let carry = '';
  for (const atom of atoms) {
    const previous = units[units.length - 1];
    if (NO_LINE_START.has([...atom][0]!) && previous !== undefined && !SPACE.test(previous) && !carry) {
      units[units.length - 1] = previous + atom;
    } else if (NO_LINE_END.has(atom)) {
      carry += atom;
    } else {
      units.push(carry + atom);
      carry = '';
    }
  }
  if (carry) units.push(carry);
  return units;
}

function fillLines(units: string[], indent: number, { maxWidth, widthOf }: WrapOptions): WrappedLine[] {
  const lines: WrappedLine[] = [];
  let line = '';
  let width = 0;
  const lineIndent = () => (lines.length === 0 ? 0 : indent);
  const flush = () => {
    lines.push({ text: line.trimEnd(), indent: lineIndent() });
    line = '';
    width = 0;
  };
  for (const unit of units) {
    const isSpace = SPACE.test(unit);
    if (isSpace && line === '') continue;
    const unitWidth = widthOf(unit);
    const room = maxWidth - lineIndent();
    if (width + unitWidth <= room + 0.01) {
      line += unit;
      width += unitWidth;
      continue;
    }
    if (isSpace) {
      flush();
      continue;
    }
    if (line !== '') flush();
    if (unitWidth <= maxWidth - lineIndent() + 0.01) {
      line = unit;
      width = unitWidth;
      continue;
    }
    // A single unit wider than the line (a long URL): break it by characters.
    for (const char of unit) {
      const charWidth = widthOf(char);
      if (line !== '' && width + charWidth > maxWidth - lineIndent() + 0.01) flush();
      line += char;
      width += charWidth;
    }
  }
  if (line !== '' || lines.length === 0) flush();
  return lines;
}
