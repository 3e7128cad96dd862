// A clinic re-assesses a year after its first submission, starting from last year's answers: each one is
// confirmed (変更なし, or a section at once after its list was shown), the past 実施予定 are asked again,
// and 提出 waits until nothing is left unconfirmed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { findItem } from '../../src/flow/model.ts';
import { createAssessmentService, type Turn } from '../../src/service/assessment-service.ts';
import { NoPreviousCycleError, NotCarriedOverError, OutdatedInteractionError } from '../../src/service/errors.ts';
import type { Participant } from '../../src/service/interaction.ts';
import ExcelJS from 'exceljs';
import { renderStatusXlsx } from '../../src/report/status-xlsx.ts';
import { createLeadDomain } from '../../src/service/lead-domain.ts';
import { createReassessmentService } from '../../src/service/reassessment-service.ts';
import { reviewRequestMessage } from '../../src/slack/views/review-request.ts';
import { reportSource } from '../../src/service/report-source.ts';
import { createStore } from '../../src/store/store.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import {
  BULK_SECTIONS,
  CONFIRMED_ONE_BY_ONE,
  FIRST_SUBMISSION,
  ONE_YEAR_LATER,
  THIS_YEAR_CHANGES,
  lastYearAnswers,
} from '../helpers/reassessment-story.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const flows = loadFlowsDir();
const flow = flows.get('mhlw-minimum-5.2')!;
const tempDir = useTempDir();

function clinic() {
  let now = FIRST_SUBMISSION;
  const clock = () => now;
  const store = createStore(join(tempDir(), 'k.sqlite'), { now: clock });
  const service = createAssessmentService({ store, flows, clock });
  const reassessment = createReassessmentService({ store, service, clock });
  const org = store.organizations.ensureLocal();
  const facility = store.facilities.ensure(org.id, 'さくら内科');
  const manager = store.people.ensureLocal(org.id, '山田');
  const who: Participant = { organizationId: org.id, personId: manager.id, channel: 'terminal' };
  const start = { organizationId: org.id, facilityId: facility.id, respondentId: manager.id, flowId: flow.id };
  const lastYear = service.start(start).assessment;
  submitThroughService(service, who, lastYear.id, lastYearAnswers(flow));
  now = ONE_YEAR_LATER;
  return { store, service, reassessment, org, facility, manager, who, start, lastYear };
}

describe('starting a re-assessment', () => {
  it('offers last year’s submission, by its date and 年度', () => {
    const { reassessment, org, facility, lastYear } = clinic();
    expect(reassessment.offer(org.id, facility.id, flow.id)).toEqual({
      assessmentId: lastYear.id,
      flowId: flow.id,
      submittedOn: '2025-12-01',
      fiscalYear: 2025,
    });
    expect(reassessment.offer(org.id, facility.id, 'security-policy')).toBeUndefined();
  });

  it('carries nothing into this cycle’s answers: every item waits for confirmation', () => {
    const { reassessment, store, start } = clinic();
    const turn = reassessment.startReassessment({ ...start, mode: 'carried' });
    expect(store.answers.current(turn.assessment.id)).toEqual({});
    expect(turn.carryOver).toMatchObject({ kind: 'other', confirmed: 0, previous: { submittedOn: '2025-12-01' } });
  });

  it('白紙から始める asks afresh, and is still compared with last year in its report', () => {
    const { reassessment, store, start, org, lastYear, service, who } = clinic();
    const turn = reassessment.startReassessment({ ...start, mode: 'blank' });
    expect(turn.carryOver).toBeUndefined();
    // Answered afresh, and the review still shows what changed since last year.
    const done = { kind: 'done' as const };
    const answers = { ...lastYearAnswers(flow), 'organizational.2': done, 'organizational.4': done, 'technical.15': done };
    const review = submitThroughService(service, who, turn.assessment.id, answers, { stopAtReview: true });
    expect(review.comparison?.map((c) => [c.itemId, c.changes])).toEqual(
      ['organizational.2', 'organizational.4', 'technical.15'].map((id) => [id, [{ kind: 'improved' }]]),
    );
    expect(reportSource(store, org.id, turn.assessment.id).previous?.assessmentId).toBe(lastYear.id);
  });

  it('the lead’s review request shows what changed since last year, beside the counts', () => {
    const { reassessment, store, start, org, service, who, lastYear } = clinic();
    const turn = reassessment.startReassessment({ ...start, mode: 'blank' });
    const done = { kind: 'done' as const };
    submitThroughService(service, who, turn.assessment.id, { ...lastYearAnswers(flow), 'organizational.2': done, 'organizational.4': done, 'technical.15': done });
    const leads = createLeadDomain({ store, flows, clock: () => ONE_YEAR_LATER });
    const subject = leads.review.subject(org.id, turn.assessment.id);
    expect(subject.cycleComparison?.map((c) => c.itemId)).toEqual(['organizational.2', 'organizational.4', 'technical.15']);
    const text = JSON.stringify(reviewRequestMessage({ subject, locale: 'ja' }).blocks);
    expect(text).toContain('前回との比較（3件）');
    expect(text).toContain('改善');
    // A first assessment has nothing to compare with.
    expect(leads.review.subject(org.id, lastYear.id).cycleComparison).toBeUndefined();
  });

  it('the leads’ workbook has a 前回との比較 sheet: previous answer, this answer and the change, per changed item', async () => {
    const { reassessment, store, start, org, service, who, manager } = clinic();
    const turn = reassessment.startReassessment({ ...start, mode: 'blank' });
    const done = { kind: 'done' as const };
    submitThroughService(service, who, turn.assessment.id, { ...lastYearAnswers(flow), 'organizational.2': done, 'organizational.4': done, 'technical.15': done });
    store.people.setRole(org.id, manager.id, 'lead');
    const leads = createLeadDomain({ store, flows, clock: () => ONE_YEAR_LATER });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderStatusXlsx(leads.statusBoard.board(who, 'ja'))) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('前回との比較')!;
    const rows = sheet.getSheetValues().slice(1).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows[0]).toEqual(['拠点', 'チェックリスト', '分野', 'No', 'チェック項目', '前回の回答', '今回の回答', '変化']);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[6]])).toEqual([
      ['さくら内科', '2.', '■実施済'],
      ['さくら内科', '4.', '■実施済'],
      ['さくら内科', '15.', '■実施済'],
    ]);
    expect(rows.slice(1).every((r) => String(r[5]).startsWith('実施予定') && String(r[7]).startsWith('改善'))).toBe(true);
  });

  it('refuses to carry over where nothing was submitted, and 変更なし where nothing was carried', () => {
    const { reassessment, service, start, who } = clinic();
    expect(() => reassessment.startReassessment({ ...start, flowId: 'security-policy', mode: 'carried' })).toThrow(NoPreviousCycleError);
    const plain = service.start(start);
    expect(() => reassessment.confirmItem(who, plain.assessment.id, 'scope.iot')).toThrow(NotCarriedOverError);
  });
});

describe('walking it', () => {
  /** Confirms the gates one by one; returns at the first items section's list. */
  function throughGates(c: ReturnType<typeof clinic>, id: string): Turn {
    let turn = c.service.interact(c.who, id, { type: 'START' });
    expect(turn.carryOver).toMatchObject({ kind: 'section', section: { sectionId: 'scope', canConfirmAll: false } });
    turn = c.service.interact(c.who, id, { type: 'CONTINUE' });
    for (const gate of ['scope.wireless-lan', 'scope.iot', 'scope.outsourcing', 'scope.byod']) {
      expect(turn.carryOver).toMatchObject({ kind: 'question', item: { itemId: gate, confirmable: true, confirmed: false } });
      turn = c.reassessment.confirmItem(c.who, id, gate, { expectedRevision: turn.assessment.revision });
      expect(turn.accepted).toBe(true);
    }
    return turn;
  }

  it('gates first, each item with last time’s answer; the story of the issue, to 提出', () => {
    const c = clinic();
    const id = c.reassessment.startReassessment({ ...c.start, mode: 'carried' }).assessment.id;
    let turn = throughGates(c, id);

    // 組織的安全管理対策 holds two past 実施予定: no bulk step, one item at a time.
    expect(turn.carryOver).toMatchObject({ kind: 'section', section: { sectionId: 'organizational', canConfirmAll: false } });
    const refused = c.reassessment.confirmSection(c.who, id, 'organizational');
    expect(refused.accepted).toBe(false);
    expect(refused.prompt.error).toEqual({ code: 'confirm.sectionNeedsAnswers', params: { items: ['organizational.2', 'organizational.4'] } });

    turn = c.service.interact(c.who, id, { type: 'CONTINUE' });
    for (const itemId of ['organizational.1', 'organizational.2', 'organizational.3', 'organizational.4']) {
      expect(turn.prompt).toMatchObject({ kind: 'question', item: { id: itemId } });
      const change = THIS_YEAR_CHANGES[itemId];
      if (itemId === 'organizational.2') {
        expect(turn.carryOver).toMatchObject({ item: { previous: { kind: 'planned', date: '2026-03-31' }, confirmable: false, notConfirmable: 'pastPlanned' } });
        const notAsIs = c.reassessment.confirmItem(c.who, id, itemId);
        expect(notAsIs.prompt.error).toEqual({ code: 'confirm.notConfirmable', params: { itemId, reason: 'pastPlanned' } });
      }
      turn = change
        ? c.service.interact(c.who, id, { type: 'ANSWER', itemId, answer: change })
        : c.reassessment.confirmItem(c.who, id, itemId);
      expect(turn.accepted, itemId).toBe(true);
    }
    // organizational.5 is left for later.
    turn = c.service.interact(c.who, id, { type: 'SKIP' });

    for (const sectionId of BULK_SECTIONS) {
      expect(turn.carryOver, sectionId).toMatchObject({ kind: 'section', section: { sectionId, canConfirmAll: true } });
      turn = c.reassessment.confirmSection(c.who, id, sectionId, { expectedRevision: turn.assessment.revision });
      expect(turn.accepted, sectionId).toBe(true);
    }

    // The review: 提出 refused while organizational.5 is unconfirmed, and the refusal names it.
    expect(turn.prompt.kind).toBe('review');
    expect(turn.carryOver).toMatchObject({ kind: 'review', unconfirmed: [{ itemId: 'organizational.5' }] });
    const notYet = c.service.interact(c.who, id, { type: 'SUBMIT' });
    expect(notYet.accepted).toBe(false);
    expect(notYet.prompt.error).toEqual({ code: 'submit.unconfirmed', params: { items: ['organizational.5'] } });

    turn = c.service.interact(c.who, id, { type: 'EDIT', itemId: 'organizational.5' });
    turn = c.reassessment.confirmItem(c.who, id, 'organizational.5');
    expect(turn.prompt.kind).toBe('review');
    expect(turn.carryOver).toMatchObject({ kind: 'review', unconfirmed: [], confirmed: 85 + 4, total: 85 + 4 });
    // The review shows the comparison: exactly the three changes.
    expect(turn.comparison?.map((ch) => [ch.itemId, ch.changes.map((x) => x.kind)])).toEqual([
      ['organizational.1', ['regressed']],
      ['organizational.2', ['improved']],
      ['organizational.4', ['rescheduled']],
    ]);
    expect(c.service.interact(c.who, id, { type: 'SUBMIT' }).prompt.kind).toBe('submitted');

    // History: 80 items via the section steps, 4 gates and 2 items one by one; the 3 changes are answers.
    const confirmations = c.store.reassessments.confirmations(id);
    expect(confirmations.filter((x) => x.via === 'section')).toHaveLength(80);
    expect(confirmations.filter((x) => x.via === 'item').map((x) => x.itemId)).toEqual([
      'scope.wireless-lan',
      'scope.iot',
      'scope.outsourcing',
      'scope.byod',
      ...CONFIRMED_ONE_BY_ONE,
    ]);
    expect(c.store.reassessments.confirmations(id, 'technical.1')).toEqual([
      expect.objectContaining({ via: 'section', sectionId: 'technical', personId: c.manager.id, channel: 'terminal', at: ONE_YEAR_LATER.toISOString() }),
    ]);
    expect(c.store.answers.history(id, 'technical.1')).toEqual([
      expect.objectContaining({ oldAnswer: undefined, newAnswer: { kind: 'done' }, personId: c.manager.id, at: ONE_YEAR_LATER.toISOString() }),
    ]);
    // Items the 前提 rule out are 該当なし by the skip logic, not confirmed by anyone.
    expect(c.store.reassessments.confirmations(id, 'technical.21')).toEqual([]);
    expect(c.store.answers.current(id)['technical.21']).toMatchObject({ kind: 'na', auto: true });

    const source = reportSource(c.store, c.org.id, id);
    expect(source.previous).toMatchObject({ assessmentId: c.lastYear.id, submittedOn: '2025-12-01' });
  });

  it('the section step only from the section’s list as last shown: not twice, not from an older view', () => {
    const c = clinic();
    const id = c.reassessment.startReassessment({ ...c.start, mode: 'carried' }).assessment.id;
    let turn = throughGates(c, id);
    turn = c.service.interact(c.who, id, { type: 'CONTINUE' });
    for (const itemId of ['organizational.1', 'organizational.2', 'organizational.3', 'organizational.4', 'organizational.5'])
      turn = c.service.interact(c.who, id, { type: 'ANSWER', itemId, answer: { kind: 'done' } });
    const shown = turn.assessment.revision;
    expect(turn.carryOver).toMatchObject({ kind: 'section', section: { sectionId: 'physical' } });
    // Not a section that is not on screen…
    expect(c.reassessment.confirmSection(c.who, id, 'technical').prompt.error).toEqual({ code: 'confirm.sectionNotShown', params: { sectionId: 'technical' } });
    // …and a double click confirms once.
    c.reassessment.confirmSection(c.who, id, 'physical', { expectedRevision: shown });
    expect(() => c.reassessment.confirmSection(c.who, id, 'physical', { expectedRevision: shown })).toThrow(OutdatedInteractionError);
    expect(c.store.reassessments.confirmations(id).filter((x) => x.via === 'section')).toHaveLength(6);
  });

  it('an item new in this flow version is asked fresh; a reworded one is confirmed only on its own', async () => {
    const { nextFlowVersion } = await import('../helpers/next-flow-version.ts');
    const c = clinic();
    const v2 = nextFlowVersion(flow, {
      version: '2',
      remove: ['physical.6'],
      add: [{ sectionId: 'physical', item: { id: 'physical.7', number: '7.', text: { ja: '新設された対策を講じている。' } } }],
      reword: { 'staff.1': `${findItem(flow, 'staff.1')!.item.text.ja}（年1回以上）` },
    });
    const nextYear = new Map(flows).set(flow.id, v2);
    const service = createAssessmentService({ store: c.store, flows: nextYear, clock: () => ONE_YEAR_LATER });
    const reassessment = createReassessmentService({ store: c.store, service, clock: () => ONE_YEAR_LATER });
    const id = reassessment.startReassessment({ ...c.start, mode: 'carried' }).assessment.id;
    let turn = throughGates({ ...c, service, reassessment }, id);
    turn = service.interact(c.who, id, { type: 'CONTINUE' });
    while (turn.prompt.kind === 'question' && turn.prompt.section.id === 'organizational')
      turn = service.interact(c.who, id, { type: 'ANSWER', itemId: turn.prompt.item.id, answer: { kind: 'done' } });
    expect(turn.carryOver).toMatchObject({ kind: 'section', section: { sectionId: 'physical', canConfirmAll: false } });
    if (turn.carryOver?.kind !== 'section') throw new Error('expected the list');
    expect(turn.carryOver.section.items.at(-1)).toMatchObject({ itemId: 'physical.7', previous: undefined, confirmable: false, notConfirmable: 'new' });
    turn = service.interact(c.who, id, { type: 'CONTINUE' });
    while (turn.prompt.kind === 'question' && turn.prompt.section.id === 'physical')
      turn = turn.carryOver?.kind === 'question' && turn.carryOver.item.confirmable
        ? reassessment.confirmItem(c.who, id, turn.prompt.item.id)
        : service.interact(c.who, id, { type: 'ANSWER', itemId: turn.prompt.item.id, answer: { kind: 'done' } });
    // 技術的安全管理対策 unchanged: one step.
    turn = reassessment.confirmSection(c.who, id, 'technical');
    expect(turn.carryOver).toMatchObject({ kind: 'section', section: { sectionId: 'staff', canConfirmAll: false } });
    if (turn.carryOver?.kind !== 'section') throw new Error('expected the list');
    expect(turn.carryOver.section.items[0]).toMatchObject({ itemId: 'staff.1', reworded: true, confirmable: true });
    // The reworded item is confirmed on its own, after reading the new text; the rest of the walk in bulk.
    turn = service.interact(c.who, id, { type: 'CONTINUE' });
    while (turn.prompt.kind === 'question' && turn.prompt.section.id === 'staff') turn = reassessment.confirmItem(c.who, id, turn.prompt.item.id);
    while (turn.carryOver?.kind === 'section') turn = reassessment.confirmSection(c.who, id, turn.carryOver.section.sectionId);
    expect(turn.prompt.kind).toBe('review');
    expect(turn.comparison?.map((ch) => [ch.itemId, ch.changes.map((x) => x.kind)])).toEqual([
      ['organizational.2', ['improved']],
      ['organizational.4', ['improved']],
      ['physical.7', ['new']],
      ['staff.1', ['reworded']],
      ['physical.6', ['removed']],
    ]);
  });
});
