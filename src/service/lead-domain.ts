// Everything the lead features need from the service layer, built once over the store: roles, facilities
// and the review channel setting. Adapters get this bundle; they never reach the store themselves.
import type { Flow } from '../flow/model.ts';
import type { Store } from '../store/store.ts';
import { createFacilities, type Facilities } from './facilities.ts';
import { createReviewChannel, type ReviewChannel } from './review-channel.ts';
import { createRoles, type Roles } from './roles.ts';

export interface LeadDomain {
  roles: Roles;
  facilities: Facilities;
  reviewChannel: ReviewChannel;
}

export function createLeadDomain(options: { store: Store; flows: Map<string, Flow>; clock?: () => Date; defaultTimeZone?: string | undefined }): LeadDomain {
  const { store } = options;
  const roles = createRoles({ store });
  return {
    roles,
    facilities: createFacilities({ store, roles, defaultTimeZone: options.defaultTimeZone }),
    reviewChannel: createReviewChannel({ store, roles }),
  };
}
