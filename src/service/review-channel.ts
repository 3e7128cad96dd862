// Where submitted assessments are announced to the leads: a channel a lead chose (the adapter checks the
// app can post there before saving it), or — when none is set — a DM to each lead.
import type { Store } from '../store/store.ts';
import type { Participant } from './interaction.ts';
import type { Roles } from './roles.ts';

export type ReviewChannel = ReturnType<typeof createReviewChannel>;

export function createReviewChannel({ store, roles }: { store: Store; roles: Roles }) {
  return {
    get(organizationId: string): string | null {
      return store.organizations.get(organizationId).reviewChannelId;
    },
    set(who: Participant, channelId: string | null): void {
      store.transaction(() => {
        roles.requireLead(who, 'set the review channel');
        store.organizations.setReviewChannel(who.organizationId, channelId);
      });
    },
  };
}
