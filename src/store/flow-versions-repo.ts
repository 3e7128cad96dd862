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

  // A definition never changes under its hash, so each (id, hash) is read and validated once per process
  // and the same object is handed out after that (which also keeps per-flow caches such as itemRefs warm).
  const validated = new Map<string, Flow>();
  const keyOf = (flowId: string, hash: string) => `${flowId}\u0000${hash}`;

  return {
    /** Stores the definition once; saving the same flow again is a no-op. */
    save(flow: Flow): void {
      const key = keyOf(flow.id, flow.hash);
      if (validated.get(key) === flow) return;
      const { hash, ...file } = flow;
      // The hash is the version's identity: refuse one that does not describe this definition.
      const actual = hashFlowFile(file);
      if (actual !== hash) throw new FlowHashMismatchError(flow.id, hash, actual);
      insert.run(flow.id, hash, file.version, JSON.stringify(file), isoNow(clock));
      validated.set(key, flow);
    },

    /**
     * The stored definition, validated again. The hash is the stored one rather than recomputed: a later
     * schema default could change the recomputed value, but the version is still the one that was saved.
     */
    get(flowId: string, hash: string): Flow {
      const cached = validated.get(keyOf(flowId, hash));
      if (cached) return cached;
      const key = { flowId, hash };
      const row = byKey.get(flowId, hash);
      if (row === undefined)
        throw new NotFoundError('flow version', key, 'Save the flow with flowVersions.save(flow) before using it.');
      const { definitionJson } = readStored(definitionRowSchema, row, { table: 'flow_versions', key });
      const flow = { ...readStoredJson(flowFileSchema, definitionJson, { table: 'flow_versions', key }), hash };
      validated.set(keyOf(flowId, hash), flow);
      return flow;
    },
  };
}
