// A loaded flow: the validated file plus its content hash. JSON-only, so the exact definition an
// assessment started with can be stored beside it and reloaded after the YAML changes.
import { createHash } from 'node:crypto';
import { conditionItems, evaluateCondition } from './conditions.ts';
import type { Answers } from './answer.ts';
import type { FlowFile, Gate, ItemDef, Note, SectionDef } from './schema.ts';

export interface Flow extends FlowFile {
  /** sha256 of the canonical JSON of the validated definition. */
  hash: string;
}

export interface ItemRef {
  section: SectionDef;
  sectionIndex: number;
  item: ItemDef;
  itemIndex: number;
  /** Position among all items of the flow, 0-based. */
  index: number;
}

export function hashFlowFile(file: FlowFile): string {
  return createHash('sha256').update(canonicalJson(file)).digest('hex');
}

/** JSON with sorted keys and no undefined members, so equal values serialize to equal strings. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every item in flow order with its section; computed once per flow object. */
const refsCache = new WeakMap<Flow, ItemRef[]>();
export function itemRefs(flow: Flow): ItemRef[] {
  let refs = refsCache.get(flow);
  if (!refs) {
    refs = [];
    flow.sections.forEach((section, sectionIndex) =>
      section.items.forEach((item, itemIndex) =>
        refs!.push({ section, sectionIndex, item, itemIndex, index: refs!.length }),
      ),
    );
    refsCache.set(flow, refs);
  }
  return refs;
}

/** The items a person answers, in flow order: everything outside the 前提 (gate) sections. */
export function checklistRefs(flow: Flow): ItemRef[] {
  return itemRefs(flow).filter((ref) => ref.section.kind !== 'gates');
}

export function findItem(flow: Flow, itemId: string): ItemRef | undefined {
  return itemRefs(flow).find((r) => r.item.id === itemId);
}

export function itemNotes(section: SectionDef, item: ItemDef): Note[] {
  return item.notes.flatMap((id) => section.notes.filter((n) => n.id === id));
}

/**
 * Whether the skip logic leaves an item in the flow. An item is gated off only once every answer its
 * gate reads is given and the gate says no; until then it stays in (nothing is dropped on a guess).
 */
export type Applicability = { applicable: true } | { applicable: false; gate: Gate };

const APPLICABLE: Applicability = Object.freeze({ applicable: true });

export function applicability(ref: Pick<ItemRef, 'section' | 'item'>, answers: Answers): Applicability {
  // Asked for every item on every answer (skip logic, progress): written without per-call allocations.
  const left = gateVerdict(ref.section.when, answers) ?? gateVerdict(ref.item.when, answers);
  return left ? { applicable: false, gate: left } : APPLICABLE;
}

/** The gate, when it leaves the item out: all its inputs answered and its condition false. */
function gateVerdict(gate: Gate | undefined, answers: Answers): Gate | undefined {
  if (!gate) return undefined;
  for (const id of conditionItems(gate.condition)) if (answers[id] === undefined) return undefined;
  return evaluateCondition(gate.condition, answers) ? undefined : gate;
}
