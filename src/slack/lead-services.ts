// What the lead features add to the Slack context: the service layer's lead domain, plus the debounced
// App Home refresh that lives in the adapter.
import type { LeadDomain } from '../service/lead-domain.ts';
import type { HomeRefresh } from './home-refresh.ts';

export interface LeadServices extends LeadDomain {
  homeRefresh: HomeRefresh;
}
