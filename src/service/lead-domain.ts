// Everything the lead features need from the service layer, built once over the store: roles, facilities,
// the review channel setting, the review of submissions and the status board across facilities. Adapters get this bundle; they never reach the store themselves.
import type { Flow } from '../flow/model.ts';
import type { Store } from '../store/store.ts';
import { createFacilities, type Facilities } from './facilities.ts';
import { createLifecycleService } from './lifecycle-service.ts';
import { createReview, type Review } from './review.ts';
import { createReviewChannel, type ReviewChannel } from './review-channel.ts';
import { createRoles, type Roles } from './roles.ts';
import { createStatusBoard, type StatusBoardService } from './status-board.ts';

export interface LeadDomain {
  roles: Roles;
  facilities: Facilities;
  reviewChannel: ReviewChannel;
  review: Review;
  statusBoard: StatusBoardService;
}

export interface LeadDomainOptions {
  store: Store;
  flows: Map<string, Flow>;
  clock?: () => Date;
  defaultTimeZone?: string | undefined;
  /** Runs inside each review decision's transaction (the scheduler's reminders follow 承認 and 差し戻し). */
  afterChange?: (organizationId: string, assessmentId: string) => void;
}

export function createLeadDomain(options: LeadDomainOptions): LeadDomain {
  const { store, flows } = options;
  const roles = createRoles({ store });
  return {
    roles,
    facilities: createFacilities({ store, roles, defaultTimeZone: options.defaultTimeZone }),
    reviewChannel: createReviewChannel({ store, roles }),
    review: createReview({
      store,
      roles,
      lifecycle: createLifecycleService({ store, ...(options.clock ? { clock: options.clock } : {}), ...(options.afterChange ? { afterChange: options.afterChange } : {}) }),
    }),
    statusBoard: createStatusBoard({ store, flows, roles, ...(options.clock ? { clock: options.clock } : {}) }),
  };
}
