// Upgrading a one-facility installation: its facility, assessments and people are carried over; everyone
// answers for the facility as before; nobody is a lead until the app seeds the workspace's owners/admins.
import { expect, test } from 'vitest';
import { loadFlowsDir } from '../../../src/flow/loader.ts';
import { createStore } from '../../../src/store/store.ts';
import { writePreLeadsDatabase } from '../helpers/pre-leads-database.ts';
import { tempDatabasePath } from '../helpers/temp-store.ts';

test('migration 0003 carries a one-facility database over: people become its managers, nobody is a lead yet', () => {
  const path = tempDatabasePath();
  const old = writePreLeadsDatabase(path, loadFlowsDir());
  const store = createStore(path);
  try {
    const org = store.organizations.ensureForSlackTeam(old.teamId);
    expect(org).toMatchObject({ leadsSeededAt: null, reviewChannelId: null });
    const [facility] = store.facilities.list(org.id);
    expect(facility).toMatchObject({ name: old.facilityName, archivedAt: null });
    const sato = store.people.findBySlackUser(org.id, old.respondentSlackId)!;
    expect(sato.role).toBe('manager');
    expect(store.facilityManagers.facilitiesOf(org.id, sato.id).map((f) => f.id)).toEqual([facility!.id]);
    expect(store.assessments.get(org.id, old.assessmentId)).toMatchObject({ facilityId: facility!.id, status: 'in_progress' });
    expect(store.people.withRole(org.id, 'lead')).toEqual([]);
  } finally {
    store.close();
  }
});
