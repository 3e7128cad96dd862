// Reads flow YAML files, validates them with the zod schema and the cross-reference rules, and
// reports every problem with the file, the YAML path and its line.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { conditionItems } from './conditions.ts';
import { FlowFileError, UnknownFlowError, formatPath, type FlowProblem } from './errors.ts';
import { hashFlowFile, type Flow } from './model.ts';
import { flowFileSchema, type Condition, type FlowFile } from './schema.ts';

export const defaultFlowsDir = resolve(fileURLToPath(new URL('../../flows', import.meta.url)));

export function loadFlowFile(file: string): Flow {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    throw new FlowFileError(file, [{ path: '', message: `cannot read file (${(err as Error).message})` }]);
  }
  return parseFlow(source, file);
}

/** Parses and validates one flow; `file` is only used to name the source in errors. */
export function parseFlow(source: string, file: string): Flow {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new FlowFileError(
      file,
      doc.errors.map((e) => ({
        path: '',
        line: lineCounter.linePos(e.pos[0]).line,
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  const parsed = flowFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new FlowFileError(file, parsed.error.issues.map((issue) => zodProblem(issue, doc, lineCounter)));
  }
  const problems = crossReferenceProblems(parsed.data).map((p) => ({
    ...p,
    line: lineOf(doc, lineCounter, p.rawPath),
  }));
  if (problems.length > 0) throw new FlowFileError(file, problems.map(({ rawPath: _r, ...p }) => p));
  return { ...parsed.data, hash: hashFlowFile(parsed.data) };
}

function zodProblem(issue: z.core.$ZodIssue, doc: Document, lc: LineCounter): FlowProblem {
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  // A missing key reads better as "required" than as the union's generic "Invalid input".
  if (doc.getIn(issue.path as (string | number)[]) === undefined && issue.path.length > 0 && issue.code !== 'unrecognized_keys')
    message = `required, but missing (${message})`;
  return { path: formatPath(issue.path), line: lineOf(doc, lc, issue.path), message };
}

/** The line of the deepest node on the path that exists (a missing key points at its parent). */
function lineOf(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

interface RawProblem extends Omit<FlowProblem, 'line'> {
  rawPath: (string | number)[];
}

/** Rules zod cannot see: unique ids, note references, gates that read earlier items of the right type. */
function crossReferenceProblems(flow: FlowFile): RawProblem[] {
  const problems: RawProblem[] = [];
  const seenSections = new Set<string>();
  const seenItems = new Map<string, FlowFile['sections'][number]['items'][number]>();
  const problem = (rawPath: (string | number)[], message: string) =>
    problems.push({ rawPath, path: formatPath(rawPath), message });

  const checkGate = (condition: Condition, at: (string | number)[]) => {
    for (const id of conditionItems(condition)) {
      const target = seenItems.get(id);
      if (!target) problem(at, `condition reads item "${id}", which is not an earlier item of this flow`);
    }
    for (const leaf of conditionLeaves(condition)) {
      const target = seenItems.get(leaf.item);
      if (!target) continue;
      const expected = comparableValues(target.answer);
      const values = 'equals' in leaf ? [leaf.equals] : 'notEquals' in leaf ? [leaf.notEquals] : 'in' in leaf ? leaf.in : [leaf.includes];
      if ('includes' in leaf && target.answer.type !== 'multi')
        problem(at, `"includes" needs a multiple-choice item, but "${leaf.item}" is ${target.answer.type}`);
      // A gate comparing against a value the item can never hold would silently gate its items off.
      const bad = expected && values.find((v) => !expected.some((e) => e === v));
      if (expected === null) problem(at, `items of type ${target.answer.type} cannot be used in conditions ("${leaf.item}")`);
      else if (bad !== undefined && bad !== false)
        problem(at, `"${leaf.item}" can never be ${JSON.stringify(bad)}; expected one of ${expected.map((e) => JSON.stringify(e)).join(', ')}`);
    }
  };

  flow.sections.forEach((section, s) => {
    if (seenSections.has(section.id)) problem(['sections', s, 'id'], `duplicate section id "${section.id}"`);
    seenSections.add(section.id);
    if (section.when) checkGate(section.when.condition, ['sections', s, 'when']);
    const noteIds = new Set<string>();
    section.notes.forEach((note, n) => {
      if (noteIds.has(note.id)) problem(['sections', s, 'notes', n, 'id'], `duplicate note id "${note.id}"`);
      noteIds.add(note.id);
    });
    section.items.forEach((item, i) => {
      const at = ['sections', s, 'items', i];
      if (seenItems.has(item.id)) problem([...at, 'id'], `duplicate item id "${item.id}"`);
      if (item.when) checkGate(item.when.condition, [...at, 'when']);
      item.notes.forEach((ref, n) => {
        if (!noteIds.has(ref)) problem([...at, 'notes', n], `note "${ref}" is not defined in this section's notes`);
      });
      const a = item.answer;
      if ((a.type === 'single' || a.type === 'multi') && new Set(a.options.map((o) => o.id)).size !== a.options.length)
        problem([...at, 'answer', 'options'], 'option ids must be unique');
      if (a.type === 'multi' && a.max !== undefined && a.max < a.min)
        problem([...at, 'answer', 'max'], `max (${a.max}) is below min (${a.min})`);
      if (a.type === 'number' && a.min !== undefined && a.max !== undefined && a.max < a.min)
        problem([...at, 'answer', 'max'], `max (${a.max}) is below min (${a.min})`);
      if (a.type === 'text' && a.pattern !== undefined && !compiles(a.pattern))
        problem([...at, 'answer', 'pattern'], `"${a.pattern}" is not a valid regular expression`);
      if (a.type === 'grid') {
        const rowIds = new Set(a.rows.map((r) => r.id));
        const columnIds = new Set(a.columns.map((c) => c.id));
        (a.subsetColumns ?? []).forEach((rule, r) => {
          for (const id of [rule.column, rule.of])
            if (!columnIds.has(id)) problem([...at, 'answer', 'subsetColumns', r], `"${id}" is not a column of this grid`);
        });
        (a.subsetRows ?? []).forEach((rule, r) => {
          for (const id of [rule.row, rule.of])
            if (!rowIds.has(id)) problem([...at, 'answer', 'subsetRows', r], `"${id}" is not a row of this grid`);
        });
        if ((a.subsetColumns || a.subsetRows) && a.cell.kind !== 'number')
          problem([...at, 'answer'], 'subsetColumns / subsetRows compare numbers: the cell kind must be number');
      }
      seenItems.set(item.id, item);
    });
  });
  (flow.related ?? []).forEach((related, r) => {
    if (related.required && !related.missing)
      problem(['related', r], `a required related flow needs \`missing\`: what to tell the user when "${related.flow}" has no submitted assessment`);
  });
  return problems;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

type ConditionLeaf = Extract<Condition, { item: string }>;
function conditionLeaves(c: Condition): ConditionLeaf[] {
  if ('all' in c) return c.all.flatMap(conditionLeaves);
  if ('any' in c) return c.any.flatMap(conditionLeaves);
  if ('not' in c) return conditionLeaves(c.not);
  return [c];
}

/** The values a condition may compare an item's answer with; undefined = any number; null = not comparable. */
function comparableValues(spec: FlowFile['sections'][number]['items'][number]['answer']): (string | number | boolean)[] | undefined | null {
  switch (spec.type) {
    case 'yesno':
      return [true, false];
    case 'status':
      return ['done', 'planned', 'na'];
    case 'single':
    case 'multi':
      return spec.options.map((o) => o.id);
    case 'number':
      return undefined;
    default:
      return null;
  }
}

/** All flows in a directory, keyed by id; a broken file stops loading with its error. */
export function loadFlowsDir(dir: string = defaultFlowsDir): Map<string, Flow> {
  const flows = new Map<string, Flow>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  for (const f of files) {
    const flow = loadNamedFlowFile(join(dir, f));
    flows.set(flow.id, flow);
  }
  return flows;
}

/** A flow file as the app loads it from its flows directory: its id must be its file name. */
export function loadNamedFlowFile(file: string): Flow {
  const flow = loadFlowFile(file);
  const expected = basename(file).replace(/\.ya?ml$/, '');
  if (flow.id !== expected)
    throw new FlowFileError(file, [{ path: 'id', message: `flow id "${flow.id}" must match the file name "${expected}"` }]);
  return flow;
}

export function requireFlow(flows: Map<string, Flow>, id: string): Flow {
  const flow = flows.get(id);
  if (!flow) throw new UnknownFlowError(id, [...flows.keys()]);
  return flow;
}
