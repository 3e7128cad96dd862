// What the reminder DM's buttons and the 時期を変更 modal carry back, validated like every other value.
// Each item button names the 実施時期 it was shown with, so a click after the item moved is recognised.
import { z } from 'zod';
import { isoDateSchema } from '../flow/answer.ts';

export const reminderItemSchema = z.object({ a: z.string().min(1).max(100), i: z.string().min(1).max(200), d: isoDateSchema }).strict();
export type ReminderItemRef = z.output<typeof reminderItemSchema>;

/** The modal remembers the item and the DM that opened it, to update that DM after the change. */
export const moveMetadataSchema = reminderItemSchema.extend({ c: z.string().max(50).optional(), t: z.string().max(50).optional() }).strict();
export type MoveMetadata = z.output<typeof moveMetadataSchema>;

/** 「今後このリマインドを止める」 on a cycle prompt, and 再開 of it: the facility, the flow and which cycle. */
export const cycleStopRefSchema = z.object({ fac: z.string().min(1).max(100), f: z.string().min(1).max(200), c: z.string().min(1).max(40) }).strict();
export type CycleStopRef = z.output<typeof cycleStopRefSchema>;

/** 再開 in a lead's digest names either an assessment's stop or a cycle's. */
export const stopRefSchema = z.union([z.object({ a: z.string().min(1).max(100) }).strict(), cycleStopRefSchema]);
export type StopRef = z.output<typeof stopRefSchema>;
