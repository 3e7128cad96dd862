// What the lists and lookups of App Home and /kakunin rely on after migration 0005: the person's latest
// submission comes from SQL, lists carry no engine state, every list query is answered along an index in
// its own order, and a flow version is read and validated once.
import { describe, expect, it } from 'vitest';
import { manualClock } from './helpers/manual-clock.ts';
import { sampleFlowV1 } from './helpers/sample-flows.ts';
import { seedClinic } from './helpers/seed.ts';
import { openTempStore } from './helpers/temp-store.ts';

const HOUR = 3_600_000;

describe('lists and lookups', () => {
  it("finds the person's latest submission whatever became of it since, and none of a colleague's", () => {
    const clock = manualClock();
    const store = openTempStore(undefined, { now: clock.now });
    const { organization, facility, respondent, assessment: first } = seedClinic(store);
    const colleague = store.people.ensureLocal(organization.id, '鈴木');
    const start = (respondentId: string) =>
      store.assessments.create({ organizationId: organization.id, facilityId: facility.id, respondentId, flow: sampleFlowV1 });
    const save = (id: string, status: 'submitted' | 'returned') => {
      clock.advance(HOUR);
      const current = store.assessments.get(organization.id, id);
      store.assessments.saveEngineState(id, { expectedRevision: current.revision, snapshotJson: '{}', status });
    };

    expect(store.assessments.latestSubmittedBy(organization.id, respondent.id)).toBeUndefined();
    save(first.id, 'submitted');
    const second = start(respondent.id);
    save(second.id, 'submitted');
    save(second.id, 'returned'); // sent back: still the latest submission
    start(respondent.id); // newer, not submitted
    save(start(colleague.id).id, 'submitted'); // someone else's, newest of all

    const latest = store.assessments.latestSubmittedBy(organization.id, respondent.id);
    expect(latest?.id).toBe(second.id);
    expect(latest?.status).toBe('returned');
  });

  it('lists carry no engine state', () => {
    const store = openTempStore();
    const { organization, respondent, facility } = seedClinic(store);
    for (const list of [
      store.assessments.listForPerson(organization.id, respondent.id),
      store.assessments.listInProgress(organization.id, respondent.id),
      store.assessments.listForFacility(organization.id, facility.id),
    ]) {
      expect(list).toHaveLength(1);
      expect(list[0]).not.toHaveProperty('snapshotJson');
    }
  });

  it('answers each list and latest-submitted query along an index, without a sort step', () => {
    const store = openTempStore();
    const queries = [
      `SELECT id FROM assessments WHERE organization_id = 'o' AND respondent_id = 'p' ORDER BY updated_at DESC, id`,
      `SELECT id FROM assessments WHERE organization_id = 'o' AND respondent_id = 'p' AND status IN ('in_progress', 'paused', 'returned') ORDER BY updated_at DESC, id`,
      `SELECT id FROM assessments WHERE organization_id = 'o' AND facility_id = 'f' ORDER BY updated_at DESC, id`,
      `SELECT id FROM assessments WHERE organization_id = 'o' AND flow_id = 'x' AND status IN ('submitted', 'approved') AND submitted_at IS NOT NULL ORDER BY submitted_at DESC, id DESC LIMIT 1`,
      `SELECT id FROM assessments WHERE organization_id = 'o' AND flow_id = 'x' AND facility_id = 'f' AND status IN ('submitted', 'approved') AND submitted_at IS NOT NULL ORDER BY submitted_at DESC, id DESC LIMIT 1`,
      `SELECT id FROM assessments WHERE organization_id = 'o' AND respondent_id = 'p' AND submitted_at IS NOT NULL ORDER BY submitted_at DESC, id DESC LIMIT 1`,
    ];
    for (const sql of queries) {
      const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan, sql).toMatch(/^SEARCH assessments USING (COVERING )?INDEX/);
      expect(plan, sql).not.toContain('TEMP B-TREE');
    }
  });

  it('reads and validates a flow version once, then hands out the same definition', () => {
    const store = openTempStore();
    seedClinic(store);
    const a = store.flowVersions.get(sampleFlowV1.id, sampleFlowV1.hash);
    expect(store.flowVersions.get(sampleFlowV1.id, sampleFlowV1.hash)).toBe(a);
    expect(a).toEqual(sampleFlowV1);
  });
});
