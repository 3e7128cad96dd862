// Who acts and how; the interaction itself is defined with the engine's events.
import type { EngineEvent, Interaction } from '../engine/events.ts';
import type { AnswerChannel } from '../store/answers-repo.ts';

/** Where an interaction came from: the answer history's channel column, whose CHECK the store's enum mirrors. */
export type Channel = AnswerChannel;

/** Who is acting, on which channel, for authorization and the answer history. */
export interface Participant {
  organizationId: string;
  personId: string;
  channel: Channel;
}

export function stampToday(interaction: Interaction, today: string): EngineEvent {
  return interaction.type === 'ANSWER' || interaction.type === 'REVISE' ? { ...interaction, today } : interaction;
}
