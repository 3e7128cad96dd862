import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { NotRespondentError, OutdatedInteractionError } from '../../src/service/errors.ts';
import type { Participant } from '../../src/service/interaction.ts';
import { createStore } from '../../src/store/store.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const flows = loadFlowsDir();
// 2026-11-22 09:00 in Tokyo is still 2026-11-22 00:00 UTC: "today" must be taken in the facility's zone.
const clock = () => new Date('2026-11-22T00:30:00Z');

function open(dbFile: string) {
  const store = createStore(dbFile, { now: clock });
  const service = createAssessmentService({ store, flows, clock });
  const org = store.organizations.ensureLocal();
  const facility = store.facilities.ensure(org.id, '本院');
  const manager = store.people.ensureLocal(org.id, '山田');
  const who: Participant = { organizationId: org.id, personId: manager.id, channel: 'terminal' };
  return { store, service, org, facility, manager, who };
}

describe('assessment service on a real SQLite file', () => {
  const tempDir = useTempDir();

  it('a killed process resumes at exactly the same question, with every answer', () => {
    const file = join(tempDir(), 'kakunin.sqlite');
    const a = open(file);
    const started = a.service.start({ organizationId: a.org.id, facilityId: a.facility.id, respondentId: a.manager.id, flowId: 'mhlw-minimum-5.2' });
    const id = started.assessment.id;
    a.service.interact(a.who, id, { type: 'START' });
    for (const gate of ['scope.wireless-lan', 'scope.iot', 'scope.outsourcing', 'scope.byod'])
      a.service.interact(a.who, id, { type: 'ANSWER', itemId: gate, answer: { kind: 'yesno', value: false } });
    a.service.interact(a.who, id, { type: 'ANSWER', itemId: 'organizational.1', answer: { kind: 'done' } });
    const before = a.service.view(a.org.id, id);
    a.store.close(); // the process dies here

    const b = open(file);
    const after = b.service.view(b.org.id, id);
    expect(after.prompt).toEqual(before.prompt);
    expect(after.prompt).toMatchObject({ kind: 'question', item: { id: 'organizational.2' } });
    const answers = b.service.answers(b.org.id, id);
    expect(answers['organizational.1']).toEqual({ kind: 'done' });
    expect(answers['technical.18']).toMatchObject({ kind: 'na', auto: true });
    b.store.close();
  });

  it('a changed answer is recorded in the history: who, through which channel, old → new', () => {
    const s = open(join(tempDir(), 'k.sqlite'));
    const id = s.service.start({ organizationId: s.org.id, facilityId: s.facility.id, respondentId: s.manager.id, flowId: 'online-qualification-measures' }).assessment.id;
    s.service.interact(s.who, id, { type: 'START' });
    s.service.interact(s.who, id, { type: 'ANSWER', itemId: 'scope.wireless-lan', answer: { kind: 'yesno', value: true } });
    s.service.interact(s.who, id, { type: 'ANSWER', itemId: 'measures.1', answer: { kind: 'planned', date: '2027-03-31' } });
    s.service.interact(s.who, id, { type: 'BACK' });
    s.service.interact(s.who, id, { type: 'ANSWER', itemId: 'measures.1', answer: { kind: 'done' } });
    const history = s.store.answers.history(id, 'measures.1');
    expect(history.map((h) => [h.oldAnswer, h.newAnswer, h.personId, h.channel])).toEqual([
      [undefined, { kind: 'planned', date: '2027-03-31' }, s.manager.id, 'terminal'],
      [{ kind: 'planned', date: '2027-03-31' }, { kind: 'done' }, s.manager.id, 'terminal'],
    ]);
    // Skip logic's own changes are the system's, not the manager's.
    s.service.interact(s.who, id, { type: 'REVISE', itemId: 'scope.wireless-lan', answer: { kind: 'yesno', value: false } });
    expect(s.store.answers.history(id, 'measures.7').at(-1)).toMatchObject({ personId: null, channel: 'system', newAnswer: { kind: 'na' } });
    s.store.close();
  });

  it('a past 実施時期 is refused and nothing is stored, not even a revision', () => {
    const s = open(join(tempDir(), 'k.sqlite'));
    const id = s.service.start({ organizationId: s.org.id, facilityId: s.facility.id, respondentId: s.manager.id, flowId: 'online-qualification-measures' }).assessment.id;
    s.service.interact(s.who, id, { type: 'START' });
    const ready = s.service.interact(s.who, id, { type: 'ANSWER', itemId: 'scope.wireless-lan', answer: { kind: 'yesno', value: true } });
    const refused = s.service.interact(s.who, id, { type: 'ANSWER', itemId: 'measures.1', answer: { kind: 'planned', date: '2026-11-21' } });
    expect(refused).toMatchObject({ accepted: false, prompt: { error: { code: 'date.past', params: { today: '2026-11-22' } } } });
    expect(refused.assessment.revision).toBe(ready.assessment.revision);
    expect(s.store.answers.current(id)['measures.1']).toBeUndefined();
    s.store.close();
  });

  it('only the respondent may answer, and a double click on an old view changes nothing', () => {
    const s = open(join(tempDir(), 'k.sqlite'));
    const id = s.service.start({ organizationId: s.org.id, facilityId: s.facility.id, respondentId: s.manager.id, flowId: 'online-qualification-measures' }).assessment.id;
    const stranger = s.store.people.ensureLocal(s.org.id, '他人');
    expect(() => s.service.interact({ ...s.who, personId: stranger.id }, id, { type: 'START' })).toThrow(NotRespondentError);
    const first = s.service.interact(s.who, id, { type: 'START' }, { expectedRevision: 0 });
    expect(first.assessment.revision).toBe(1);
    expect(() => s.service.interact(s.who, id, { type: 'START' }, { expectedRevision: 0 })).toThrow(OutdatedInteractionError);
    expect(s.service.view(s.org.id, id).assessment.revision).toBe(1);
    s.store.close();
  });

  it('an assessment keeps the flow version it began with after the YAML changes', () => {
    const s = open(join(tempDir(), 'k.sqlite'));
    const id = s.service.start({ organizationId: s.org.id, facilityId: s.facility.id, respondentId: s.manager.id, flowId: 'online-qualification-measures' }).assessment.id;
    const original = flows.get('online-qualification-measures')!;
    const changed = { ...original, version: '2', title: { ja: '改訂版' }, hash: 'changed' };
    const service2 = createAssessmentService({ store: s.store, flows: new Map([[changed.id, changed]]), clock });
    const view = service2.view(s.org.id, id);
    expect(view.flow.hash).toBe(original.hash);
    expect(view.prompt).toMatchObject({ kind: 'intro', flowTitle: original.title });
    s.store.close();
  });
});
