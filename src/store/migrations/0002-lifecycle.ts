// The lifecycle's history: every status transition (pause, resume, 提出, 承認, 差し戻し, reopen, 再提出) and
// every follow-up of a 実施予定 item after 提出 (done on a date, or a new 実施時期 with its reason), with who,
// when, through which channel and, for review decisions, the comment. Append-only like answer_history.
// Assessments submitted before this migration get their 提出 recorded from submitted_at (channel 'system':
// the channel was not kept then).
import type { Migration } from './migration.ts';

const sql = `
CREATE TABLE assessment_events (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  assessment_id TEXT NOT NULL REFERENCES assessments (id),
  kind          TEXT NOT NULL CHECK (kind IN ('resume', 'pause', 'reopen', 'submit', 'resubmit', 'approve', 'return',
                                              'followup.done', 'followup.reschedule')),
  from_status   TEXT NOT NULL,
  to_status     TEXT NOT NULL,
  revision      INTEGER NOT NULL,
  person_id     TEXT REFERENCES people (id),
  channel       TEXT NOT NULL CHECK (channel IN ('terminal', 'slack', 'system', 'cli')),
  item_id       TEXT,
  comment       TEXT,
  detail_json   TEXT CHECK (detail_json IS NULL OR json_valid(detail_json)),
  at            TEXT NOT NULL
) STRICT;

CREATE INDEX assessment_events_by_assessment ON assessment_events (assessment_id, id);
CREATE INDEX assessment_events_by_item ON assessment_events (assessment_id, item_id, id);

CREATE TRIGGER assessment_events_no_update BEFORE UPDATE ON assessment_events
BEGIN
  SELECT RAISE(ABORT, 'assessment_events is append-only: rows cannot be updated');
END;

CREATE TRIGGER assessment_events_no_delete BEFORE DELETE ON assessment_events
BEGIN
  SELECT RAISE(ABORT, 'assessment_events is append-only: rows cannot be deleted');
END;

INSERT INTO assessment_events (assessment_id, kind, from_status, to_status, revision, person_id, channel, detail_json, at)
SELECT id, 'submit', 'in_progress', 'submitted', revision, respondent_id, 'system', '{"recordedBy":"migration 0002"}', submitted_at
FROM assessments WHERE submitted_at IS NOT NULL;
`;

export const lifecycle: Migration = {
  version: 2,
  name: 'lifecycle',
  up: (db) => db.exec(sql),
};
