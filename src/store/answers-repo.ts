// Current answers of an assessment plus their append-only, hash-chained history: every actual change records who
// changed which item from what to what, through which channel.
import type Database from 'better-sqlite3';
import { joinOrImmediateTransaction } from './immediate-transaction.ts';
import { z } from 'zod';
import type { Answer, Answers } from '../flow/answer.ts';
import { encodeAnswer, storedAnswerJsonSchema } from './answer-json.ts';
import { answerHistoryChain } from './chained-tables.ts';
import { isoNow, type Clock } from './clock.ts';
import { NotFoundError } from './errors.ts';
import { appendChained } from './hash-chain.ts';
import type { PeopleRepo } from './people-repo.ts';
import { readStored } from './stored-record.ts';

/** `system` is the skip logic (auto 該当なし); `cli` is a scripted import; `terminal` the interactive adapter. */
export const answerChannelSchema = z.enum(['terminal', 'slack', 'system', 'cli']);
export type AnswerChannel = z.output<typeof answerChannelSchema>;

/** `answer: undefined` clears the item. */
export interface AnswerChange {
  itemId: string;
  answer: Answer | undefined;
}

export interface AnswerAuthor {
  /** Null for changes nobody made by hand (channel `system`). */
  personId: string | null;
  channel: AnswerChannel;
}

/**
 * `author-is-respondent`: the caller has read the assessment in this transaction and the author is its
 * respondent (or the system), whom the schema already ties to the assessment's organization.
 */
export type AuthorCheck = 'check-author' | 'author-is-respondent';

export interface AppliedAnswerChange {
  itemId: string;
  oldAnswer: Answer | undefined;
  newAnswer: Answer | undefined;
}

const optionalStoredAnswer = storedAnswerJsonSchema.nullable().transform((a) => a ?? undefined);

export const answerHistoryEntrySchema = z.object({
  id: z.number().int(),
  assessmentId: z.string(),
  itemId: z.string(),
  oldAnswer: optionalStoredAnswer,
  newAnswer: optionalStoredAnswer,
  personId: z.string().nullable(),
  channel: answerChannelSchema,
  at: z.string(),
});
export type AnswerHistoryEntry = z.output<typeof answerHistoryEntrySchema>;

const DECODED_ANSWERS_KEPT = 10_000;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const historyColumns = `id, assessment_id AS assessmentId, item_id AS itemId, old_answer_json AS oldAnswer,
  new_answer_json AS newAnswer, person_id AS personId, channel, at`;

export interface AnswersRepoDeps {
  people: PeopleRepo;
}

export type AnswersRepo = ReturnType<typeof createAnswersRepo>;

export function createAnswersRepo(db: Database.Database, clock: Clock, deps: AnswersRepoDeps) {
  // One transaction wrapper per repository (better-sqlite3 builds one per db.transaction call), run IMMEDIATE.
  const immediately = joinOrImmediateTransaction(db);
  const organizationOf = db.prepare<[string]>('SELECT organization_id FROM assessments WHERE id = ?').pluck();
  // Rows as [itemId, json] arrays: on every turn, and arrays are cheaper to build than objects.
  const all = db
    .prepare<[string], [string, string]>('SELECT item_id, answer_json FROM answers WHERE assessment_id = ? ORDER BY item_id')
    .raw();
  const itemIds = db.prepare<[string]>('SELECT item_id FROM answers WHERE assessment_id = ?').pluck();
  const one = db
    .prepare<[string, string]>('SELECT answer_json FROM answers WHERE assessment_id = ? AND item_id = ?')
    .pluck();
  const upsert = db.prepare(
    `INSERT INTO answers (assessment_id, item_id, answer_json, answered_by, channel, answered_at)
     VALUES (@assessmentId, @itemId, @answerJson, @personId, @channel, @at)
     ON CONFLICT (assessment_id, item_id) DO UPDATE SET
       answer_json = excluded.answer_json, answered_by = excluded.answered_by,
       channel = excluded.channel, answered_at = excluded.answered_at`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM answers WHERE assessment_id = ? AND item_id = ?');
  const historyAll = db.prepare<[string]>(`SELECT ${historyColumns} FROM answer_history WHERE assessment_id = ? ORDER BY id`);
  const historyOfItem = db.prepare<[string, string]>(
    `SELECT ${historyColumns} FROM answer_history WHERE assessment_id = ? AND item_id = ? ORDER BY id`,
  );

  // Stored answers repeat ({"kind":"done"} most of all): each distinct JSON text is decoded and validated
  // once and the frozen result shared. Bounded, so free-text answers cannot grow it without limit.
  const decoded = new Map<string, Answer>();
  const decode = (json: string, assessmentId: string, itemId: string): Answer => {
    let answer = decoded.get(json);
    if (answer === undefined) {
      answer = deepFreeze(readStored(storedAnswerJsonSchema, json, { table: 'answers', key: { assessmentId, itemId } }));
      if (decoded.size >= DECODED_ANSWERS_KEPT) decoded.clear();
      decoded.set(json, answer);
    }
    return answer;
  };

  return {
    /** The answers as they stand now, keyed by item id. */
    current(assessmentId: string): Answers {
      const answers: Answers = {};
      // Both columns are TEXT NOT NULL in a STRICT table: SQLite itself guarantees the row's shape.
      for (const [itemId, json] of all.all(assessmentId)) answers[itemId] = decode(json, assessmentId, itemId);
      return answers;
    },

    /** The ids of the items answered so far (for progress counts: no answer is decoded). */
    answeredItems(assessmentId: string): string[] {
      return itemIds.all(assessmentId) as string[];
    },

    /**
     * Upserts or clears each item and appends one history row per actual change; an answer equal to
     * the stored one changes nothing (not even answered_at). Returns the changes that happened.
     */
    apply(assessmentId: string, changes: readonly AnswerChange[], who: AnswerAuthor, checked: AuthorCheck = 'check-author'): AppliedAnswerChange[] {
      // IMMEDIATE: it reads before it writes (see Store.transaction); inside a caller's transaction it joins it.
      return immediately(() => {
        if (checked === 'check-author') {
          const organizationId = organizationOf.get(assessmentId);
          if (typeof organizationId !== 'string') throw new NotFoundError('assessment', { id: assessmentId });
          // answers has no organization column, so the author's organization is checked here.
          if (who.personId !== null) deps.people.get(organizationId, who.personId);
        }
        const at = isoNow(clock);
        const applied: AppliedAnswerChange[] = [];
        for (const { itemId, answer } of changes) {
          const oldJson = one.get(assessmentId, itemId) as string | undefined;
          const newJson = answer === undefined ? undefined : encodeAnswer(itemId, answer);
          if (oldJson === newJson) continue;
          if (newJson === undefined) remove.run(assessmentId, itemId);
          else upsert.run({ assessmentId, itemId, answerJson: newJson, personId: who.personId, channel: who.channel, at });
          appendChained(db, answerHistoryChain, {
            assessment_id: assessmentId,
            item_id: itemId,
            old_answer_json: oldJson ?? null,
            new_answer_json: newJson ?? null,
            person_id: who.personId,
            channel: who.channel,
            at,
          });
          applied.push({
            itemId,
            oldAnswer: oldJson === undefined ? undefined : decode(oldJson, assessmentId, itemId),
            newAnswer: newJson === undefined ? undefined : decode(newJson, assessmentId, itemId),
          });
        }
        return applied;
      });
    },

    /** Every recorded change, oldest first; only those of one item when `itemId` is given. */
    history(assessmentId: string, itemId?: string): AnswerHistoryEntry[] {
      const rows = itemId === undefined ? historyAll.all(assessmentId) : historyOfItem.all(assessmentId, itemId);
      return rows.map((row) => readStored(answerHistoryEntrySchema, row, { table: 'answer_history', key: { assessmentId } }));
    },
  };
}
