// An inspector asks whether anyone changed the answers since they were given. The history is
// hash-chained per assessment; these stories change it behind the app's back (a raw connection with
// the guarding triggers dropped) and check the audit names the first broken link.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/flow/answer.ts';
import { answerHistoryChain } from '../../../src/store/chained-tables.ts';
import { openDatabase } from '../../../src/store/database.ts';
import { verifyChains } from '../../../src/store/chain-verify.ts';
import { appendChained, chainHeadsSchemaSql, chainSchemaSql, GENESIS_HASH } from '../../../src/store/hash-chain.ts';
import { answerHistoryHead, auditHistory, locateHash } from '../../../src/store/history-audit.ts';
import { initialSchema } from '../../../src/store/migrations/0001-initial-schema.ts';
import type { Store } from '../../../src/store/store.ts';
import { manualClock } from '../helpers/manual-clock.ts';
import { seedClinic } from '../helpers/seed.ts';
import { openTempStore, tempDatabasePath } from '../helpers/temp-store.ts';

const done: Answer = { kind: 'done' };
const planned: Answer = { kind: 'planned', date: '2026-09-30' };

function answered(path = tempDatabasePath()) {
  const clock = manualClock('2026-04-01T09:00:00.000Z');
  const store = openTempStore(path, { now: clock.now });
  const clinic = seedClinic(store);
  const who = { personId: clinic.respondent.id, channel: 'slack' } as const;
  const answer = (itemId: string, a: Answer | undefined) => {
    clock.advance(60_000);
    store.answers.apply(clinic.assessment.id, [{ itemId, answer: a }], who);
  };
  answer('officer', planned);
  answer('devices', { kind: 'number', value: 3 });
  answer('officer', done);
  answer('devices', { kind: 'number', value: 4 });
  return { store, path, ...clinic };
}

/** What someone with file access and the sqlite3 shell could do. */
function tamper(path: string, sql: string): void {
  const raw = new Database(path);
  raw.exec('DROP TRIGGER answer_history_no_update; DROP TRIGGER answer_history_no_delete;');
  raw.exec(sql);
  raw.close();
}

const historyIds = (store: Store, assessmentId: string) => store.answers.history(assessmentId).map((h) => h.id);

describe('the answer history hash chain', () => {
  it('verifies every row written through the app, and the head moves with each change', () => {
    const { store, assessment } = answered();
    const audit = auditHistory(store.db);
    expect(audit).toMatchObject({ ok: true, rows: 4, chains: 1, breaks: [], answerMismatches: [] });
    const head = answerHistoryHead(store.db, assessment.id);
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    expect(locateHash(store.db, head)).toEqual([{ table: 'answer_history', assessmentId: assessment.id, position: 4, length: 4, at: '2026-04-01T09:04:00.000Z' }]);
    expect(locateHash(store.db, head.slice(0, 16))).toHaveLength(1);
    expect(answerHistoryHead(store.db, 'as_nothing')).toBe(GENESIS_HASH);
  });

  it('the database refuses to update or delete history, and to append a row outside the chain', () => {
    const { store, assessment } = answered();
    expect(() => store.db.prepare('UPDATE answer_history SET channel = ?').run('cli')).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM answer_history').run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM history_chain_heads').run()).toThrow(/cannot be deleted/);
    expect(() => store.db.prepare("UPDATE history_chain_heads SET length = 1, head_hash = ?").run(GENESIS_HASH)).toThrow(/forward/);
    expect(() =>
      store.db
        .prepare("INSERT INTO answer_history (assessment_id, item_id, new_answer_json, channel, at) VALUES (?, 'officer', '{\"kind\":\"done\"}', 'cli', 'x')")
        .run(assessment.id),
    ).toThrow(/must be appended through the hash chain/);
  });

  it('an answer edited in place is found: the row, and the item whose values no longer agree', () => {
    const { store, path, assessment } = answered();
    const [, , third] = historyIds(store, assessment.id);
    store.close();
    tamper(path, `UPDATE answer_history SET new_answer_json = '{"kind":"not_done"}' WHERE id = ${third}`);

    const audit = auditHistory(openTempStore(path).db);
    expect(audit.ok).toBe(false);
    expect(audit.breaks).toEqual([expect.objectContaining({ table: 'answer_history', chainKey: assessment.id, kind: 'content-changed', rowId: third, position: 3 })]);
    expect(audit.answerMismatches).toEqual([{ assessmentId: assessment.id, itemId: 'officer', history: '{"kind":"not_done"}', current: '{"kind":"done"}' }]);
  });

  it('an edit whose row hash was recomputed still breaks the link to the next row', () => {
    const { store, path, assessment } = answered();
    const [first] = historyIds(store, assessment.id);
    store.close();
    tamper(path, `UPDATE answer_history SET at = '2026-03-01T00:00:00.000Z', row_hash = '${'a'.repeat(64)}' WHERE id = ${first}`);
    const audit = auditHistory(openTempStore(path).db);
    expect(audit.breaks).toEqual([expect.objectContaining({ kind: 'content-changed', position: 1 })]);
  });

  it('a row deleted from the middle is found at the row after it', () => {
    const { store, path, assessment } = answered();
    const [, second, third] = historyIds(store, assessment.id);
    store.close();
    tamper(path, `DELETE FROM answer_history WHERE id = ${second}`);
    const audit = auditHistory(openTempStore(path).db, assessment.id);
    expect(audit.breaks).toEqual([expect.objectContaining({ kind: 'link-broken', rowId: third, position: 2 })]);
  });

  it('the newest row deleted is found against the recorded head, even with the answer put back', () => {
    const { store, path, assessment } = answered();
    const ids = historyIds(store, assessment.id);
    store.close();
    tamper(path, `DELETE FROM answer_history WHERE id = ${ids.at(-1)}; UPDATE answers SET answer_json = '{"kind":"number","value":3}' WHERE item_id = 'devices'`);
    const audit = auditHistory(openTempStore(path).db);
    expect(audit.breaks).toEqual([expect.objectContaining({ kind: 'head-mismatch', position: 3 })]);
    expect(audit.answerMismatches).toEqual([]);
  });

  it('a whole assessment’s history deleted is found through its head', () => {
    const { store, path, assessment } = answered();
    store.close();
    tamper(path, 'DELETE FROM answer_history');
    const audit = auditHistory(openTempStore(path).db);
    expect(audit.breaks).toEqual([expect.objectContaining({ kind: 'head-mismatch', chainKey: assessment.id, found: 'no rows' })]);
    expect(audit.answerMismatches).toHaveLength(2);
  });

  it('a row added by hand without its link is found', () => {
    const { store, path, assessment } = answered();
    store.close();
    tamper(
      path,
      `DROP TRIGGER answer_history_must_be_chained;
       INSERT INTO answer_history (assessment_id, item_id, old_answer_json, new_answer_json, channel, at)
       VALUES ('${assessment.id}', 'officer', '{"kind":"done"}', '{"kind":"not_done"}', 'cli', '2026-04-02T00:00:00.000Z')`,
    );
    const audit = auditHistory(openTempStore(path).db);
    expect(audit.breaks).toEqual([expect.objectContaining({ kind: 'unchained', position: 5 })]);
  });

  it('the upgrade chains history written by the previous release, in the order it was written', () => {
    const path = tempDatabasePath();
    const old = openDatabase(path, { migrations: [initialSchema] });
    old.exec(`
      INSERT INTO organizations VALUES ('org_1', 'T1', 'クリニック', '2026-01-01T00:00:00.000Z');
      INSERT INTO facilities VALUES ('fac_1', 'org_1', '本院', 'Asia/Tokyo', '2026-01-01T00:00:00.000Z');
      INSERT INTO people VALUES ('per_1', 'org_1', 'U1', '佐藤', 'ja', 'manager', '2026-01-01T00:00:00.000Z');
      INSERT INTO flow_versions VALUES ('f', 'h', '1', '{}', '2026-01-01T00:00:00.000Z');
      INSERT INTO assessments (id, organization_id, facility_id, respondent_id, flow_id, flow_hash, created_at, updated_at)
        VALUES ('as_1', 'org_1', 'fac_1', 'per_1', 'f', 'h', 'x', 'x'), ('as_2', 'org_1', 'fac_1', 'per_1', 'f', 'h', 'x', 'x');
      INSERT INTO answers VALUES ('as_1', 'a', '{"kind":"done"}', 'per_1', 'slack', 't2'), ('as_2', 'a', '{"kind":"not_done"}', 'per_1', 'slack', 't3');
      INSERT INTO answer_history (assessment_id, item_id, old_answer_json, new_answer_json, person_id, channel, at) VALUES
        ('as_1', 'a', NULL, '{"kind":"not_done"}', 'per_1', 'slack', 't1'),
        ('as_2', 'a', NULL, '{"kind":"not_done"}', 'per_1', 'slack', 't1'),
        ('as_1', 'a', '{"kind":"not_done"}', '{"kind":"done"}', 'per_1', 'slack', 't2');
    `);
    old.close();

    const db = openDatabase(path);
    try {
      expect(auditHistory(db)).toMatchObject({ ok: true, rows: 3, chains: 2 });
      expect(db.prepare(`SELECT assessment_id, chain_seq FROM ${answerHistoryChain.table} ORDER BY id`).all()).toEqual([
        { assessment_id: 'as_1', chain_seq: 1 },
        { assessment_id: 'as_2', chain_seq: 1 },
        { assessment_id: 'as_1', chain_seq: 2 },
      ]);
      // The guard is back after the migration's one update.
      expect(() => db.exec("UPDATE answer_history SET at = 'y'")).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});

describe('any history table joins the chain by describing itself', () => {
  it('chains, verifies and skips a recorded-once conflict without moving the head', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE decisions (id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, round INTEGER NOT NULL, verdict TEXT NOT NULL, at TEXT NOT NULL,
             UNIQUE (case_id, round)) STRICT;`);
    const spec = {
      table: 'decisions',
      chainColumn: 'case_id',
      contentColumns: ['case_id', 'round', 'verdict', 'at'],
      timeColumn: 'at',
      onConflict: 'ON CONFLICT (case_id, round) DO NOTHING',
    };
    db.exec(chainHeadsSchemaSql);
    db.exec(chainSchemaSql(spec));
    const append = (round: number, verdict: string) => db.transaction(() => appendChained(db, spec, { case_id: 'c1', round, verdict, at: `t${round}` }))();
    expect(append(1, 'returned')).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    const second = append(2, 'approved');
    expect(append(2, 'approved again')).toBeUndefined();
    expect(verifyChains(db, spec)).toEqual({ rows: 2, chains: 1, breaks: [] });
    expect(db.prepare("SELECT head_hash FROM history_chain_heads WHERE table_name = 'decisions'").pluck().get()).toBe(second!.rowHash);
    expect(() => appendChained(db, spec, { case_id: 'c1', round: 3, verdict: 'x', at: 't' })).toThrow(/inside a write transaction/);
    db.close();
  });
});

describe('the lifecycle history is chained too', () => {
  it('a 差し戻し comment rewritten afterwards is found in assessment_events', () => {
    const { store, path, assessment, respondent } = answered();
    store.lifecycleEvents.append({ assessmentId: assessment.id, kind: 'submit', fromStatus: 'in_progress', toStatus: 'submitted', revision: 1, personId: respondent.id, channel: 'slack' });
    const returned = store.lifecycleEvents.append({
      assessmentId: assessment.id,
      kind: 'return',
      fromStatus: 'submitted',
      toStatus: 'returned',
      revision: 2,
      personId: respondent.id,
      channel: 'slack',
      comment: '責任者の記載がありません',
    });
    expect(auditHistory(store.db)).toMatchObject({ ok: true, rows: 6, chains: 2 });
    store.close();
    const raw = new Database(path);
    raw.exec(`DROP TRIGGER assessment_events_no_update; UPDATE assessment_events SET comment = '問題ありません' WHERE id = ${returned.id}`);
    raw.close();
    const audit = auditHistory(openTempStore(path).db);
    expect(audit.breaks).toEqual([expect.objectContaining({ table: 'assessment_events', chainKey: assessment.id, kind: 'content-changed', rowId: returned.id, position: 2 })]);
  });
});

describe('the leads’ review decisions are chained too', () => {
  /** Round 1 差し戻し with a flagged item, round 2 承認: what an inspector would later ask about. */
  function reviewed() {
    const { store, path, assessment, respondent, organization } = answered();
    const decide = (round: number, decision: 'approved' | 'returned') =>
      store.reviews.record({
        organizationId: organization.id,
        assessmentId: assessment.id,
        round,
        decision,
        ...(decision === 'returned' ? { comment: '責任者の記載がありません', flags: [{ itemId: 'officer', comment: '氏名を' }] } : {}),
        reviewerId: respondent.id,
        ownSubmission: true,
        channel: 'slack',
      })!;
    const returned = decide(1, 'returned');
    const approved = decide(2, 'approved');
    return { store, path, assessment, returned, approved };
  }

  it('a 差し戻し rewritten afterwards as a 承認 is found at that decision', () => {
    const { store, path, assessment, returned } = reviewed();
    expect(auditHistory(store.db)).toMatchObject({ ok: true });
    store.close();
    const raw = new Database(path);
    raw.exec(`DROP TRIGGER review_decisions_no_update; UPDATE review_decisions SET decision = 'approved', comment = NULL, flags_json = '[]' WHERE id = ${returned.id}`);
    raw.close();
    const audit = auditHistory(openTempStore(path).db);
    expect(audit.ok).toBe(false);
    expect(audit.breaks).toEqual([expect.objectContaining({ table: 'review_decisions', chainKey: assessment.id, kind: 'content-changed', rowId: returned.id, position: 1 })]);
  });

  it('the 差し戻し deleted, leaving only the 承認, is found at the decision after it', () => {
    const { store, path, assessment, approved } = reviewed();
    store.close();
    const raw = new Database(path);
    raw.exec(`DROP TRIGGER review_decisions_no_delete; DELETE FROM review_decisions WHERE round = 1`);
    raw.close();
    const audit = auditHistory(openTempStore(path).db);
    expect(audit.ok).toBe(false);
    expect(audit.breaks).toEqual([expect.objectContaining({ table: 'review_decisions', chainKey: assessment.id, rowId: approved.id })]);
  });
});
