// Re-assessment: an assessment can follow the previous cycle's submission of the same flow at the same
// facility, either carrying its answers over (each still to be confirmed) or started blank (compared
// with it all the same). Confirming a carried answer writes it to `answers` like any answer; this table
// says how it was confirmed — one item at a time, or a section at once after its items were listed.
import type { Migration } from './migration.ts';

const sql = `
CREATE TABLE reassessments (
  assessment_id          TEXT PRIMARY KEY REFERENCES assessments (id),
  previous_assessment_id TEXT NOT NULL REFERENCES assessments (id),
  -- carried: last cycle's answers are offered item by item; blank: only compared with at the end.
  start_mode             TEXT NOT NULL CHECK (start_mode IN ('carried', 'blank')),
  created_at             TEXT NOT NULL,
  CHECK (previous_assessment_id <> assessment_id)
) STRICT;

CREATE INDEX reassessments_by_previous ON reassessments (previous_assessment_id);

CREATE TABLE item_confirmations (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  assessment_id TEXT NOT NULL REFERENCES reassessments (assessment_id),
  item_id       TEXT NOT NULL,
  -- item: 変更なし on the item itself; section: この分野はすべて変更なし after the section's list.
  via           TEXT NOT NULL CHECK (via IN ('item', 'section')),
  section_id    TEXT,
  person_id     TEXT NOT NULL REFERENCES people (id),
  channel       TEXT NOT NULL CHECK (channel IN ('terminal', 'slack', 'system', 'cli')),
  at            TEXT NOT NULL,
  CHECK ((via = 'section') = (section_id IS NOT NULL))
) STRICT;

CREATE INDEX item_confirmations_by_item ON item_confirmations (assessment_id, item_id, id);

-- Who confirmed what is part of the audit trail, like answer_history.
CREATE TRIGGER item_confirmations_no_update BEFORE UPDATE ON item_confirmations
BEGIN
  SELECT RAISE(ABORT, 'item_confirmations is append-only: rows cannot be updated');
END;

CREATE TRIGGER item_confirmations_no_delete BEFORE DELETE ON item_confirmations
BEGIN
  SELECT RAISE(ABORT, 'item_confirmations is append-only: rows cannot be deleted');
END;
`;

export const reassessments: Migration = {
  version: 7,
  name: 'reassessments',
  up: (db) => db.exec(sql),
};
