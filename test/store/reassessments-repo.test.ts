// A re-assessment follows last cycle's submission; each carried answer it confirms is recorded with who,
// when, through which channel and how (the item's own 変更なし or its section's 「すべて変更なし」).
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { NotFoundError, ReassessmentLinkError } from '../../src/store/errors.ts';
import { initialSchema } from '../../src/store/migrations/0001-initial-schema.ts';
import { sampleFlowV1, sampleFlowV2 } from './helpers/sample-flows.ts';
import { manualClock } from './helpers/manual-clock.ts';
import { seedClinic } from './helpers/seed.ts';
import { openTempStore, tempDatabasePath } from './helpers/temp-store.ts';
import type { Store } from '../../src/store/store.ts';

function submit(store: Store, id: string) {
  const a = store.assessments.get(store.assessments.organizationOf(id)!, id);
  return store.assessments.saveEngineState(id, { expectedRevision: a.revision, snapshotJson: '{}', status: 'submitted' });
}

function clinicWithLastYear(store: Store) {
  const seeded = seedClinic(store);
  submit(store, seeded.assessment.id);
  const next = store.assessments.create({
    organizationId: seeded.organization.id,
    facilityId: seeded.facility.id,
    respondentId: seeded.respondent.id,
    flow: sampleFlowV2,
  });
  return { ...seeded, lastYear: seeded.assessment, next };
}

describe('re-assessments', () => {
  it('link an assessment to last cycle’s submission of the same checklist, also of another version', () => {
    const store = openTempStore(undefined, { now: manualClock('2027-12-01T00:00:00.000Z').now });
    const { organization, lastYear, next } = clinicWithLastYear(store);
    expect(store.reassessments.link(organization.id, next.id, lastYear.id, 'carried')).toEqual({
      assessmentId: next.id,
      previousAssessmentId: lastYear.id,
      startMode: 'carried',
      createdAt: '2027-12-01T00:00:00.000Z',
    });
    expect(store.reassessments.of(next.id)?.previousAssessmentId).toBe(lastYear.id);
    expect(store.reassessments.of(lastYear.id)).toBeUndefined();
  });

  it('refuse to follow an assessment that is not submitted, of another facility or another organization', () => {
    const store = openTempStore();
    const { organization, facility, respondent, lastYear, next } = clinicWithLastYear(store);
    const draft = store.assessments.create({ organizationId: organization.id, facilityId: facility.id, respondentId: respondent.id, flow: sampleFlowV1 });
    expect(() => store.reassessments.link(organization.id, next.id, draft.id, 'carried')).toThrow(ReassessmentLinkError);
    const branch = store.facilities.ensure(organization.id, '分院');
    const elsewhere = store.assessments.create({ organizationId: organization.id, facilityId: branch.id, respondentId: respondent.id, flow: sampleFlowV1 });
    submit(store, elsewhere.id);
    expect(() => store.reassessments.link(organization.id, next.id, elsewhere.id, 'carried')).toThrow(/another checklist or another facility/);
    const other = seedClinic(store, 'T-OTHER');
    submit(store, other.assessment.id);
    expect(() => store.reassessments.link(organization.id, next.id, other.assessment.id, 'carried')).toThrow(NotFoundError);
    expect(() => store.reassessments.link(organization.id, next.id, next.id, 'blank')).toThrow(ReassessmentLinkError);
    expect(store.reassessments.of(next.id)).toBeUndefined();
    store.reassessments.link(organization.id, next.id, lastYear.id, 'blank');
  });

  it('record each confirmation with who, when, channel and how; the record cannot be rewritten', () => {
    const clock = manualClock('2027-12-01T00:00:00.000Z');
    const store = openTempStore(undefined, { now: clock.now });
    const { organization, respondent, lastYear, next } = clinicWithLastYear(store);
    const who = { personId: respondent.id, channel: 'slack' } as const;
    expect(() => store.reassessments.recordConfirmations(next.id, ['officer'], who, { via: 'item' })).toThrow(NotFoundError);
    store.reassessments.link(organization.id, next.id, lastYear.id, 'carried');

    store.reassessments.recordConfirmations(next.id, ['officer'], who, { via: 'item' });
    clock.advance(60_000);
    store.reassessments.recordConfirmations(next.id, ['officer', 'devices'], who, { via: 'section', sectionId: 'structure' });

    expect(store.reassessments.confirmations(next.id, 'devices')).toEqual([
      { id: 3, assessmentId: next.id, itemId: 'devices', via: 'section', sectionId: 'structure', personId: respondent.id, channel: 'slack', at: '2027-12-01T00:01:00.000Z' },
    ]);
    expect(store.reassessments.confirmations(next.id).map((c) => [c.itemId, c.via])).toEqual([
      ['officer', 'item'],
      ['officer', 'section'],
      ['devices', 'section'],
    ]);
    expect(() => store.db.prepare('DELETE FROM item_confirmations').run()).toThrow(/append-only/);
    expect(() => store.db.prepare("UPDATE item_confirmations SET via = 'item'").run()).toThrow(/append-only/);
  });

  it('arrive by migration in a database made before re-assessments existed, keeping what was there', () => {
    const path = tempDatabasePath();
    const old = openDatabase(path, { migrations: [initialSchema] });
    old.close();
    const store = openTempStore(path);
    const { organization, lastYear, next } = clinicWithLastYear(store);
    store.reassessments.link(organization.id, next.id, lastYear.id, 'carried');
    expect(store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toContain(7);
  });
});
