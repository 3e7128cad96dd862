// The review rules in the service, whichever adapter calls them: only leads decide, one decision per
// round, a lead approves their own submission only as the only lead, a 差し戻し names items of the flow,
// and the next round knows what changed.
import { expect, test } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { AlreadyDecidedError, NotALeadError, OwnSubmissionError } from '../../src/service/errors.ts';
import type { Participant } from '../../src/service/interaction.ts';
import { ReviewRefusedError } from '../../src/service/lifecycle-errors.ts';
import { createLeadDomain } from '../../src/service/lead-domain.ts';
import { changesSince } from '../../src/service/review.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import { openTempStore } from '../store/helpers/temp-store.ts';

const flows = loadFlowsDir();
const checklist = flows.get('mhlw-minimum-5.2')!;

function setUp() {
  const store = openTempStore();
  const service = createAssessmentService({ store, flows });
  const leads = createLeadDomain({ store, flows });
  const org = store.organizations.ensureForSlackTeam('T1', 'さくら会');
  const facility = store.facilities.ensure(org.id, '本院');
  const person = (id: string, role: 'lead' | 'manager') => store.people.setRole(org.id, store.people.ensureForSlackUser(org.id, id).id, role);
  const as = (p: { id: string }): Participant => ({ organizationId: org.id, personId: p.id, channel: 'cli' });
  const [lead, other, manager] = [person('U1', 'lead'), person('U2', 'lead'), person('U3', 'manager')];
  const submit = (by: { id: string }) => {
    const id = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: by.id, flowId: checklist.id }).assessment.id;
    submitThroughService(service, as(by), id, mixedAnswers(checklist));
    return id;
  };
  return { store, service, leads, lead, other, manager, as, submit };
}

test('only leads decide; one decision per round; a click on an older round is late', () => {
  const s = setUp();
  const id = s.submit(s.manager);
  expect(() => s.leads.review.approve(s.as(s.manager), id)).toThrow(NotALeadError);
  expect(() => s.leads.review.returnForRevision(s.as(s.lead), id, { comment: '直してください', flags: [{ itemId: 'nope.1', comment: '' }] })).toThrow(ReviewRefusedError);
  expect(() => s.leads.review.returnForRevision(s.as(s.lead), id, { comment: '  ', flags: [{ itemId: 'technical.15', comment: '' }] })).toThrow(ReviewRefusedError);
  expect(s.store.reviews.history(id)).toEqual([]);

  s.leads.review.returnForRevision(s.as(s.lead), id, { round: 1, comment: '直してください', flags: [{ itemId: 'technical.15', comment: '導入済みでは？' }] });
  expect(() => s.leads.review.approve(s.as(s.other), id, { round: 1 })).toThrow(AlreadyDecidedError);
  expect(s.store.reviews.history(id).map((d) => d.decision)).toEqual(['returned']);
});

test('own submissions: refused while another lead can approve, recorded as such when the only lead', () => {
  const s = setUp();
  const id = s.submit(s.lead);
  expect(() => s.leads.review.approve(s.as(s.lead), id)).toThrow(OwnSubmissionError);
  s.store.people.setRole(s.other.organizationId, s.other.id, 'manager');
  expect(s.leads.review.approve(s.as(s.lead), id)).toMatchObject({ decision: 'approved', ownSubmission: true, round: 1 });
});

test('the next round lists what changed since the 差し戻し, before → after, in flow order', () => {
  const before = mixedAnswers(checklist);
  const after = { ...before, 'technical.15': { kind: 'done' as const }, 'physical.5': { kind: 'done' as const } };
  expect(changesSince(checklist, before, after).map((c) => [c.itemId, c.before, c.after])).toEqual([
    ['physical.5', { kind: 'planned', date: '2027-03-31' }, { kind: 'done' }],
    ['technical.15', { kind: 'planned', date: '2027-03-31' }, { kind: 'done' }],
  ]);
  expect(changesSince(checklist, before, before)).toEqual([]);
});
