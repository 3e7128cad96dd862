// "The organisation's latest submitted checklist": only submitted (or approved) assessments of that flow count,
// the most recent submission wins, and another organisation's are never seen.
import { describe, expect, it } from 'vitest';
import { manualClock } from './helpers/manual-clock.ts';
import { sampleFlowV1 } from './helpers/sample-flows.ts';
import { seedClinic } from './helpers/seed.ts';
import { openTempStore } from './helpers/temp-store.ts';

const HOUR = 3_600_000;

describe('assessments.latestSubmitted', () => {
  it('finds nothing while the only assessment is still in progress', () => {
    const store = openTempStore();
    const { organization } = seedClinic(store);
    expect(store.assessments.latestSubmitted(organization.id, 'sample-check')).toBeUndefined();
  });

  it('finds the most recent submission in the organization, approved ones included, and can keep to one facility', () => {
    const clock = manualClock();
    const store = openTempStore(undefined, { now: clock.now });
    const { organization, facility, respondent, assessment: first } = seedClinic(store);
    const branch = store.facilities.ensure(organization.id, '分院');
    const submit = (id: string, status: 'submitted' | 'approved' = 'submitted') => {
      clock.advance(HOUR);
      const current = store.assessments.get(organization.id, id);
      return store.assessments.saveEngineState(id, { expectedRevision: current.revision, snapshotJson: '{}', status });
    };
    const start = (facilityId: string) =>
      store.assessments.create({ organizationId: organization.id, facilityId, respondentId: respondent.id, flow: sampleFlowV1 });

    submit(first.id);
    const atBranch = start(branch.id);
    submit(atBranch.id);
    expect(store.assessments.latestSubmitted(organization.id, 'sample-check')?.id).toBe(atBranch.id);
    expect(store.assessments.latestSubmitted(organization.id, 'sample-check', facility.id)?.id).toBe(first.id);

    // Approval keeps it submitted; a newer one started but not submitted does not count.
    submit(first.id, 'approved');
    start(facility.id);
    expect(store.assessments.latestSubmitted(organization.id, 'sample-check')?.id).toBe(atBranch.id);
    expect(store.assessments.latestSubmitted(organization.id, 'other-flow')).toBeUndefined();
  });

  it('never returns another organization’s assessment', () => {
    const store = openTempStore();
    const a = seedClinic(store, 'T-A');
    const b = seedClinic(store, 'T-B');
    store.assessments.saveEngineState(a.assessment.id, { expectedRevision: 0, snapshotJson: '{}', status: 'submitted' });
    expect(store.assessments.latestSubmitted(b.organization.id, 'sample-check')).toBeUndefined();
    expect(store.assessments.latestSubmitted(a.organization.id, 'sample-check')?.id).toBe(a.assessment.id);
  });
});
