// The persisted engine state. XState restores any snapshot it is handed without checking it belongs
// to the machine, so we wrap it with the flow id, flow hash and machine version and check all three.
import { z } from 'zod';
import { answersSchema } from '../flow/answer.ts';
import { MACHINE_VERSION } from './machine.ts';

export const ENVELOPE_VERSION = 1;

const contextSchema = z.object({
  flowId: z.string(),
  flowHash: z.string(),
  answers: answersSchema,
  position: z.number().int().min(0),
  resumeTo: z.enum(['intro', 'sectionIntro', 'question', 'review', 'editing']),
  error: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()).optional() }).nullable(),
});

export const envelopeSchema = z.object({
  envelope: z.literal(ENVELOPE_VERSION),
  flowId: z.string(),
  flowHash: z.string(),
  machineVersion: z.number().int(),
  snapshot: z
    .object({
      status: z.enum(['active', 'done', 'error', 'stopped']),
      value: z.string(),
      context: contextSchema,
    })
    .passthrough(),
});
export type Envelope = z.output<typeof envelopeSchema>;

export class SnapshotMismatchError extends Error {
  override readonly name = 'SnapshotMismatchError';
}

export function parseEnvelope(json: string, expected: { flowId: string; flowHash: string }): Envelope {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new SnapshotMismatchError(`The saved conversation state is not valid JSON (${(err as Error).message}).`);
  }
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success)
    throw new SnapshotMismatchError(`The saved conversation state has an unexpected shape: ${parsed.error.issues[0]?.message}`);
  const env = parsed.data;
  if (env.flowId !== expected.flowId || env.flowHash !== expected.flowHash)
    throw new SnapshotMismatchError(
      `The saved conversation state belongs to flow ${env.flowId}@${env.flowHash.slice(0, 8)}, not ${expected.flowId}@${expected.flowHash.slice(0, 8)}.`,
    );
  if (env.machineVersion !== MACHINE_VERSION)
    throw new SnapshotMismatchError(
      `The saved conversation state was written by engine version ${env.machineVersion}; this is version ${MACHINE_VERSION}.`,
    );
  return env;
}
