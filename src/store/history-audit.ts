// The audit of the database's history: every chained table's chains (see chain-verify.ts), plus the
// answers as they stand now replayed against answer_history, which names the item and the values
// that differ when a row was changed. Also finds which chain row a printed head hash names.
import type Database from 'better-sqlite3';
import { answerHistoryChain, chainedTables } from './chained-tables.ts';
import { verifyChains, type ChainBreak } from './chain-verify.ts';
import { GENESIS_HASH } from './hash-chain.ts';

/** The current answer of an item is not what its history ends with. */
export interface AnswerMismatch {
  assessmentId: string;
  itemId: string;
  /** new_answer_json of the item's last history row (null: cleared or never answered). */
  history: string | null;
  /** answer_json in answers (null: no row). */
  current: string | null;
}

export interface HistoryAudit {
  rows: number;
  chains: number;
  breaks: ChainBreak[];
  answerMismatches: AnswerMismatch[];
  ok: boolean;
}

export function auditHistory(db: Database.Database, assessmentId?: string): HistoryAudit {
  let rows = 0;
  let chains = 0;
  const breaks: ChainBreak[] = [];
  const read = db.transaction(() => {
    for (const spec of chainedTables) {
      const result = verifyChains(db, spec, assessmentId);
      rows += result.rows;
      chains += result.chains;
      breaks.push(...result.breaks);
    }
    return replayAnswers(db, assessmentId);
  });
  // One read transaction: a consistent picture even while the app appends.
  const answerMismatches = read.deferred();
  return { rows, chains, breaks, answerMismatches, ok: breaks.length === 0 && answerMismatches.length === 0 };
}

function replayAnswers(db: Database.Database, assessmentId?: string): AnswerMismatch[] {
  const filter = assessmentId === undefined ? '' : 'WHERE assessment_id = @assessmentId';
  const params = assessmentId === undefined ? {} : { assessmentId };
  // Rows without their link are reported by the chain walk; the replay uses what is there.
  const last = new Map<string, string | null>();
  for (const r of db
    .prepare(`SELECT assessment_id AS a, item_id AS i, new_answer_json AS v FROM answer_history ${filter} ORDER BY assessment_id, id`)
    .iterate(params) as Iterable<{ a: string; i: string; v: string | null }>)
    last.set(JSON.stringify([r.a, r.i]), r.v);
  const current = new Map<string, string>();
  for (const r of db.prepare(`SELECT assessment_id AS a, item_id AS i, answer_json AS v FROM answers ${filter}`).iterate(params) as Iterable<{
    a: string;
    i: string;
    v: string;
  }>)
    current.set(JSON.stringify([r.a, r.i]), r.v);

  const mismatches: AnswerMismatch[] = [];
  for (const key of new Set([...last.keys(), ...current.keys()])) {
    const h = last.get(key) ?? null;
    const c = current.get(key) ?? null;
    if (h === c) continue;
    const [a, i] = JSON.parse(key) as [string, string];
    mismatches.push({ assessmentId: a, itemId: i, history: h, current: c });
  }
  return mismatches.sort((x, y) => x.assessmentId.localeCompare(y.assessmentId) || x.itemId.localeCompare(y.itemId));
}

/** The head hash of an assessment's answer history: what its report carries. */
export function answerHistoryHead(db: Database.Database, assessmentId: string): string {
  const head = db
    .prepare<[string, string], string>('SELECT head_hash FROM history_chain_heads WHERE table_name = ? AND chain_key = ?')
    .pluck()
    .get(answerHistoryChain.table, assessmentId);
  return head ?? GENESIS_HASH;
}

export interface HashLocation {
  table: string;
  assessmentId: string;
  /** The row's place in its chain (1-based) and the chain's length now. */
  position: number;
  length: number;
  at: string;
}

/** Where a head hash (or at least its first 16 hex digits, as a PDF footer prints it) was recorded. */
export function locateHash(db: Database.Database, hashOrPrefix: string): HashLocation[] {
  const prefix = hashOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f]{16,64}$/.test(prefix)) return [];
  const found: HashLocation[] = [];
  for (const spec of chainedTables) {
    const rows = db
      .prepare(
        `SELECT t.${spec.chainColumn} AS assessmentId, t.chain_seq AS position, t.${spec.timeColumn} AS at, h.length AS length
         FROM ${spec.table} t JOIN history_chain_heads h ON h.table_name = @table AND h.chain_key = t.${spec.chainColumn}
         WHERE substr(t.row_hash, 1, @n) = @prefix`,
      )
      .all({ table: spec.table, n: prefix.length, prefix }) as Omit<HashLocation, 'table'>[];
    found.push(...rows.map((r) => ({ table: spec.table, ...r })));
  }
  return found;
}
