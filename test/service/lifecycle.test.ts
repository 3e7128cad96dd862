// The assessment after 提出, as a clinic and its compliance lead live it: approval, 差し戻し and revision,
// 再提出, and the follow-up of 実施予定 items, each recorded with who, when and through which channel.
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/flow/answer.ts';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { OutdatedInteractionError } from '../../src/service/errors.ts';
import type { Participant } from '../../src/service/interaction.ts';
import { IllegalTransitionError, transition } from '../../src/service/lifecycle.ts';
import type { ReviewRefusedError } from '../../src/service/lifecycle-errors.ts';
import { FollowUpRefusedError } from '../../src/service/lifecycle-errors.ts';
import { createLifecycleService } from '../../src/service/lifecycle-service.ts';
import { createWorkspaceDirectory } from '../../src/service/workspace-directory.ts';
import { createStore } from '../../src/store/store.ts';
import { runTerminal } from '../../src/terminal/start-terminal.ts';
import { readPdfText, squash } from '../report/helpers/pdf-text.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const flows = loadFlowsDir();
const checklist = flows.get('mhlw-minimum-5.2')!;
// 2027-02-10 08:00 in Tokyo is still 2027-02-09 in UTC: "today" is the facility's.
let now = new Date('2026-11-22T00:30:00Z');
const clock = () => now;

const gates: Record<string, Answer> = {
  'scope.wireless-lan': { kind: 'yesno', value: true },
  'scope.iot': { kind: 'yesno', value: false },
  'scope.outsourcing': { kind: 'yesno', value: false },
  'scope.byod': { kind: 'yesno', value: false },
};
function checklistAnswers(planned: Record<string, string>): Record<string, Answer> {
  const answers: Record<string, Answer> = { ...gates };
  for (const section of checklist.sections)
    for (const item of section.items)
      if (item.answer.type === 'status')
        answers[item.id] = planned[item.id] ? { kind: 'planned', date: planned[item.id]! } : { kind: 'done' };
  return answers;
}

function setUp(dir: string) {
  now = new Date('2026-11-22T00:30:00Z');
  const store = createStore(join(dir, 'k.sqlite'), { now: clock });
  const service = createAssessmentService({ store, flows, clock });
  const lifecycle = createLifecycleService({ store, clock });
  const directory = createWorkspaceDirectory({ store, channel: 'slack', clock });
  const org = store.organizations.ensureLocal();
  const facility = store.facilities.ensure(org.id, '横浜中央クリニック', 'Asia/Tokyo');
  const manager = store.people.ensureLocal(org.id, '山田花子');
  const lead = store.people.ensureLocal(org.id, '鈴木一郎');
  const respondent: Participant = { organizationId: org.id, personId: manager.id, channel: 'slack' };
  const reviewer: Participant = { organizationId: org.id, personId: lead.id, channel: 'slack' };
  const submitChecklist = (planned: Record<string, string> = { 'organizational.3': '2027-03-31', 'technical.5': '2027-06-30' }) => {
    const id = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: manager.id, flowId: checklist.id }).assessment.id;
    return submitThroughService(service, respondent, id, checklistAnswers(planned)).assessment;
  };
  return { store, service, lifecycle, directory, org, facility, manager, lead, respondent, reviewer, submitChecklist };
}

async function pdfText(s: ReturnType<typeof setUp>, assessmentId: string): Promise<string> {
  const pdf = await renderReport(s.directory.reportSource(s.org.id, assessmentId, 'ja'));
  return squash((await readPdfText(pdf)).flatMap((p) => p.pieces.map((x) => x.str)).join(''));
}

describe('the lifecycle rules (one module)', () => {
  it('allows 回答中 → 提出済 → 承認済 and 提出済 → 差し戻し → 回答中 → 再提出, and nothing else', () => {
    expect(transition('a', 'in_progress', 'submit')).toEqual({ to: 'submitted', kind: 'submit' });
    expect(transition('a', 'submitted', 'approve')).toEqual({ to: 'approved', kind: 'approve' });
    expect(transition('a', 'submitted', 'return')).toEqual({ to: 'returned', kind: 'return' });
    expect(transition('a', 'returned', 'work')).toEqual({ to: 'in_progress', kind: 'reopen' });
    expect(transition('a', 'in_progress', 'submit', true)).toEqual({ to: 'submitted', kind: 'resubmit' });
    expect(transition('a', 'paused', 'work')).toEqual({ to: 'in_progress', kind: 'resume' });
    expect(transition('a', 'approved', 'followUp')).toEqual({ to: 'approved', kind: undefined });
    for (const [from, action] of [
      ['in_progress', 'approve'],
      ['paused', 'submit'],
      ['approved', 'return'],
      ['approved', 'work'],
      ['submitted', 'work'],
      ['returned', 'approve'],
      ['in_progress', 'followUp'],
    ] as const)
      expect(() => transition('a', from, action)).toThrow(IllegalTransitionError);
  });

  it('an illegal transition says, in Japanese and English, what can be done instead', () => {
    const err = (() => {
      try {
        transition('as_1', 'approved', 'return');
      } catch (e) {
        return e as IllegalTransitionError;
      }
    })()!;
    expect(err.messageJa).toBe(
      'この評価は「承認済」のため、差し戻しはできません。承認済みです。実施予定の項目は「実施済」や新しい実施時期に更新できます。内容を変えるには新しい評価を始めてください。',
    );
    expect(err.message).toContain('Assessment as_1 is approved: returning is not possible.');
  });
});

describe('review: 承認 and 差し戻し', () => {
  const tempDir = useTempDir();

  it('a lead approves a submitted checklist; the history says who, when, how and why', () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    const approved = s.lifecycle.approve(s.reviewer, submitted.id, { expectedRevision: submitted.revision, comment: '確認しました。' });
    expect(approved).toMatchObject({ status: 'approved', revision: submitted.revision + 1, reviewedBy: s.lead.id, reviewComment: '確認しました。' });
    const history = s.lifecycle.history(s.org.id, submitted.id);
    expect(history.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['submit', 'in_progress', 'submitted'],
      ['approve', 'submitted', 'approved'],
    ]);
    expect(history[0]).toMatchObject({ personId: s.manager.id, channel: 'slack' });
    expect(history[1]).toMatchObject({ personId: s.lead.id, channel: 'slack', comment: '確認しました。', at: '2026-11-22T00:30:00.000Z' });
    s.store.close();
  });

  it('approving twice, or an assessment still being answered, is refused and changes nothing', () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    s.lifecycle.approve(s.reviewer, submitted.id);
    expect(() => s.lifecycle.approve(s.reviewer, submitted.id)).toThrow(IllegalTransitionError);
    const open = s.service.start({ organizationId: s.org.id, facilityId: s.facility.id, respondentId: s.manager.id, flowId: checklist.id });
    expect(() => s.lifecycle.approve(s.reviewer, open.assessment.id)).toThrow(/in progress: approving is not possible/);
    expect(() => s.lifecycle.returnForRevision(s.reviewer, open.assessment.id, { comment: 'x', flaggedItems: ['technical.1'] })).toThrow(
      IllegalTransitionError,
    );
    expect(s.lifecycle.history(s.org.id, submitted.id)).toHaveLength(2);
    s.store.close();
  });

  it('a double-clicked approval (an older revision) is refused', () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    s.lifecycle.approve(s.reviewer, submitted.id, { expectedRevision: submitted.revision });
    expect(() => s.lifecycle.approve(s.reviewer, submitted.id, { expectedRevision: submitted.revision })).toThrow(OutdatedInteractionError);
  });

  it('差し戻し needs a comment and at least one item of the flow', () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as ReviewRefusedError;
      }
      throw new Error('not refused');
    };
    expect(refusal(() => s.lifecycle.returnForRevision(s.reviewer, submitted.id, { comment: ' ', flaggedItems: ['technical.1'] })).text('ja')).toBe(
      '差し戻しには、直してほしい内容をコメントで入力してください。',
    );
    expect(refusal(() => s.lifecycle.returnForRevision(s.reviewer, submitted.id, { comment: '直して', flaggedItems: ['nope.1'] })).text('en')).toBe(
      'These items are not in this assessment: nope.1',
    );
    expect(s.store.assessments.get(s.org.id, submitted.id).status).toBe('submitted');
  });

  it('差し戻し with only a comment (no item flagged) reopens at the review, every answer kept', () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    const before = s.service.answers(s.org.id, submitted.id);
    s.lifecycle.returnForRevision(s.reviewer, submitted.id, { comment: '全体の実施時期をもう一度見直してください。', flaggedItems: [] });
    const opened = s.service.view(s.org.id, submitted.id);
    expect(opened.assessment).toMatchObject({ status: 'returned', reviewComment: '全体の実施時期をもう一度見直してください。' });
    expect(opened.flaggedItems).toEqual([]);
    expect(opened.prompt.kind).toBe('review');
    expect(s.service.answers(s.org.id, submitted.id)).toEqual(before);
    const resubmitted = s.service.interact(s.respondent, submitted.id, { type: 'SUBMIT' });
    expect(resubmitted.assessment.status).toBe('submitted');
    expect(s.lifecycle.history(s.org.id, submitted.id).map((e) => e.kind)).toEqual(['submit', 'return', 'resubmit']);
  });

  it('差し戻し → the respondent revises the flagged items first, every answer kept → 再提出 → 承認', () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    const before = s.service.answers(s.org.id, submitted.id);
    s.lifecycle.returnForRevision(s.reviewer, submitted.id, {
      comment: '技術的5と組織的3の実施時期を見直してください。',
      flaggedItems: ['technical.5', 'organizational.3'],
    });
    // The respondent opens it: the first flagged item (in the form's order) is asked, with its answer.
    const opened = s.service.view(s.org.id, submitted.id);
    expect(opened.assessment.status).toBe('returned');
    expect(opened.flaggedItems).toEqual(['organizational.3', 'technical.5']);
    expect(opened.prompt).toMatchObject({ kind: 'question', editing: true, item: { id: 'organizational.3' }, current: { kind: 'planned', date: '2027-03-31' } });
    expect(s.service.answers(s.org.id, submitted.id)).toEqual(before);

    const revised = s.service.interact(s.respondent, submitted.id, { type: 'ANSWER', itemId: 'organizational.3', answer: { kind: 'done' } });
    expect(revised.assessment.status).toBe('in_progress');
    expect(revised.prompt.kind).toBe('review');
    expect(revised.flaggedItems).toEqual(['organizational.3', 'technical.5']);
    s.service.interact(s.respondent, submitted.id, { type: 'EDIT', itemId: 'technical.5' });
    s.service.interact(s.respondent, submitted.id, { type: 'ANSWER', itemId: 'technical.5', answer: { kind: 'planned', date: '2027-01-31' } });
    now = new Date('2026-11-24T00:00:00Z');
    const resubmitted = s.service.interact(s.respondent, submitted.id, { type: 'SUBMIT' });
    expect(resubmitted.assessment).toMatchObject({ status: 'submitted', submittedAt: '2026-11-24T00:00:00.000Z' });
    expect(resubmitted.flaggedItems).toEqual([]);
    s.lifecycle.approve(s.reviewer, submitted.id);

    expect(s.lifecycle.history(s.org.id, submitted.id).map((e) => e.kind)).toEqual(['submit', 'return', 'reopen', 'resubmit', 'approve']);
    const ret = s.lifecycle.history(s.org.id, submitted.id)[1]!;
    expect(ret).toMatchObject({ personId: s.lead.id, comment: '技術的5と組織的3の実施時期を見直してください。', detail: { flaggedItems: ['organizational.3', 'technical.5'] } });
    const reopen = s.lifecycle.history(s.org.id, submitted.id)[2]!;
    expect(reopen).toMatchObject({ personId: s.manager.id, channel: 'slack', fromStatus: 'returned', toStatus: 'in_progress' });
    s.store.close();
  });

  it('at the terminal, a returned checklist says what the reviewer wants and asks the first flagged item', async () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    s.lifecycle.returnForRevision(s.reviewer, submitted.id, { comment: '実施時期を見直してください。', flaggedItems: ['technical.5', 'organizational.3'] });
    let out = '';
    const output = new Writable({ write: (chunk: Buffer, _e, done) => ((out += chunk.toString()), done()) });
    const directory = createWorkspaceDirectory({ store: s.store, channel: 'terminal', clock });
    const input = Readable.from(['横浜中央クリニック\n', '山田花子\n', '1\n', '1\n', 'p\n']);
    await runTerminal({ directory, service: s.service, locale: 'ja', input, output });
    expect(out).toContain('差し戻されました（コメント: 実施時期を見直してください。）。次の項目を直して、もう一度提出してください（回答はすべて残っています）:');
    expect(out.indexOf('組織的安全管理対策 3.')).toBeLessThan(out.indexOf('技術的安全管理対策 5.'));
    expect(s.service.answers(s.org.id, submitted.id)['organizational.3']).toEqual({ kind: 'done' });
    expect(s.store.assessments.get(s.org.id, submitted.id).status).toBe('paused');
    s.store.close();
  });

  it('a submitted assessment takes no more answers through the conversation', () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    const turn = s.service.interact(s.respondent, submitted.id, { type: 'REVISE', itemId: 'technical.1', answer: { kind: 'planned', date: '2027-01-01' } });
    expect(turn).toMatchObject({ accepted: false, prompt: { kind: 'submitted', error: { code: 'event.notAllowed' } } });
    expect(s.service.answers(s.org.id, submitted.id)['technical.1']).toEqual({ kind: 'done' });
  });
});

describe('follow-up of 実施予定 items after 提出', () => {
  const tempDir = useTempDir();

  it('an item becomes 実施済 on today (in Tokyo): status kept, revision bumped, answer history and event recorded', () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    now = new Date('2027-02-09T23:30:00Z'); // 2027-02-10 08:30 in Tokyo
    const done = s.lifecycle.markDone(s.respondent, submitted.id, 'organizational.3', { expectedRevision: submitted.revision });
    expect(done.answer).toEqual({ kind: 'done', on: '2027-02-10' });
    expect(done.assessment).toMatchObject({ status: 'submitted', revision: submitted.revision + 1, submittedAt: submitted.submittedAt });
    expect(done.event).toMatchObject({
      kind: 'followup.done',
      itemId: 'organizational.3',
      personId: s.manager.id,
      channel: 'slack',
      fromStatus: 'submitted',
      toStatus: 'submitted',
      detail: { plannedBefore: '2027-03-31', doneOn: '2027-02-10' },
    });
    const history = s.store.answers.history(submitted.id, 'organizational.3').at(-1)!;
    expect(history).toMatchObject({ oldAnswer: { kind: 'planned', date: '2027-03-31' }, newAnswer: { kind: 'done', on: '2027-02-10' }, channel: 'slack' });
    // Stale view: the same click again is refused.
    expect(() => s.lifecycle.markDone(s.respondent, submitted.id, 'organizational.3', { expectedRevision: submitted.revision })).toThrow(
      OutdatedInteractionError,
    );
  });

  it('an approved assessment keeps its status through a follow-up', () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    s.lifecycle.approve(s.reviewer, submitted.id);
    const r = s.lifecycle.reschedule(s.respondent, submitted.id, 'technical.5', { date: '2027-09-30', reason: '業者の納期' });
    expect(r.assessment.status).toBe('approved');
  });

  it('refuses what cannot be true, in the person’s language, and changes nothing', () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    const refused = (fn: () => unknown): FollowUpRefusedError => {
      try {
        fn();
      } catch (e) {
        if (e instanceof FollowUpRefusedError) return e;
        throw e;
      }
      throw new Error('not refused');
    };
    expect(refused(() => s.lifecycle.markDone(s.respondent, submitted.id, 'organizational.3', { doneOn: '2026-11-23' })).text('ja')).toBe(
      '実施した日に未来の日付（2026年11月23日）は指定できません。今日（2026年11月22日）以前の日付を指定してください。',
    );
    expect(refused(() => s.lifecycle.markDone(s.respondent, submitted.id, 'organizational.3', { doneOn: '2026-02-30' })).code).toBe('date.invalid');
    expect(refused(() => s.lifecycle.markDone(s.respondent, submitted.id, 'technical.1')).text('en')).toBe(
      '"technical.1" is not a planned item, so it cannot be marked done or rescheduled.',
    );
    expect(refused(() => s.lifecycle.reschedule(s.respondent, submitted.id, 'technical.5', { date: '2027-09-30', reason: ' ' })).code).toBe(
      'followUp.reasonRequired',
    );
    expect(
      refused(() => s.lifecycle.reschedule(s.respondent, submitted.id, 'technical.5', { date: '2027-09-30', reason: 'あ'.repeat(101) })).code,
    ).toBe('followUp.reasonTooLong');
    expect(refused(() => s.lifecycle.reschedule(s.respondent, submitted.id, 'technical.5', { date: '2026-11-01', reason: '遅れ' })).code).toBe('date.past');
    expect(refused(() => s.lifecycle.reschedule(s.respondent, submitted.id, 'technical.5', { date: '2030-01-01', reason: '遅れ' })).code).toBe('date.tooFar');
    expect(refused(() => s.lifecycle.reschedule(s.respondent, submitted.id, 'technical.5', { date: '2027-06-30', reason: '遅れ' })).code).toBe('followUp.sameDate');
    // Not submitted yet: the lifecycle refuses a follow-up.
    const open = s.service.start({ organizationId: s.org.id, facilityId: s.facility.id, respondentId: s.manager.id, flowId: checklist.id });
    expect(() => s.lifecycle.markDone(s.respondent, open.assessment.id, 'organizational.3')).toThrow(IllegalTransitionError);
    expect(s.store.assessments.get(s.org.id, submitted.id).revision).toBe(submitted.revision);
    expect(s.lifecycle.history(s.org.id, submitted.id).map((e) => e.kind)).toEqual(['submit']);
  });

  it('the report shows the current state and the plan’s story', async () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    now = new Date('2027-02-10T03:00:00Z');
    s.lifecycle.markDone(s.respondent, submitted.id, 'organizational.3');
    s.lifecycle.reschedule(s.respondent, submitted.id, 'technical.5', { date: '2027-09-30', reason: '業者の納期' });
    expect(s.lifecycle.planStories(s.org.id, submitted.id)).toEqual({
      'organizational.3': [
        { kind: 'planned', date: '2027-03-31' },
        { kind: 'done', date: '2027-02-10' },
      ],
      'technical.5': [
        { kind: 'planned', date: '2027-06-30' },
        { kind: 'rescheduled', date: '2027-09-30', reason: '業者の納期' },
      ],
    });
    const text = await pdfText(s, submitted.id);
    expect(text).toContain(squash('実施予定 2027年3月31日 → 実施済 2027年2月10日'));
    expect(text).toContain(squash('実施時期変更 2027年6月30日 → 2027年9月30日（理由: 業者の納期）'));
    // technical.5 is still 実施予定, now for 2027年9月30日.
    expect(text).toContain(squash('■ (2027年9月30日)'));
  });

  it('the agency form’s ガイドラインの遵守 follows the checklist’s current state', async () => {
    const s = setUp(tempDir());
    const submitted = s.submitChecklist();
    const agency = s.service.start({ organizationId: s.org.id, facilityId: s.facility.id, respondentId: s.manager.id, flowId: 'agency-disclosure' });
    const boxes = async () => {
      const text = await pdfText(s, agency.assessment.id);
      return text.includes(squash('■最低限のガイドラインを遵守済')) ? 'compliant' : text.includes(squash('■最低限のガイドラインを遵守していない')) ? 'not' : 'none';
    };
    expect(await boxes()).toBe('not');
    now = new Date('2027-02-10T03:00:00Z');
    s.lifecycle.markDone(s.respondent, submitted.id, 'organizational.3');
    expect(await boxes()).toBe('not');
    s.lifecycle.markDone(s.respondent, submitted.id, 'technical.5', { doneOn: '2027-02-01' });
    expect(await boxes()).toBe('compliant');
  });
});
