// Walks hash chains (see hash-chain.ts) and finds, per chain, the first row that no longer matches what
// was written: a changed row, a deleted row, a row written outside the chain, or a missing end.
import type Database from 'better-sqlite3';
import { GENESIS_HASH, rowHash, type ChainedTable, type ChainHead, type ChainValue } from './hash-chain.ts';

export type ChainBreakKind =
  /** The row's content no longer hashes to its row_hash: it was edited after it was written. */
  | 'content-changed'
  /** prev_hash does not name the row before it: a row before it was deleted or rewritten. */
  | 'link-broken'
  /** The row has no chain columns: written around the app (triggers dropped). */
  | 'unchained'
  /** The chain ends before (or after) the recorded head: rows at the end were deleted (or added by hand). */
  | 'head-mismatch';

export interface ChainBreak {
  table: string;
  chainKey: string;
  kind: ChainBreakKind;
  /** The table's rowid of the first bad row, when there is one. */
  rowId?: number;
  /** Its place in the chain (1-based) as the walk counted it. */
  position: number;
  /** What was expected and what was found, in hashes and counts. */
  expected: string;
  found: string;
}

export interface ChainVerification {
  /** Rows walked. */
  rows: number;
  chains: number;
  /** The first break of each broken chain, in table and chain order. */
  breaks: ChainBreak[];
}

interface Row {
  rid: number;
  key: string;
  seq: number | null;
  prev: string | null;
  hash: string | null;
  content: ChainValue[];
}

export function verifyChains(db: Database.Database, spec: ChainedTable, chainKey?: string): ChainVerification {
  const where = chainKey === undefined ? '' : `WHERE ${spec.chainColumn} = @chainKey`;
  const select = db.prepare(
    `SELECT rowid AS rid, ${spec.chainColumn} AS chain_key, chain_seq, prev_hash, row_hash, ${spec.contentColumns.join(', ')}
     FROM ${spec.table} ${where} ORDER BY ${spec.chainColumn}, rowid`,
  );
  const heads = new Map<string, ChainHead>(
    (
      db
        .prepare(
          `SELECT chain_key AS key, head_hash AS hash, length FROM history_chain_heads WHERE table_name = @table ${chainKey === undefined ? '' : 'AND chain_key = @chainKey'}`,
        )
        .all({ table: spec.table, ...(chainKey === undefined ? {} : { chainKey }) }) as { key: string; hash: string; length: number }[]
    ).map((h) => [h.key, { hash: h.hash, length: h.length }]),
  );

  const breaks: ChainBreak[] = [];
  let rows = 0;
  let chains = 0;
  let current: { key: string; prev: string; position: number; broken: boolean } | undefined;
  const finish = () => {
    if (!current) return;
    chains++;
    const head = heads.get(current.key);
    heads.delete(current.key);
    if (current.broken) return;
    const length = current.position;
    if (!head || head.hash !== current.prev || head.length !== length)
      breaks.push({
        table: spec.table,
        chainKey: current.key,
        kind: 'head-mismatch',
        position: length,
        expected: head ? `${head.length} rows ending in ${head.hash}` : 'a recorded head',
        found: `${length} rows ending in ${current.prev}`,
      });
  };

  for (const raw of select.iterate(chainKey === undefined ? {} : { chainKey }) as Iterable<Record<string, ChainValue>>) {
    rows++;
    const row: Row = {
      rid: Number(raw.rid),
      key: String(raw.chain_key),
      seq: raw.chain_seq === null ? null : Number(raw.chain_seq),
      prev: raw.prev_hash as string | null,
      hash: raw.row_hash as string | null,
      content: spec.contentColumns.map((c) => raw[c] ?? null),
    };
    if (current?.key !== row.key) {
      finish();
      current = { key: row.key, prev: GENESIS_HASH, position: 0, broken: false };
    }
    current.position++;
    if (current.broken) continue;
    const problem = check(spec, row, current.prev, current.position);
    if (problem) {
      current.broken = true;
      breaks.push({ table: spec.table, chainKey: row.key, rowId: row.rid, position: current.position, ...problem });
      continue;
    }
    current.prev = row.hash!;
  }
  finish();
  // Heads with no rows left: the whole chain was deleted.
  for (const [key, head] of heads) {
    chains++;
    breaks.push({ table: spec.table, chainKey: key, kind: 'head-mismatch', position: 0, expected: `${head.length} rows ending in ${head.hash}`, found: 'no rows' });
  }
  return { rows, chains, breaks };
}

function check(spec: ChainedTable, row: Row, expectedPrev: string, position: number): Omit<ChainBreak, 'table' | 'chainKey' | 'rowId' | 'position'> | undefined {
  if (row.hash === null || row.prev === null || row.seq === null)
    return { kind: 'unchained', expected: 'row_hash, prev_hash and chain_seq', found: 'a row without them' };
  if (row.prev !== expectedPrev || row.seq !== position)
    return { kind: 'link-broken', expected: `row ${position} after ${expectedPrev}`, found: `row ${row.seq} after ${row.prev}` };
  const actual = rowHash(spec, row.key, row.seq, row.prev, row.content);
  if (actual !== row.hash) return { kind: 'content-changed', expected: row.hash, found: actual };
  return undefined;
}
