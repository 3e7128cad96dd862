// Who acts and how; the interaction itself is defined with the engine's events.
import { z } from 'zod';
import type { EngineEvent, Interaction } from '../engine/events.ts';

export const channelSchema = z.enum(['terminal', 'slack', 'cli', 'system']);
export type Channel = z.output<typeof channelSchema>;

/** Who is acting, on which channel, for authorization and the answer history. */
export interface Participant {
  organizationId: string;
  personId: string;
  channel: Channel;
}

export function stampToday(interaction: Interaction, today: string): EngineEvent {
  return interaction.type === 'ANSWER' || interaction.type === 'REVISE' ? { ...interaction, today } : interaction;
}
