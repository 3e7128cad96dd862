// A clinic (Slack team) with one facility, one respondent and one assessment of the sample flow.
import type { Store } from '../../../src/store/store.ts';
import { sampleFlowV1 } from './sample-flows.ts';

export function seedClinic(store: Store, teamId = 'T-CLINIC-A') {
  const organization = store.organizations.ensureForSlackTeam(teamId, `クリニック ${teamId}`);
  const facility = store.facilities.ensure(organization.id, '本院');
  const respondent = store.people.ensureForSlackUser(organization.id, `U-${teamId}`, '佐藤');
  const assessment = store.assessments.create({
    organizationId: organization.id,
    facilityId: facility.id,
    respondentId: respondent.id,
    flow: sampleFlowV1,
  });
  return { organization, facility, respondent, assessment };
}
