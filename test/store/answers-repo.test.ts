import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/flow/answer.ts';
import { InvalidAnswerError, NotFoundError } from '../../src/store/errors.ts';
import { manualClock } from './helpers/manual-clock.ts';
import { seedClinic } from './helpers/seed.ts';
import { openTempStore } from './helpers/temp-store.ts';

const done: Answer = { kind: 'done' };
const planned: Answer = { kind: 'planned', date: '2026-09-30' };

describe('answers', () => {
  it('records each change as a history row from old to new answer', () => {
    const clock = manualClock('2026-04-01T09:00:00.000Z');
    const store = openTempStore(undefined, { now: clock.now });
    const { assessment, respondent } = seedClinic(store);
    const bySlack = { personId: respondent.id, channel: 'slack' } as const;

    store.answers.apply(assessment.id, [{ itemId: 'officer', answer: planned }], bySlack);
    clock.advance(60_000);
    const applied = store.answers.apply(assessment.id, [{ itemId: 'officer', answer: done }], bySlack);

    expect(applied).toEqual([{ itemId: 'officer', oldAnswer: planned, newAnswer: done }]);
    expect(store.answers.current(assessment.id)).toEqual({ officer: done });
    expect(store.answers.history(assessment.id, 'officer')).toEqual([
      expect.objectContaining({
        oldAnswer: undefined,
        newAnswer: planned,
        personId: respondent.id,
        channel: 'slack',
        at: '2026-04-01T09:00:00.000Z',
      }),
      expect.objectContaining({ oldAnswer: planned, newAnswer: done, at: '2026-04-01T09:01:00.000Z' }),
    ]);
  });

  it('records nothing when the same answer is given again', () => {
    const store = openTempStore();
    const { assessment, respondent } = seedClinic(store);
    const who = { personId: respondent.id, channel: 'terminal' } as const;
    const grid = (a: number, b: number): Answer => ({ kind: 'grid', cells: { r1: { a, b } } });

    store.answers.apply(
      assessment.id,
      [{ itemId: 'officer', answer: done }, { itemId: 'contractors', answer: grid(1, 2) }],
      who,
    );
    // Same answers, keys in another order: still unchanged.
    const applied = store.answers.apply(
      assessment.id,
      [
        { itemId: 'officer', answer: { kind: 'done' } },
        { itemId: 'contractors', answer: { kind: 'grid', cells: { r1: { b: 2, a: 1 } } } },
      ],
      who,
    );

    expect(applied).toEqual([]);
    expect(store.answers.history(assessment.id)).toHaveLength(2);
  });

  it('clears an answer and records the removal; clearing an empty item records nothing', () => {
    const store = openTempStore();
    const { assessment, respondent } = seedClinic(store);
    const who = { personId: respondent.id, channel: 'slack' } as const;
    store.answers.apply(assessment.id, [{ itemId: 'officer', answer: done }], who);

    store.answers.apply(assessment.id, [{ itemId: 'officer', answer: undefined }, { itemId: 'devices', answer: undefined }], who);

    expect(store.answers.current(assessment.id)).toEqual({});
    expect(store.answers.history(assessment.id).map((h) => [h.itemId, h.oldAnswer, h.newAnswer])).toEqual([
      ['officer', undefined, done],
      ['officer', done, undefined],
    ]);
  });

  it('lets the skip logic answer without a person', () => {
    const store = openTempStore();
    const { assessment } = seedClinic(store);
    const autoNa: Answer = { kind: 'na', auto: true, reason: { ja: '前提で「無」と回答' } };

    store.answers.apply(assessment.id, [{ itemId: 'devices', answer: autoNa }], { personId: null, channel: 'system' });

    expect(store.answers.current(assessment.id)).toEqual({ devices: autoNa });
    expect(store.answers.history(assessment.id)[0]).toMatchObject({ personId: null, channel: 'system' });
  });

  it('keeps the history append-only: rows cannot be edited or deleted, even with raw SQL', () => {
    const store = openTempStore();
    const { assessment, respondent } = seedClinic(store);
    store.answers.apply(assessment.id, [{ itemId: 'officer', answer: done }], { personId: respondent.id, channel: 'slack' });

    expect(() => store.db.prepare("UPDATE answer_history SET channel = 'cli'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM answer_history').run()).toThrow(/append-only/);
    expect(store.answers.history(assessment.id)).toHaveLength(1);
  });

  it('applies a batch all or nothing', () => {
    const store = openTempStore();
    const { assessment, respondent } = seedClinic(store);
    const broken = { kind: 'planned', date: 'someday' } as unknown as Answer;

    expect(() =>
      store.answers.apply(
        assessment.id,
        [{ itemId: 'officer', answer: done }, { itemId: 'devices', answer: broken }],
        { personId: respondent.id, channel: 'slack' },
      ),
    ).toThrow(InvalidAnswerError);
    expect(store.answers.current(assessment.id)).toEqual({});
    expect(store.answers.history(assessment.id)).toEqual([]);
  });

  it('refuses an answer from a person of another team', () => {
    const store = openTempStore();
    const clinicA = seedClinic(store, 'T-A');
    const clinicB = seedClinic(store, 'T-B');

    expect(() =>
      store.answers.apply(clinicA.assessment.id, [{ itemId: 'officer', answer: done }], {
        personId: clinicB.respondent.id,
        channel: 'slack',
      }),
    ).toThrow(NotFoundError);
  });
});
