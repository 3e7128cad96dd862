// The exact flow definition each assessment started with, keyed by (flow id, content hash), so an
// assessment keeps asking the same questions after flows/*.yaml is edited.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { hashFlowFile, type Flow } from '../flow/model.ts';
import { flowFileSchema } from '../flow/schema.ts';
import { isoNow, type Clock } from './clock.ts';
import { FlowHashMismatchError, NotFoundError } from './errors.ts';
import { readStored, readStoredJson } from './stored-record.ts';

const definitionRowSchema = z.object({ definitionJson: z.string() });

export type FlowVersionsRepo = ReturnType<typeof createFlowVersionsRepo>;

export function createFlowVersionsRepo(db: Database.Database, clock: Clock) {
  const insert = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO flow_versions (flow_id, flow_hash, version, definition_json, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (flow_id, flow_hash) DO NOTHING`,
  );
  const byKey = db.prepare<[string, string]>(
    'SELECT definition_json AS definitionJson FROM flow_versions WHERE flow_id = ? AND flow_hash = ?',
  );

  // A definition never changes under its hash, so each (id, hash) is parsed and validated once per process
  // and the same object is handed out after that (which also keeps per-flow caches such as itemRefs warm).
  // `save`, which is rare, asks SQLite whether the row holds exactly the text that was validated (compared
  // inside SQLite, nothing read out). `get` sits on every turn and asks only whether the row is still there
  // with the same size (octet_length comes from the record header, the 48 KB text is not read out): a row
  // deleted, or rewritten by hand to another size, is read and refused afresh.
  const validated = new Map<string, { flow: Flow; json: Buffer }>();
  const keyOf = (flowId: string, hash: string) => `${flowId}\u0000${hash}`;
  const unchanged = db
    .prepare<[string, string, Buffer]>('SELECT 1 FROM flow_versions WHERE flow_id = ? AND flow_hash = ? AND CAST(definition_json AS BLOB) = ?')
    .pluck();
  // Bound as bytes: binding the 48 KB text converts it to UTF-8 on every call, bytes are handed over as they are.
  const stillStored = (flowId: string, hash: string, json: Buffer) => unchanged.get(flowId, hash, json) !== undefined;
  const storedSize = db
    .prepare<[string, string]>('SELECT octet_length(definition_json) FROM flow_versions WHERE flow_id = ? AND flow_hash = ?')
    .pluck();

  return {
    /** Stores the definition once; saving the same flow again is a no-op. */
    save(flow: Flow): void {
      const cached = validated.get(keyOf(flow.id, flow.hash));
      if (cached?.flow === flow && stillStored(flow.id, flow.hash, cached.json)) return;
      const { hash, ...file } = flow;
      // The hash is the version's identity: refuse one that does not describe this definition.
      const actual = hashFlowFile(file);
      if (actual !== hash) throw new FlowHashMismatchError(flow.id, hash, actual);
      const json = JSON.stringify(file);
      insert.run(flow.id, hash, file.version, json, isoNow(clock));
      // Cached only when the row holds this very text (an older row for the hash is validated on first get).
      const bytes = Buffer.from(json, 'utf8');
      if (stillStored(flow.id, hash, bytes)) validated.set(keyOf(flow.id, hash), { flow, json: bytes });
    },

    /**
     * The stored definition, validated on its first read in this process (and again when the row's size
     * changed). The hash is the stored one rather than recomputed: a later schema default could change the
     * recomputed value, but the version is still the one that was saved.
     */
    get(flowId: string, hash: string): Flow {
      const cached = validated.get(keyOf(flowId, hash));
      if (cached && storedSize.get(flowId, hash) === cached.json.length) return cached.flow;
      validated.delete(keyOf(flowId, hash));
      const key = { flowId, hash };
      const row = byKey.get(flowId, hash);
      if (row === undefined)
        throw new NotFoundError('flow version', key, 'Save the flow with flowVersions.save(flow) before using it.');
      const { definitionJson } = readStored(definitionRowSchema, row, { table: 'flow_versions', key });
      const flow = { ...readStoredJson(flowFileSchema, definitionJson, { table: 'flow_versions', key }), hash };
      validated.set(keyOf(flowId, hash), { flow, json: Buffer.from(definitionJson, 'utf8') });
      return flow;
    },
  };
}
