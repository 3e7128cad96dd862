// Checks one answer against its item's definition. Returns the refusal, or undefined when valid.
import { addYearsIso, isRealDate } from '../dates/calendar-date.ts';
import type { Answer } from '../flow/answer.ts';
import type { AnswerSpec, GridCell, ItemDef } from '../flow/schema.ts';
import type { EngineError } from './engine-error.ts';

const KINDS: Record<AnswerSpec['type'], Answer['kind'][]> = {
  status: ['done', 'planned', 'na'],
  yesno: ['yesno'],
  single: ['single'],
  multi: ['multi'],
  text: ['text'],
  number: ['number'],
  date: ['date'],
  grid: ['grid'],
};

export function validateAnswer(item: ItemDef, answer: Answer, today: string): EngineError | undefined {
  const spec = item.answer;
  if (answer.kind === 'blank') return item.required ? { code: 'answer.required' } : undefined;
  if (!KINDS[spec.type].includes(answer.kind))
    return { code: 'answer.kindMismatch', params: { expected: spec.type, got: answer.kind } };

  switch (answer.kind) {
    case 'done':
      // 実施日 (a carried 実施予定 answered 「実施できました」): a real day, not after today.
      if (answer.on === undefined) return undefined;
      if (!isRealDate(answer.on)) return { code: 'date.invalid', params: { date: answer.on } };
      return answer.on > today ? { code: 'done.future', params: { date: answer.on, today } } : undefined;
    case 'yesno':
      return undefined;
    case 'na':
      // 該当なし by skip logic (auto, with an answer it keeps hidden) is the engine's to record, never a person's.
      if (answer.auto || answer.hidden) return { code: 'answer.kindMismatch', params: { expected: spec.type, got: 'na' } };
      return spec.type === 'status' && spec.notApplicable ? undefined : { code: 'answer.notApplicableNotAllowed' };
    case 'planned':
      return checkDate(answer.date, today, { notPast: true, maxYearsAhead: spec.type === 'status' ? spec.maxPlanYears : 3 });
    case 'date':
      return spec.type === 'date'
        ? checkDate(answer.value, today, { notPast: spec.notPast, maxYearsAhead: spec.maxYearsAhead })
        : undefined;
    case 'single':
      return spec.type === 'single' && !spec.options.some((o) => o.id === answer.value)
        ? { code: 'option.unknown', params: { option: answer.value } }
        : undefined;
    case 'multi':
      return spec.type === 'multi' ? checkMulti(spec, answer.values) : undefined;
    case 'text':
      if (spec.type !== 'text') return undefined;
      if (answer.value.trim() === '') return { code: 'text.empty' };
      if ([...answer.value].length > spec.maxLength)
        return { code: 'text.tooLong', params: { max: spec.maxLength, length: [...answer.value].length } };
      if (spec.pattern && !new RegExp(`^(?:${spec.pattern})$`, 'u').test(answer.value.trim()))
        return {
          code: 'text.pattern',
          params: { hint: spec.patternHint?.ja ?? spec.pattern, hintEn: spec.patternHint?.en ?? spec.patternHint?.ja ?? spec.pattern },
        };
      return undefined;
    case 'number':
      return spec.type === 'number' ? checkNumber(answer.value, spec) : undefined;
    case 'grid':
      return spec.type === 'grid' ? checkGrid(spec, answer.cells) : undefined;
  }
}

export function checkDate(
  iso: string,
  today: string,
  rule: { notPast: boolean; maxYearsAhead: number | undefined },
): EngineError | undefined {
  if (!isRealDate(iso)) return { code: 'date.invalid', params: { date: iso } };
  if (rule.notPast && iso < today) return { code: 'date.past', params: { date: iso, today } };
  if (rule.maxYearsAhead !== undefined) {
    const latest = addYearsIso(today, rule.maxYearsAhead);
    if (iso > latest) return { code: 'date.tooFar', params: { date: iso, latest, years: rule.maxYearsAhead } };
  }
  return undefined;
}

function checkMulti(spec: Extract<AnswerSpec, { type: 'multi' }>, values: string[]): EngineError | undefined {
  if (new Set(values).size !== values.length) return { code: 'multi.duplicate' };
  const unknown = values.find((v) => !spec.options.some((o) => o.id === v));
  if (unknown !== undefined) return { code: 'option.unknown', params: { option: unknown } };
  const exclusive = spec.options.find((o) => o.exclusive && values.includes(o.id));
  if (exclusive && values.length > 1) return { code: 'multi.exclusive', params: { option: exclusive.label.ja } };
  if (values.length < spec.min) return { code: 'multi.tooFew', params: { min: spec.min } };
  if (spec.max !== undefined && values.length > spec.max) return { code: 'multi.tooMany', params: { max: spec.max } };
  return undefined;
}

function checkNumber(
  value: number,
  rule: { min?: number | undefined; max?: number | undefined; integer: boolean },
): EngineError | undefined {
  if (!Number.isFinite(value)) return { code: 'number.notNumber' };
  if (rule.integer && !Number.isInteger(value)) return { code: 'number.notInteger' };
  if (rule.min !== undefined && value < rule.min) return { code: 'number.tooSmall', params: { min: rule.min } };
  if (rule.max !== undefined && value > rule.max) return { code: 'number.tooLarge', params: { max: rule.max } };
  return undefined;
}

function checkGrid(
  spec: Extract<AnswerSpec, { type: 'grid' }>,
  cells: Record<string, Record<string, number | boolean | string | null>>,
): EngineError | undefined {
  let filledRows = 0;
  for (const [rowId, row] of Object.entries(cells)) {
    const rowDef = spec.rows.find((r) => r.id === rowId);
    if (!rowDef) return { code: 'grid.unknownCell', params: { row: rowId } };
    let filled = 0;
    let checks = 0;
    for (const [colId, value] of Object.entries(row)) {
      const colDef = spec.columns.find((c) => c.id === colId);
      if (!colDef) return { code: 'grid.unknownCell', params: { row: rowId, column: colId } };
      if (value === null) continue;
      const where = { row: rowDef.label.ja, column: colDef.label.ja };
      const problem = checkGridCell(spec.cell, value);
      if (problem?.code === 'text.tooLong') return { code: 'grid.textTooLong', params: { ...where, ...problem.params } };
      if (problem) return { code: 'grid.badValue', params: { ...where, ...problem.params } };
      if (value !== false && value !== '') filled++;
      if (value === true) checks++;
    }
    if (filled > 0) filledRows++;
    const rule = spec.checksPerRow;
    if (rule && filled > 0 && (checks < rule.min || (rule.max !== undefined && checks > rule.max)))
      return { code: 'grid.rowChecks', params: { row: rowDef.label.ja, min: rule.min, max: rule.max ?? rule.min } };
  }
  if (filledRows === 0 && !spec.emptyRowsAllowed) return { code: 'grid.empty' };
  return checkGridSubsets(spec, cells);
}

/** 「左記のうち」/「上記のうち」: a part may not exceed its whole (a blank whole counts as 0). */
function checkGridSubsets(
  spec: Extract<AnswerSpec, { type: 'grid' }>,
  cells: Record<string, Record<string, number | boolean | string | null>>,
): EngineError | undefined {
  const numberAt = (row: string, column: string) => {
    const v = cells[row]?.[column];
    return typeof v === 'number' ? v : undefined;
  };
  const label = (axis: typeof spec.rows, id: string) => axis.find((a) => a.id === id)?.label.ja ?? id;
  const exceeds = (row: string, column: string, ofRow: string, ofColumn: string): EngineError | undefined => {
    const part = numberAt(row, column);
    if (part === undefined) return undefined;
    const whole = numberAt(ofRow, ofColumn) ?? 0;
    if (part <= whole) return undefined;
    return {
      code: 'grid.subsetExceeds',
      params: {
        row: label(spec.rows, row),
        column: label(spec.columns, column),
        value: part,
        ofRow: label(spec.rows, ofRow),
        ofColumn: label(spec.columns, ofColumn),
        limit: whole,
      },
    };
  };
  for (const { column, of } of spec.subsetColumns ?? [])
    for (const row of spec.rows) {
      const problem = exceeds(row.id, column, row.id, of);
      if (problem) return problem;
    }
  for (const { row, of } of spec.subsetRows ?? [])
    for (const column of spec.columns) {
      const problem = exceeds(row, column.id, of, column.id);
      if (problem) return problem;
    }
  return undefined;
}

/** One grid cell against the grid's cell rule (number range, text length), so an adapter can point at the cell. */
export function checkGridCell(cell: GridCell, value: number | boolean | string): EngineError | undefined {
  switch (cell.kind) {
    case 'number':
      return typeof value === 'number' ? checkNumber(value, cell) : { code: 'number.notNumber' };
    case 'check':
      return typeof value === 'boolean' ? undefined : { code: 'answer.kindMismatch' };
    case 'text':
      if (typeof value !== 'string') return { code: 'answer.kindMismatch' };
      return [...value].length > cell.maxLength
        ? { code: 'text.tooLong', params: { max: cell.maxLength, length: [...value].length } }
        : undefined;
  }
}
