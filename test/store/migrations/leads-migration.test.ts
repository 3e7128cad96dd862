// Upgrading a one-facility installation: its facility, assessments and people are carried over; everyone
// answers for the facility as before; nobody is a lead until the app seeds the workspace's owners/admins.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { reportSource } from '../../../src/service/report-source.ts';
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

test('the release-0.1.0 database (written by the terminal) keeps its people answering for their facility, and its submitted checklist is 未承認', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-fixture-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'kakunin.sqlite');
  copyFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'db', 'release-0.1.0.sqlite'), file);
  const expected = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'db', 'release-0.1.0.json'), 'utf8')) as {
    paused: { assessmentId: string; respondent: string };
    submitted: { assessmentId: string };
  };
  const store = createStore(file);
  try {
    const org = store.organizations.ensureLocal();
    const sato = store.people.findLocal(org.id, expected.paused.respondent)!;
    expect(sato.role).toBe('manager');
    const paused = store.assessments.get(org.id, expected.paused.assessmentId);
    expect(store.facilityManagers.facilitiesOf(org.id, sato.id).map((f) => f.id)).toContain(paused.facilityId);
    expect(reportSource(store, org.id, expected.submitted.assessmentId).approval).toBeNull();
  } finally {
    store.close();
  }
});
