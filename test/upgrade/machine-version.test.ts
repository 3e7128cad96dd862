// An upgrade that changes the engine's machine while an assessment is open: the new build reads the position
// the old one stored and the person continues at the same question, every answer intact.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as PositionModule from '../../src/engine/position.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const clock = () => new Date('2026-11-22T00:30:00Z');

async function build() {
  const { loadFlowsDir } = await import('../../src/flow/loader.ts');
  const { createAssessmentService } = await import('../../src/service/assessment-service.ts');
  const { createStore } = await import('../../src/store/store.ts');
  const { MACHINE_VERSION } = await import('../../src/engine/position.ts');
  return { loadFlowsDir, createAssessmentService, createStore, MACHINE_VERSION };
}

function open(b: Awaited<ReturnType<typeof build>>, file: string) {
  const store = b.createStore(file, { now: clock });
  const service = b.createAssessmentService({ store, flows: b.loadFlowsDir(), clock });
  const org = store.organizations.ensureLocal();
  const facility = store.facilities.ensure(org.id, '本院');
  const person = store.people.ensureLocal(org.id, '山田');
  return { store, service, org, facility, who: { organizationId: org.id, personId: person.id, channel: 'terminal' as const } };
}

describe('a new machine version in the same process', () => {
  const tempDir = useTempDir();

  it('resumes an assessment paused by the previous machine at the same question', async () => {
    const file = join(tempDir(), 'k.sqlite');
    const old = await build();
    const a = open(old, file);
    const id = a.service.start({ organizationId: a.org.id, facilityId: a.facility.id, respondentId: a.who.personId, flowId: 'mhlw-minimum-5.2' }).assessment.id;
    a.service.interact(a.who, id, { type: 'START' });
    for (const gate of ['scope.wireless-lan', 'scope.iot', 'scope.outsourcing', 'scope.byod'])
      a.service.interact(a.who, id, { type: 'ANSWER', itemId: gate, answer: { kind: 'yesno', value: gate === 'scope.wireless-lan' } });
    a.service.interact(a.who, id, { type: 'ANSWER', itemId: 'organizational.1', answer: { kind: 'done' } });
    a.service.interact(a.who, id, { type: 'PAUSE' });
    const answersBefore = a.service.answers(a.org.id, id);
    a.store.close();

    // The upgrade: the same code with the next machine version, loaded afresh.
    vi.resetModules();
    vi.doMock('../../src/engine/position.ts', async (importOriginal) => ({
      ...(await importOriginal<typeof PositionModule>()),
      MACHINE_VERSION: old.MACHINE_VERSION + 1,
    }));
    const next = await build();
    expect(next.MACHINE_VERSION).toBe(old.MACHINE_VERSION + 1);
    const b = open(next, file);
    const resumed = b.service.interact(b.who, id, { type: 'RESUME' });
    expect(resumed.accepted).toBe(true);
    expect(resumed.prompt).toMatchObject({ kind: 'question', item: { id: 'organizational.2' } });
    const answered = b.service.interact(b.who, id, { type: 'ANSWER', itemId: 'organizational.2', answer: { kind: 'planned', date: '2027-03-31' } });
    expect(answered.prompt).toMatchObject({ kind: 'question', item: { id: 'organizational.3' } });
    expect(b.service.answers(b.org.id, id)).toEqual({ ...answersBefore, 'organizational.2': { kind: 'planned', date: '2027-03-31' } });
    expect(JSON.parse(b.store.assessments.get(b.org.id, id).snapshotJson!)).toMatchObject({ machineVersion: old.MACHINE_VERSION + 1 });
    b.store.close();
    vi.doUnmock('../../src/engine/position.ts');
  });

  it('a stored state it cannot read at all (another envelope, a mode it never had) continues from the answers', async () => {
    const file = join(tempDir(), 'k.sqlite');
    const b = await build();
    const s = open(b, file);
    const id = s.service.start({ organizationId: s.org.id, facilityId: s.facility.id, respondentId: s.who.personId, flowId: 'online-qualification-measures' }).assessment.id;
    s.service.interact(s.who, id, { type: 'START' });
    s.service.interact(s.who, id, { type: 'ANSWER', itemId: 'scope.wireless-lan', answer: { kind: 'yesno', value: true } });
    s.service.interact(s.who, id, { type: 'ANSWER', itemId: 'measures.1', answer: { kind: 'done' } });
    for (const stored of [
      JSON.stringify({ envelope: 7, whatever: true }),
      JSON.stringify({ machineVersion: 42, mode: 'askingTwice', itemId: 'measures.2', resumeTo: 'somewhere' }),
    ]) {
      s.store.db.prepare('UPDATE assessments SET engine_snapshot_json = ? WHERE id = ?').run(stored, id);
      expect(s.service.view(s.org.id, id).prompt).toMatchObject({ kind: 'question', item: { id: 'measures.2' } });
    }
    s.store.close();
  });
});
