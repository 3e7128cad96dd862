// Compliance leads, several facilities (拠点) per organization and the review of submitted assessments.
// Before this step a workspace was one facility and every person was stored as role 'lead' (which then
// meant "fills in"); from now on 'manager' answers for the facilities assigned to them and 'lead' manages
// facilities and reviews. Existing installations are carried over: everyone becomes a manager of the
// facilities they already answered for (of the only facility, when there is one), and the workspace's
// owners and admins are made leads by the app on its first start after the upgrade (leads_seeded_at).
import type { Migration } from './migration.ts';

const sql = `
ALTER TABLE organizations ADD COLUMN leads_seeded_at TEXT;
ALTER TABLE organizations ADD COLUMN review_channel_id TEXT;

-- Archived, never deleted: assessments keep pointing at their facility.
ALTER TABLE facilities ADD COLUMN archived_at TEXT;

UPDATE people SET role = 'manager';

CREATE TABLE facility_managers (
  organization_id TEXT NOT NULL,
  facility_id     TEXT NOT NULL,
  person_id       TEXT NOT NULL,
  assigned_at     TEXT NOT NULL,
  PRIMARY KEY (facility_id, person_id),
  FOREIGN KEY (organization_id, facility_id) REFERENCES facilities (organization_id, id),
  FOREIGN KEY (organization_id, person_id) REFERENCES people (organization_id, id)
) STRICT;

CREATE INDEX facility_managers_by_person ON facility_managers (organization_id, person_id);

-- Who already answered where keeps answering there.
INSERT OR IGNORE INTO facility_managers (organization_id, facility_id, person_id, assigned_at)
  SELECT DISTINCT organization_id, facility_id, respondent_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM assessments;

-- A one-facility organization (the workspace's facility): all its people answer for it, as before.
INSERT OR IGNORE INTO facility_managers (organization_id, facility_id, person_id, assigned_at)
  SELECT p.organization_id, f.id, p.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM people p JOIN facilities f ON f.organization_id = p.organization_id
  WHERE (SELECT count(*) FROM facilities g WHERE g.organization_id = p.organization_id) = 1;

-- One row per review decision; (assessment, round) is unique, so a double-clicked 承認 records once.
CREATE TABLE review_decisions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  organization_id TEXT NOT NULL,
  assessment_id   TEXT NOT NULL REFERENCES assessments (id),
  round           INTEGER NOT NULL CHECK (round >= 1),
  decision        TEXT NOT NULL CHECK (decision IN ('approved', 'returned')),
  comment         TEXT,
  flags_json      TEXT NOT NULL DEFAULT '[]' CONSTRAINT review_flags_are_json CHECK (json_valid(flags_json)),
  reviewer_id     TEXT NOT NULL,
  -- The reviewer approved their own submission because they were the only lead.
  own_submission  INTEGER NOT NULL DEFAULT 0 CHECK (own_submission IN (0, 1)),
  -- 差し戻し: the answers as the reviewer saw them, so round n+1 shows what changed since (before → after).
  answers_json    TEXT CONSTRAINT review_answers_are_json CHECK (answers_json IS NULL OR json_valid(answers_json)),
  channel         TEXT NOT NULL CHECK (channel IN ('terminal', 'slack', 'system', 'cli')),
  at              TEXT NOT NULL,
  UNIQUE (assessment_id, round),
  FOREIGN KEY (organization_id, reviewer_id) REFERENCES people (organization_id, id)
) STRICT;

CREATE TRIGGER review_decisions_no_update BEFORE UPDATE ON review_decisions
BEGIN
  SELECT RAISE(ABORT, 'review_decisions is append-only: rows cannot be updated');
END;

CREATE TRIGGER review_decisions_no_delete BEFORE DELETE ON review_decisions
BEGIN
  SELECT RAISE(ABORT, 'review_decisions is append-only: rows cannot be deleted');
END;

-- The review requests posted to leads (channel or DMs), so a decision can close all of them.
CREATE TABLE review_messages (
  assessment_id TEXT NOT NULL REFERENCES assessments (id),
  round         INTEGER NOT NULL,
  channel_id    TEXT NOT NULL,
  ts            TEXT NOT NULL,
  PRIMARY KEY (channel_id, ts)
) STRICT;

CREATE INDEX review_messages_by_assessment ON review_messages (assessment_id, round);

-- Which lead was told that a manager has no facility, so each request is announced once.
CREATE TABLE facility_requests (
  organization_id TEXT NOT NULL,
  person_id       TEXT NOT NULL,
  requested_at    TEXT NOT NULL,
  PRIMARY KEY (organization_id, person_id),
  FOREIGN KEY (organization_id, person_id) REFERENCES people (organization_id, id)
) STRICT;
`;

export const leadsAndFacilities: Migration = {
  version: 3,
  name: 'leads-and-facilities',
  up: (db) => db.exec(sql),
};
