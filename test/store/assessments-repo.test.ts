import { describe, expect, it } from 'vitest';
import { NotFoundError, StaleRevisionError } from '../../src/store/errors.ts';
import { manualClock } from './helpers/manual-clock.ts';
import { sampleFlowV1, sampleFlowV2 } from './helpers/sample-flows.ts';
import { seedClinic } from './helpers/seed.ts';
import { openTempStore } from './helpers/temp-store.ts';

const snapshot = (step: number) => JSON.stringify({ v: 1, step });

describe('assessments', () => {
  it('starts in progress at revision 0, with the flow version it was started with', () => {
    const store = openTempStore(undefined, { now: manualClock('2026-04-01T09:00:00.000Z').now });
    const { organization, facility, respondent, assessment } = seedClinic(store);

    expect(assessment).toMatchObject({
      organizationId: organization.id,
      facilityId: facility.id,
      respondentId: respondent.id,
      flowId: 'sample-check',
      flowHash: sampleFlowV1.hash,
      status: 'in_progress',
      revision: 0,
      snapshotJson: null,
      createdAt: '2026-04-01T09:00:00.000Z',
      submittedAt: null,
    });
    expect(assessment.id).toMatch(/^as_/);
  });

  it('keeps asking the original questions after the flow file is edited', () => {
    const store = openTempStore();
    const { assessment } = seedClinic(store);
    store.flowVersions.save(sampleFlowV2);

    const reloaded = store.assessments.get(assessment.organizationId, assessment.id);
    const flow = store.flowVersions.get(reloaded.flowId, reloaded.flowHash);
    expect(flow).toEqual(sampleFlowV1);
    expect(flow.sections[0]!.items[0]!.text.ja).toBe('医療情報システム安全管理責任者を設置している');
  });

  it('saves engine state only on top of the revision it was restored from', () => {
    const store = openTempStore();
    const { organization, assessment } = seedClinic(store);

    const saved = store.assessments.saveEngineState(assessment.id, {
      expectedRevision: 0,
      snapshotJson: snapshot(1),
      status: 'in_progress',
    });
    expect(saved).toMatchObject({ revision: 1, snapshotJson: snapshot(1) });

    // A second Slack click that restored revision 0 too arrives late: it must not overwrite step 1.
    expect(() =>
      store.assessments.saveEngineState(assessment.id, { expectedRevision: 0, snapshotJson: snapshot(9), status: 'paused' }),
    ).toThrow(StaleRevisionError);
    expect(store.assessments.get(organization.id, assessment.id)).toMatchObject({ revision: 1, snapshotJson: snapshot(1) });
  });

  it('stamps the submission once and records who reviewed it', () => {
    const clock = manualClock('2026-04-01T09:00:00.000Z');
    const store = openTempStore(undefined, { now: clock.now });
    const { organization, assessment } = seedClinic(store);
    const manager = store.people.ensureForSlackUser(organization.id, 'U-MANAGER', '院長', { role: 'manager' });

    clock.advance(60_000);
    const submitted = store.assessments.saveEngineState(assessment.id, {
      expectedRevision: 0,
      snapshotJson: snapshot(2),
      status: 'submitted',
    });
    expect(submitted.submittedAt).toBe('2026-04-01T09:01:00.000Z');

    clock.advance(60_000);
    const returned = store.assessments.saveEngineState(assessment.id, {
      expectedRevision: 1,
      snapshotJson: snapshot(3),
      status: 'returned',
      review: { reviewerId: manager.id, comment: '項目3の予定日を入れてください' },
    });
    expect(returned).toMatchObject({
      status: 'returned',
      submittedAt: '2026-04-01T09:01:00.000Z',
      reviewedBy: manager.id,
      reviewedAt: '2026-04-01T09:02:00.000Z',
      reviewComment: '項目3の予定日を入れてください',
    });
  });

  it('never shows one team the assessments of another', () => {
    const store = openTempStore();
    const clinicA = seedClinic(store, 'T-A');
    const clinicB = seedClinic(store, 'T-B');

    expect(() => store.assessments.get(clinicA.organization.id, clinicB.assessment.id)).toThrow(NotFoundError);
    expect(store.assessments.listForPerson(clinicA.organization.id, clinicB.respondent.id)).toEqual([]);
    expect(store.assessments.listForFacility(clinicA.organization.id, clinicB.facility.id)).toEqual([]);
  });

  it('refuses to start an assessment for a facility or respondent of another team', () => {
    const store = openTempStore();
    const clinicA = seedClinic(store, 'T-A');
    const clinicB = seedClinic(store, 'T-B');
    const start = (facilityId: string, respondentId: string) =>
      store.assessments.create({ organizationId: clinicA.organization.id, facilityId, respondentId, flow: sampleFlowV1 });

    expect(() => start(clinicB.facility.id, clinicA.respondent.id)).toThrow(/No facility/);
    expect(() => start(clinicA.facility.id, clinicB.respondent.id)).toThrow(/No person/);
  });

  it('lists what a respondent still has to work on, per person and per facility', () => {
    const clock = manualClock();
    const store = openTempStore(undefined, { now: clock.now });
    const { organization, facility, respondent, assessment: first } = seedClinic(store);
    const branch = store.facilities.ensure(organization.id, '分院');
    clock.advance(1_000);
    const second = store.assessments.create({
      organizationId: organization.id,
      facilityId: branch.id,
      respondentId: respondent.id,
      flow: sampleFlowV2,
    });
    store.assessments.saveEngineState(first.id, { expectedRevision: 0, snapshotJson: snapshot(1), status: 'paused' });
    clock.advance(1_000);
    store.assessments.saveEngineState(second.id, { expectedRevision: 0, snapshotJson: snapshot(1), status: 'submitted' });

    expect(store.assessments.listInProgress(organization.id, respondent.id).map((a) => a.id)).toEqual([first.id]);
    expect(store.assessments.listForPerson(organization.id, respondent.id).map((a) => a.id)).toEqual([second.id, first.id]);
    expect(store.assessments.listForFacility(organization.id, facility.id).map((a) => a.id)).toEqual([first.id]);
  });
});
