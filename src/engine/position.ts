// What is persisted of the engine: where the person is (by item id, never by index) and what they are
// doing. The answers are not here: they live in the answers table, and the engine is rebuilt from them
// plus this position on every turn. Reading never refuses: a position written by another machine version,
// the release-0.1.0 envelope (a whole XState snapshot with the answers inside), or something unreadable
// all come back as the best position the answers allow (see restoreEngine in session.ts).
import { z } from 'zod';
import { itemRefs, type Flow } from '../flow/model.ts';

/**
 * Bump when the machine's states change meaning; positions of other versions are still read, by mode name.
 * 3: a section's introduction is a step of its own only in a re-assessment carrying answers over; elsewhere
 * a stored `sectionIntro` is read as its section's first question (restoreEngine).
 */
export const MACHINE_VERSION = 3;

export const stepStateSchema = z.enum(['intro', 'sectionIntro', 'question', 'review', 'editing']);
export type StepState = z.output<typeof stepStateSchema>;

export const engineModeSchema = z.enum([...stepStateSchema.options, 'paused', 'submitted']);
export type EngineMode = z.output<typeof engineModeSchema>;

export interface EnginePosition {
  machineVersion: number;
  mode: EngineMode;
  /** The question asked, or the first question of the section introduced; null at the intro or when none. */
  itemId: string | null;
  /** Where RESUME returns to (meaningful when paused). */
  resumeTo: StepState;
}

const positionSchema = z.object({
  machineVersion: z.number().int(),
  mode: z.string(),
  itemId: z.string().nullable(),
  resumeTo: z.string().optional(),
});

/** Release 0.1.0's envelope: the XState snapshot with the answers and an item index inside. */
const legacyEnvelopeSchema = z.object({
  envelope: z.literal(1),
  snapshot: z.object({
    value: z.string(),
    context: z.object({ position: z.number().int().min(0), resumeTo: z.string().optional() }),
  }),
});

export function encodePosition(position: EnginePosition): string {
  return JSON.stringify(position);
}

/**
 * The stored position as far as it can be read, or undefined when nothing useful is in it (then the
 * engine starts from the answers alone). Unknown modes and resume targets are dropped, not refused.
 */
export function readPosition(flow: Flow, json: string | null | undefined): Partial<EnginePosition> | undefined {
  if (!json) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined; // unreadable: rebuilt from the answers, which are the truth
  }
  const current = positionSchema.safeParse(raw);
  if (current.success) return known(current.data.machineVersion, current.data.mode, current.data.itemId, current.data.resumeTo);
  const legacy = legacyEnvelopeSchema.safeParse(raw);
  if (legacy.success) {
    const { value, context } = legacy.data.snapshot;
    return known(1, value, itemRefs(flow)[context.position]?.item.id ?? null, context.resumeTo);
  }
  return undefined;
}

function known(machineVersion: number, mode: string, itemId: string | null, resumeTo: string | undefined): Partial<EnginePosition> {
  const m = engineModeSchema.safeParse(mode);
  const r = stepStateSchema.safeParse(resumeTo);
  return {
    machineVersion,
    itemId,
    ...(m.success ? { mode: m.data } : {}),
    ...(r.success ? { resumeTo: r.data } : {}),
  };
}
