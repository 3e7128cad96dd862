import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/events.ts';
import { MACHINE_VERSION, encodePosition } from '../../src/engine/position.ts';
import { currentPrompt, restoreEngine, sendEvent, startEngine, type EngineState, type StepResult } from '../../src/engine/session.ts';
import { smallFlow } from '../helpers/small-flow.ts';

const flow = smallFlow();
const today = '2026-11-22';

function run(events: EngineEvent[], from: EngineState = startEngine(flow)): StepResult {
  let state: EngineState = from;
  let last: StepResult | undefined;
  for (const e of events) {
    last = sendEvent(flow, state, e);
    state = last;
  }
  return last!;
}

const answer = (itemId: string, a: Extract<EngineEvent, { type: 'ANSWER' }>['answer']): EngineEvent => ({ type: 'ANSWER', itemId, answer: a, today });
const toFirstQuestion: EngineEvent[] = [{ type: 'START' }];
const wlanNo = answer('scope.wlan', { kind: 'yesno', value: false });
const wlanYes = answer('scope.wlan', { kind: 'yesno', value: true });

describe('the walk-through', () => {
  it('starts with the intro, then asks the first question with its section\'s introduction', () => {
    const start = startEngine(flow);
    expect(start.state).toBe('intro');
    const q = run(toFirstQuestion);
    expect(q.prompt).toMatchObject({
      kind: 'question',
      section: { id: 'scope', isGates: true },
      sectionStart: { itemCount: 1, previous: undefined },
      item: { id: 'scope.wlan' },
      progress: { inSection: { position: 1, total: 1 } },
    });
  });

  it('answering the gate "no" records 該当なし with the reason for the gated item and never asks it', () => {
    const r = run([...toFirstQuestion, wlanNo, answer('org.1', { kind: 'done' })]);
    expect(r.context.answers['org.2']).toEqual({ kind: 'na', reason: { ja: '無線LANを利用していないため該当なし' }, auto: true });
    expect(r.prompt).toMatchObject({ kind: 'question', section: { id: 'tech' }, item: { id: 'tech.1' } });
  });

  it('answering the gate "yes" asks the gated item, and changing the gate back clears the automatic 該当なし', () => {
    const asked = run([...toFirstQuestion, wlanYes, answer('org.1', { kind: 'done' })]);
    expect(asked.prompt).toMatchObject({ kind: 'question', item: { id: 'org.2' } });
    const revisedNo = run([{ type: 'REVISE', itemId: 'scope.wlan', answer: { kind: 'yesno', value: false }, today }], asked);
    // The current question no longer applies, so the walk moves on instead of asking it.
    expect(revisedNo.prompt).toMatchObject({ kind: 'question', item: { id: 'tech.1' } });
    expect(revisedNo.context.answers['org.2']).toMatchObject({ kind: 'na', auto: true });
    const revisedYes = run([{ type: 'REVISE', itemId: 'scope.wlan', answer: { kind: 'yesno', value: true }, today }], revisedNo);
    expect(revisedYes.context.answers['org.2']).toBeUndefined();
  });

  it('a section\'s first question carries the tally of the section before it; progress counts exclude gate questions', () => {
    const r = run([...toFirstQuestion, wlanNo, answer('org.1', { kind: 'planned', date: '2027-03-31' })]);
    expect(r.prompt).toMatchObject({
      kind: 'question',
      sectionStart: { itemCount: 1, previous: { section: { id: 'org' }, planned: 1, notApplicable: 1 } },
      progress: { overall: { position: 3, total: 3 } },
      item: { notes: [{ id: '注1', text: { ja: '注の本文。' } }] },
    });
  });

  it('only a section\'s first question carries its introduction', () => {
    const atOrg2 = run([...toFirstQuestion, wlanYes, answer('org.1', { kind: 'done' })]);
    expect(atOrg2.prompt).toMatchObject({ kind: 'question', item: { id: 'org.2' } });
    expect(atOrg2.prompt).not.toHaveProperty('sectionStart');
  });

  it('BACK goes to the previous applicable question across sections, then to the intro', () => {
    const atTech = run([...toFirstQuestion, wlanNo, answer('org.1', { kind: 'done' })]);
    const back1 = run([{ type: 'BACK' }], atTech);
    // org.2 is gated off, so BACK lands on org.1 with its current answer shown, and its section's introduction.
    expect(back1.prompt).toMatchObject({ kind: 'question', item: { id: 'org.1' }, current: { kind: 'done' }, sectionStart: { itemCount: 1 } });
    const back2 = run([{ type: 'BACK' }], back1);
    expect(back2.prompt).toMatchObject({ kind: 'question', item: { id: 'scope.wlan' } });
    const back3 = run([{ type: 'BACK' }], back2);
    expect(back3.prompt.kind).toBe('intro');
    expect(run([{ type: 'START' }], back3).prompt).toMatchObject({ kind: 'question', item: { id: 'scope.wlan' } });
  });

  it('CONTINUE means nothing on a question: there is no introduction to leave', () => {
    const r = run([...toFirstQuestion, { type: 'CONTINUE' }]);
    expect(r).toMatchObject({ accepted: false, state: 'question', prompt: { error: { code: 'event.notAllowed' } } });
  });

  it('SKIP leaves the question unanswered and moves on; the review lists it', () => {
    const r = run([...toFirstQuestion, wlanNo, { type: 'SKIP' }, answer('tech.1', { kind: 'na' })]);
    expect(r.prompt).toMatchObject({ kind: 'review', canSubmit: false, unanswered: [{ itemId: 'org.1' }] });
    expect(r.context.answers['org.1']).toBeUndefined();
  });

  it('SUBMIT is refused while items are unanswered, and the refusal lists them', () => {
    const r = run([{ type: 'START' }, { type: 'REVIEW' }, { type: 'SUBMIT' }]);
    expect(r.accepted).toBe(false);
    expect(r.state).toBe('review');
    expect(r.prompt.error).toEqual({ code: 'submit.unanswered', params: { items: ['scope.wlan', 'org.1', 'org.2', 'tech.1'] } });
  });

  it('BACK from a review opened mid-way returns to the question the person was on, not the last item', () => {
    const atOrg1 = run([...toFirstQuestion, wlanYes]);
    expect(atOrg1.prompt).toMatchObject({ kind: 'question', item: { id: 'org.1' } });
    const back = run([{ type: 'REVIEW' }, { type: 'BACK' }], atOrg1);
    expect(back.prompt).toMatchObject({ kind: 'question', item: { id: 'org.1' } });
  });

  it('BACK from the review reached at the end returns to the last question', () => {
    const review = run([...toFirstQuestion, wlanNo, answer('org.1', { kind: 'done' }), answer('tech.1', { kind: 'done' })]);
    expect(review.prompt.kind).toBe('review');
    expect(run([{ type: 'BACK' }], review).prompt).toMatchObject({ kind: 'question', item: { id: 'tech.1' } });
  });

  it('EDIT from the review asks that item and returns to the review; then SUBMIT succeeds', () => {
    const review = run([...toFirstQuestion, wlanNo, { type: 'SKIP' }, answer('tech.1', { kind: 'done' })]);
    const editing = run([{ type: 'EDIT', itemId: 'org.1' }], review);
    expect(editing.prompt).toMatchObject({ kind: 'question', item: { id: 'org.1' }, editing: true });
    // Editing one item from the review is not starting its section.
    expect(editing.prompt).not.toHaveProperty('sectionStart');
    const back = run([answer('org.1', { kind: 'done' })], editing);
    expect(back.prompt).toMatchObject({ kind: 'review', canSubmit: true });
    const submitted = run([{ type: 'SUBMIT' }], back);
    expect(submitted.state).toBe('submitted');
    expect(run([answer('org.1', { kind: 'done' })], submitted)).toMatchObject({ accepted: false, prompt: { error: { code: 'event.notAllowed' } } });
  });

  it('PAUSE and RESUME return to exactly the same question', () => {
    const q = run([...toFirstQuestion, wlanYes, answer('org.1', { kind: 'done' })]);
    const paused = run([{ type: 'PAUSE' }], q);
    expect(paused.prompt).toMatchObject({ kind: 'paused', resumeTo: 'question' });
    const resumed = run([{ type: 'RESUME' }], paused);
    expect(resumed.prompt).toMatchObject({ kind: 'question', item: { id: 'org.2' } });
  });
});

describe('refusals store nothing', () => {
  const atOrg1 = () => run([...toFirstQuestion, wlanNo]);

  it('manager answers 実施予定 with a past date → asked again, nothing stored', () => {
    const r = run([answer('org.1', { kind: 'planned', date: '2026-11-21' })], atOrg1());
    expect(r.accepted).toBe(false);
    expect(r.prompt).toMatchObject({ kind: 'question', item: { id: 'org.1' }, error: { code: 'date.past' } });
    expect(r.context.answers['org.1']).toBeUndefined();
  });

  it('today is allowed; more than three years ahead is refused', () => {
    expect(run([answer('org.1', { kind: 'planned', date: today })], atOrg1()).accepted).toBe(true);
    expect(run([answer('org.1', { kind: 'planned', date: '2029-11-22' })], atOrg1()).accepted).toBe(true);
    const far = run([answer('org.1', { kind: 'planned', date: '2029-11-23' })], atOrg1());
    expect(far.prompt.error).toEqual({ code: 'date.tooFar', params: { date: '2029-11-23', latest: '2029-11-22', years: 3 } });
  });

  it('a day that does not exist is refused', () => {
    expect(run([answer('org.1', { kind: 'planned', date: '2027-02-30' })], atOrg1()).prompt.error?.code).toBe('date.invalid');
  });

  it('該当なし is refused where the flow does not allow it by hand', () => {
    expect(run([answer('org.1', { kind: 'na' })], atOrg1()).prompt.error?.code).toBe('answer.notApplicableNotAllowed');
  });

  it('an answer for a question other than the current one (an old button) is refused as stale', () => {
    const r = run([answer('tech.1', { kind: 'done' })], atOrg1());
    expect(r.prompt.error).toEqual({ code: 'item.stale', params: { itemId: 'tech.1', currentItemId: 'org.1' } });
    expect(r.context.position).toBe(atOrg1().context.position);
  });

  it('an event that makes no sense in the current state is refused without changing anything', () => {
    const r = run([{ type: 'SUBMIT' }], atOrg1());
    expect(r).toMatchObject({ accepted: false, state: 'question', prompt: { error: { code: 'event.notAllowed' } } });
  });
});

describe('the persisted position', () => {
  const atOrg2 = () => run([...toFirstQuestion, wlanYes, answer('org.1', { kind: 'done' })]);

  it('is only where the person is and what they are doing: the answers stay with the caller', () => {
    const q = atOrg2();
    expect(q.position).toEqual({ machineVersion: MACHINE_VERSION, mode: 'question', itemId: 'org.2', resumeTo: 'question' });
    expect(encodePosition(q.position)).not.toContain('answers');
  });

  it('restores from the answers and the position to the same question', () => {
    const q = atOrg2();
    const restored = restoreEngine(flow, q.context.answers, encodePosition(q.position));
    expect(restored.state).toBe('question');
    expect(currentPrompt(flow, restored)).toEqual(q.prompt);
    const next = sendEvent(flow, restored, answer('org.2', { kind: 'done' }));
    expect(next.prompt).toMatchObject({ kind: 'question', section: { id: 'tech' }, sectionStart: { previous: { section: { id: 'org' } } } });
  });

  it('never refuses: another machine version, an unknown mode, an unknown item or garbage all continue', () => {
    const q = atOrg2();
    const answers = q.context.answers;
    const other = (p: object) => restoreEngine(flow, answers, JSON.stringify({ ...q.position, ...p }));
    expect(other({ machineVersion: 99 })).toMatchObject({ state: 'question', position: { itemId: 'org.2' } });
    // A mode a later (or earlier) machine had: the person continues at the same question.
    expect(other({ machineVersion: 99, mode: 'confirmingSomething' })).toMatchObject({ state: 'question', position: { itemId: 'org.2' } });
    // An item the flow no longer has: the first unanswered question.
    expect(other({ itemId: 'gone.7' })).toMatchObject({ state: 'question', position: { itemId: 'org.2' } });
    for (const junk of ['{', '{"envelope":1}', 'null', '[]'])
      expect(restoreEngine(flow, answers, junk)).toMatchObject({ state: 'question', position: { itemId: 'org.2' } });
    expect(restoreEngine(flow, {}, null)).toMatchObject({ state: 'intro' });
  });

  it('reads the release-0.1.0 envelope (snapshot with an item index) by item', () => {
    const q = atOrg2();
    const legacy = {
      envelope: 1,
      flowId: flow.id,
      flowHash: flow.hash,
      machineVersion: 1,
      snapshot: { status: 'active', value: 'paused', context: { position: q.context.position, resumeTo: 'question', answers: {} } },
    };
    const restored = restoreEngine(flow, q.context.answers, JSON.stringify(legacy));
    expect(restored.state).toBe('paused');
    expect(sendEvent(flow, restored, { type: 'RESUME' }).prompt).toMatchObject({ kind: 'question', item: { id: 'org.2' } });
  });

  it('a position on an item a gate now hides moves on to the next one that applies', () => {
    const q = atOrg2();
    const answers = { ...q.context.answers, 'scope.wlan': { kind: 'yesno' as const, value: false } };
    const restored = restoreEngine(flow, answers, encodePosition(q.position));
    expect(currentPrompt(flow, restored)).toMatchObject({ kind: 'question', item: { id: 'tech.1' } });
  });
});

describe('a section introduction as a step of its own (a re-assessment carrying answers over lists them there)', () => {
  const stepping = () => startEngine(flow, {}, { sectionIntroStep: true });

  it('START introduces the first section; 始める (CONTINUE) asks its first question, without the introduction again', () => {
    const intro = run([{ type: 'START' }], stepping());
    expect(intro.prompt).toMatchObject({ kind: 'section-intro', section: { id: 'scope', isGates: true }, itemCount: 1 });
    const q = run([{ type: 'CONTINUE' }], intro);
    expect(q.prompt).toMatchObject({ kind: 'question', item: { id: 'scope.wlan' } });
    expect(q.prompt).not.toHaveProperty('sectionStart');
  });

  it('the next section\'s introduction carries the tally of the one before it', () => {
    const r = run([{ type: 'START' }, { type: 'CONTINUE' }, wlanNo, { type: 'CONTINUE' }, answer('org.1', { kind: 'planned', date: '2027-03-31' })], stepping());
    expect(r.prompt).toMatchObject({ kind: 'section-intro', section: { id: 'tech' }, previous: { section: { id: 'org' }, planned: 1, notApplicable: 1 } });
  });

  it('BACK goes to the previous applicable question, then to the section intro, then to the intro', () => {
    const atTech = run([{ type: 'START' }, { type: 'CONTINUE' }, wlanNo, { type: 'CONTINUE' }, answer('org.1', { kind: 'done' }), { type: 'CONTINUE' }], stepping());
    const back1 = run([{ type: 'BACK' }], atTech);
    expect(back1.prompt).toMatchObject({ kind: 'section-intro', section: { id: 'tech' } });
    const back2 = run([{ type: 'BACK' }], back1);
    expect(back2.prompt).toMatchObject({ kind: 'question', item: { id: 'org.1' }, current: { kind: 'done' } });
    const back3 = run([{ type: 'BACK' }, { type: 'BACK' }, { type: 'BACK' }, { type: 'BACK' }], back2);
    expect(back3.prompt.kind).toBe('intro');
  });

  it('a stored section introduction is restored as one', () => {
    const atTech = run([{ type: 'START' }, { type: 'CONTINUE' }, wlanNo, { type: 'CONTINUE' }, answer('org.1', { kind: 'done' })], stepping());
    expect(atTech.position).toMatchObject({ mode: 'sectionIntro', itemId: 'tech.1' });
    const restored = restoreEngine(flow, atTech.context.answers, encodePosition(atTech.position), { sectionIntroStep: true });
    expect(currentPrompt(flow, restored)).toEqual(atTech.prompt);
  });
});

describe('a section introduction stored before it came with the first question (machine version 2)', () => {
  const atTechIntro = () => {
    const r = run([{ type: 'START' }, { type: 'CONTINUE' }, wlanNo, { type: 'CONTINUE' }, answer('org.1', { kind: 'done' })], startEngine(flow, {}, { sectionIntroStep: true }));
    return { answers: r.context.answers, at: { machineVersion: 2, mode: 'sectionIntro', itemId: 'tech.1', resumeTo: 'sectionIntro' } };
  };

  it('is that section\'s first question, with the introduction and the tally of the section before', () => {
    const { answers, at } = atTechIntro();
    const restored = restoreEngine(flow, answers, JSON.stringify(at));
    expect(restored.state).toBe('question');
    expect(currentPrompt(flow, restored)).toMatchObject({ kind: 'question', item: { id: 'tech.1' }, sectionStart: { previous: { section: { id: 'org' } } } });
    expect(sendEvent(flow, restored, answer('tech.1', { kind: 'done' })).prompt).toMatchObject({ kind: 'review', canSubmit: true });
  });

  it('paused there, RESUME asks that first question', () => {
    const { answers, at } = atTechIntro();
    const restored = restoreEngine(flow, answers, JSON.stringify({ ...at, mode: 'paused' }));
    expect(restored).toMatchObject({ state: 'paused', context: { resumeTo: 'question' } });
    expect(sendEvent(flow, restored, { type: 'RESUME' }).prompt).toMatchObject({ kind: 'question', item: { id: 'tech.1' }, sectionStart: { itemCount: 1 } });
  });
});
