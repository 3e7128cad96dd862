// What the reminder DM's buttons and the 時期を変更 modal carry back, validated like every other value.
// Each item button names the 実施時期 it was shown with, so a click after the item moved is recognised.
import { z } from 'zod';
import { isoDateSchema } from '../flow/answer.ts';

export const reminderItemSchema = z.object({ a: z.string().min(1).max(100), i: z.string().min(1).max(200), d: isoDateSchema }).strict();
export type ReminderItemRef = z.output<typeof reminderItemSchema>;

/** The modal remembers the item and the DM that opened it, to update that DM after the change. */
export const moveMetadataSchema = reminderItemSchema.extend({ c: z.string().max(50).optional(), t: z.string().max(50).optional() }).strict();
export type MoveMetadata = z.output<typeof moveMetadataSchema>;
