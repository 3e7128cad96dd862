// Tamper evidence for an append-only history table: every row carries its place in its chain
// (chain_seq), the previous row's hash (prev_hash) and SHA-256 over its own content plus prev_hash
// (row_hash). A chain is one assessment's rows of one table; history_chain_heads keeps each chain's
// newest hash and length, so losing rows at the end shows too. Any history table joins by describing
// itself as a ChainedTable (see chained-tables.ts) and appending through `appendChained`.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** A history table whose rows are chained: which column names the chain, which columns are hashed. */
export interface ChainedTable {
  table: string;
  /** The column whose value names the chain (one chain per value): the assessment id. */
  chainColumn: string;
  /** Every column that says what happened, in a fixed order; changing it changes every hash. */
  contentColumns: readonly string[];
  /** The column holding when the row was written (ISO 8601), for reports of where a hash was found. */
  timeColumn: string;
  /** An upsert clause for tables that record once (e.g. `ON CONFLICT (assessment_id, round) DO NOTHING`). */
  onConflict?: string;
}

/** The hash before the first row of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Part of every hashed text, so a future hash format can live beside this one. */
const HASH_FORMAT = 'kakunin-chain-v1';

export type ChainValue = string | number | bigint | null;

export interface ChainLink {
  /** The inserted row's rowid (its INTEGER PRIMARY KEY). */
  rowId: number;
  seq: number;
  prevHash: string;
  rowHash: string;
}

export function rowHash(spec: ChainedTable, chainKey: string, seq: number, prevHash: string, content: readonly ChainValue[]): string {
  // JSON of a fixed-order array is canonical: strings escape one way, numbers print one way.
  const text = JSON.stringify([HASH_FORMAT, spec.table, chainKey, seq, prevHash, content.map((v) => (typeof v === 'bigint' ? v.toString() : v))]);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SQL that adds the chain columns, the heads table and the guards to a history table (for migrations). */
export function chainSchemaSql(spec: ChainedTable): string {
  const t = spec.table;
  return `
ALTER TABLE ${t} ADD COLUMN chain_seq INTEGER;
ALTER TABLE ${t} ADD COLUMN prev_hash TEXT;
ALTER TABLE ${t} ADD COLUMN row_hash TEXT;
CREATE UNIQUE INDEX ${t}_chain ON ${t} (${spec.chainColumn}, chain_seq);
-- A row written without its link (an older build, a hand-written INSERT) would end the evidence.
CREATE TRIGGER ${t}_must_be_chained BEFORE INSERT ON ${t}
WHEN NEW.row_hash IS NULL OR NEW.prev_hash IS NULL OR NEW.chain_seq IS NULL
BEGIN
  SELECT RAISE(ABORT, '${t} rows must be appended through the hash chain (row_hash, prev_hash, chain_seq)');
END;`;
}

/** The table of chain heads and its guards; created once, shared by every chained table. */
export const chainHeadsSchemaSql = `
CREATE TABLE IF NOT EXISTS history_chain_heads (
  table_name TEXT NOT NULL,
  chain_key  TEXT NOT NULL,
  head_hash  TEXT NOT NULL CHECK (length(head_hash) = 64),
  length     INTEGER NOT NULL CHECK (length > 0),
  PRIMARY KEY (table_name, chain_key)
) STRICT;

CREATE TRIGGER IF NOT EXISTS history_chain_heads_no_delete BEFORE DELETE ON history_chain_heads
BEGIN
  SELECT RAISE(ABORT, 'history_chain_heads is append-only: a chain head cannot be deleted');
END;

-- A head only ever moves forward by one row; rewinding it would hide deleted rows.
CREATE TRIGGER IF NOT EXISTS history_chain_heads_forward_only BEFORE UPDATE ON history_chain_heads
WHEN NEW.length != OLD.length + 1 OR NEW.table_name != OLD.table_name OR NEW.chain_key != OLD.chain_key
BEGIN
  SELECT RAISE(ABORT, 'history_chain_heads only moves forward one row at a time');
END;`;

export interface ChainHead {
  hash: string;
  length: number;
}

export function chainHead(db: Database.Database, spec: ChainedTable, chainKey: string): ChainHead | undefined {
  return statements(db, spec).head.get(spec.table, chainKey);
}

interface Statements {
  head: Database.Statement<[string, string], ChainHead>;
  insert: Database.Statement<unknown[]>;
  moveHead: Database.Statement<[string, string, string, number]>;
}

// Prepared once per connection and table: appends sit on the answer path.
const prepared = new WeakMap<Database.Database, Map<string, Statements>>();

function statements(db: Database.Database, spec: ChainedTable): Statements {
  let byTable = prepared.get(db);
  if (!byTable) prepared.set(db, (byTable = new Map()));
  let s = byTable.get(spec.table);
  if (!s) {
    const columns = [...spec.contentColumns, 'chain_seq', 'prev_hash', 'row_hash'];
    s = {
      head: db.prepare('SELECT head_hash AS hash, length FROM history_chain_heads WHERE table_name = ? AND chain_key = ?'),
      insert: db.prepare(
        `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ${spec.onConflict ?? ''}`,
      ),
      moveHead: db.prepare(
        `INSERT INTO history_chain_heads (table_name, chain_key, head_hash, length) VALUES (?, ?, ?, ?)
         ON CONFLICT (table_name, chain_key) DO UPDATE SET head_hash = excluded.head_hash, length = excluded.length`,
      ),
    };
    byTable.set(spec.table, s);
  }
  return s;
}

/**
 * Appends one row to its chain: takes the chain's head, hashes the content after it, inserts the row
 * and moves the head. Must run inside the caller's write transaction, so no other writer can append
 * to the same chain in between. Undefined when the table's `onConflict` clause skipped the row.
 */
export function appendChained(db: Database.Database, spec: ChainedTable, row: Record<string, ChainValue>): ChainLink | undefined {
  if (!db.inTransaction) throw new Error(`appendChained(${spec.table}) must run inside a write transaction`);
  const chainKey = row[spec.chainColumn];
  if (typeof chainKey !== 'string') throw new Error(`${spec.table}.${spec.chainColumn} must be a string to name a chain`);
  const s = statements(db, spec);
  const head = s.head.get(spec.table, chainKey);
  const seq = (head?.length ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const content = spec.contentColumns.map((c) => row[c] ?? null);
  const hash = rowHash(spec, chainKey, seq, prevHash, content);
  const { changes, lastInsertRowid } = s.insert.run(...content, seq, prevHash, hash);
  if (changes === 0) return undefined;
  s.moveHead.run(spec.table, chainKey, hash, seq);
  return { rowId: Number(lastInsertRowid), seq, prevHash, rowHash: hash };
}

/**
 * For a migration: adds the chain columns and guards to `spec.table` and chains the rows it already has.
 * The table's own BEFORE UPDATE guards (append-only triggers) are dropped for that one update and
 * recreated from their stored SQL, unchanged.
 */
export function chainTable(db: Database.Database, spec: ChainedTable): number {
  db.exec(chainHeadsSchemaSql);
  db.exec(chainSchemaSql(spec));
  const guards = db
    .prepare<[string], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE '%BEFORE UPDATE%'",
    )
    .all(spec.table);
  for (const g of guards) db.exec(`DROP TRIGGER "${g.name}"`);
  const chained = chainExistingRows(db, spec);
  for (const g of guards) db.exec(g.sql);
  return chained;
}

/** Chains rows written before the table was chained, oldest first (by rowid) within each chain. */
export function chainExistingRows(db: Database.Database, spec: ChainedTable): number {
  const rows = db
    .prepare(`SELECT rowid AS rid, ${[spec.chainColumn, ...spec.contentColumns].join(', ')} FROM ${spec.table} WHERE row_hash IS NULL ORDER BY rowid`)
    .safeIntegers(false)
    .all() as Record<string, ChainValue>[];
  const update = db.prepare(`UPDATE ${spec.table} SET chain_seq = ?, prev_hash = ?, row_hash = ? WHERE rowid = ?`);
  const heads = new Map<string, ChainHead>();
  for (const row of rows) {
    const chainKey = String(row[spec.chainColumn]);
    const head = heads.get(chainKey) ?? chainHead(db, spec, chainKey);
    const seq = (head?.length ?? 0) + 1;
    const prevHash = head?.hash ?? GENESIS_HASH;
    const hash = rowHash(spec, chainKey, seq, prevHash, spec.contentColumns.map((c) => row[c] ?? null));
    update.run(seq, prevHash, hash, row.rid);
    heads.set(chainKey, { hash, length: seq });
  }
  for (const [chainKey, head] of heads) {
    const before = chainHead(db, spec, chainKey);
    if (before) throw new Error(`${spec.table} chain ${chainKey} already has a head; existing rows are chained only once`);
    db.prepare('INSERT INTO history_chain_heads (table_name, chain_key, head_hash, length) VALUES (?, ?, ?, ?)').run(
      spec.table,
      chainKey,
      head.hash,
      head.length,
    );
  }
  return rows.length;
}
