// The first schema: organizations (Slack teams) own everything else, directly or through an
// assessment. Composite foreign keys on (organization_id, id) make the database itself refuse an
// assessment whose facility or respondent belongs to another organization.
import type { Migration } from './migration.ts';

const sql = `
CREATE TABLE organizations (
  id            TEXT PRIMARY KEY,
  slack_team_id TEXT UNIQUE,
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE facilities (
  id              TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
  time_zone       TEXT NOT NULL DEFAULT 'Asia/Tokyo',
  created_at      TEXT NOT NULL,
  UNIQUE (organization_id, name),
  UNIQUE (organization_id, id)
) STRICT;

CREATE TABLE people (
  id              TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  slack_user_id   TEXT,
  display_name    TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
  locale          TEXT NOT NULL DEFAULT 'ja' CHECK (locale IN ('ja', 'en')),
  role            TEXT NOT NULL DEFAULT 'lead' CHECK (role IN ('manager', 'lead')),
  created_at      TEXT NOT NULL,
  UNIQUE (organization_id, slack_user_id),
  UNIQUE (organization_id, id)
) STRICT;

-- Terminal users have no Slack id; their display name is what identifies them within the organization.
CREATE UNIQUE INDEX people_local_by_name ON people (organization_id, display_name) WHERE slack_user_id IS NULL;

CREATE TABLE flow_versions (
  flow_id         TEXT NOT NULL,
  flow_hash       TEXT NOT NULL,
  version         TEXT NOT NULL,
  definition_json TEXT NOT NULL CONSTRAINT flow_definition_is_json CHECK (json_valid(definition_json)),
  created_at      TEXT NOT NULL,
  PRIMARY KEY (flow_id, flow_hash)
) STRICT;

CREATE TABLE assessments (
  id                   TEXT PRIMARY KEY,
  organization_id      TEXT NOT NULL REFERENCES organizations (id),
  facility_id          TEXT NOT NULL,
  respondent_id        TEXT NOT NULL,
  flow_id              TEXT NOT NULL,
  flow_hash            TEXT NOT NULL,
  status               TEXT NOT NULL DEFAULT 'in_progress'
                       CHECK (status IN ('in_progress', 'paused', 'submitted', 'approved', 'returned')),
  revision             INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
  engine_snapshot_json TEXT CONSTRAINT engine_snapshot_is_json
                       CHECK (engine_snapshot_json IS NULL OR json_valid(engine_snapshot_json)),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  submitted_at         TEXT,
  reviewed_by          TEXT,
  reviewed_at          TEXT,
  review_comment       TEXT,
  FOREIGN KEY (organization_id, facility_id) REFERENCES facilities (organization_id, id),
  FOREIGN KEY (organization_id, respondent_id) REFERENCES people (organization_id, id),
  FOREIGN KEY (organization_id, reviewed_by) REFERENCES people (organization_id, id),
  FOREIGN KEY (flow_id, flow_hash) REFERENCES flow_versions (flow_id, flow_hash)
) STRICT;

CREATE INDEX assessments_by_respondent ON assessments (organization_id, respondent_id, status);
CREATE INDEX assessments_by_facility ON assessments (organization_id, facility_id);

CREATE TABLE answers (
  assessment_id TEXT NOT NULL REFERENCES assessments (id),
  item_id       TEXT NOT NULL,
  answer_json   TEXT NOT NULL CONSTRAINT answer_is_json CHECK (json_valid(answer_json)),
  answered_by   TEXT REFERENCES people (id),
  channel       TEXT NOT NULL CHECK (channel IN ('terminal', 'slack', 'system', 'cli')),
  answered_at   TEXT NOT NULL,
  PRIMARY KEY (assessment_id, item_id)
) STRICT;

CREATE TABLE answer_history (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  assessment_id   TEXT NOT NULL REFERENCES assessments (id),
  item_id         TEXT NOT NULL,
  old_answer_json TEXT CHECK (old_answer_json IS NULL OR json_valid(old_answer_json)),
  new_answer_json TEXT CHECK (new_answer_json IS NULL OR json_valid(new_answer_json)),
  person_id       TEXT REFERENCES people (id),
  channel         TEXT NOT NULL CHECK (channel IN ('terminal', 'slack', 'system', 'cli')),
  at              TEXT NOT NULL,
  CHECK (old_answer_json IS NOT NULL OR new_answer_json IS NOT NULL)
) STRICT;

CREATE INDEX answer_history_by_item ON answer_history (assessment_id, item_id, id);

-- The history is the audit trail of who answered what, so the database refuses to rewrite it.
CREATE TRIGGER answer_history_no_update BEFORE UPDATE ON answer_history
BEGIN
  SELECT RAISE(ABORT, 'answer_history is append-only: rows cannot be updated');
END;

CREATE TRIGGER answer_history_no_delete BEFORE DELETE ON answer_history
BEGIN
  SELECT RAISE(ABORT, 'answer_history is append-only: rows cannot be deleted');
END;

CREATE TABLE processed_events (
  source    TEXT NOT NULL,
  event_key TEXT NOT NULL,
  at        TEXT NOT NULL,
  PRIMARY KEY (source, event_key)
) STRICT;

CREATE INDEX processed_events_by_time ON processed_events (at);
`;

export const initialSchema: Migration = {
  version: 1,
  name: 'initial-schema',
  up: (db) => db.exec(sql),
};
