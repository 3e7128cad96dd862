import { describe, expect, it } from 'vitest';
import { sampleFlowV1 } from './helpers/sample-flows.ts';
import { seedClinic } from './helpers/seed.ts';
import { openTempStore, tempDatabasePath } from './helpers/temp-store.ts';

describe('createStore', () => {
  it('reads everything back after the app restarts on the same file', () => {
    const path = tempDatabasePath();
    const first = openTempStore(path);
    const { organization, facility, respondent, assessment } = seedClinic(first);
    first.answers.apply(assessment.id, [{ itemId: 'officer', answer: { kind: 'done' } }], {
      personId: respondent.id,
      channel: 'slack',
    });
    const saved = first.assessments.saveEngineState(assessment.id, {
      expectedRevision: 0,
      snapshotJson: JSON.stringify({ v: 1, state: 'asking', item: 'devices' }),
      status: 'paused',
    });
    first.events.markProcessed('slack-event', 'Ev1');
    const history = first.answers.history(assessment.id);
    first.close();

    const second = openTempStore(path);
    expect(second.organizations.ensureForSlackTeam('T-CLINIC-A')).toEqual(organization);
    expect(second.facilities.list(organization.id)).toEqual([facility]);
    expect(second.people.get(organization.id, respondent.id)).toEqual(respondent);
    expect(second.assessments.get(organization.id, assessment.id)).toEqual(saved);
    expect(second.flowVersions.get(saved.flowId, saved.flowHash)).toEqual(sampleFlowV1);
    expect(second.answers.current(assessment.id)).toEqual({ officer: { kind: 'done' } });
    expect(second.answers.history(assessment.id)).toEqual(history);
    expect(second.events.markProcessed('slack-event', 'Ev1')).toBe(false);
  });

  it('runs restore → send → persist as one transaction: a failure keeps nothing', () => {
    const store = openTempStore();
    const { organization, respondent, assessment } = seedClinic(store);

    expect(() =>
      store.transaction(() => {
        store.events.markProcessed('slack-interaction', 'click-1');
        store.answers.apply(assessment.id, [{ itemId: 'officer', answer: { kind: 'done' } }], {
          personId: respondent.id,
          channel: 'slack',
        });
        store.assessments.saveEngineState(assessment.id, { expectedRevision: 0, snapshotJson: '{}', status: 'in_progress' });
        throw new Error('Slack API call failed');
      }),
    ).toThrow('Slack API call failed');

    expect(store.answers.current(assessment.id)).toEqual({});
    expect(store.answers.history(assessment.id)).toEqual([]);
    expect(store.assessments.get(organization.id, assessment.id).revision).toBe(0);
    expect(store.events.markProcessed('slack-interaction', 'click-1')).toBe(true);
  });

  it('returns what the transaction function returns', () => {
    const store = openTempStore();
    expect(store.transaction(() => store.organizations.ensureLocal().id)).toBe('local');
  });
});
