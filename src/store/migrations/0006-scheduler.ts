// What the app will say on its own, durable in SQLite: each facility×flow's re-assessment cadence,
// every reminder that will fall due (one row per recipient and step, written in the transaction of
// the change that causes it), the DMs that carry them (one per person per local day, with the lease
// and Slack ts that make delivery exactly-once), and the assessments whose reminders were stopped.
import type { Migration } from './migration.ts';

const sql = `
CREATE TABLE schedule_cadences (
  organization_id   TEXT NOT NULL,
  facility_id       TEXT NOT NULL,
  flow_id           TEXT NOT NULL,
  cadence           TEXT NOT NULL CHECK (cadence IN ('fiscal_year', 'months', 'none')),
  fiscal_year_start TEXT CHECK (fiscal_year_start IS NULL OR fiscal_year_start GLOB '[01][0-9]-[0-3][0-9]'),
  every_months      INTEGER CHECK (every_months IS NULL OR every_months BETWEEN 1 AND 120),
  set_by            TEXT,
  set_at            TEXT NOT NULL,
  PRIMARY KEY (organization_id, facility_id, flow_id),
  FOREIGN KEY (organization_id, facility_id) REFERENCES facilities (organization_id, id),
  CHECK (cadence <> 'months' OR every_months IS NOT NULL)
) STRICT;

CREATE TABLE reminder_deliveries (
  id                INTEGER PRIMARY KEY,
  -- The idempotency key: one DM per person per local day. It travels in the message metadata so an
  -- uncertain send can be looked up in the DM's history before sending again.
  delivery_key      TEXT NOT NULL UNIQUE,
  organization_id   TEXT NOT NULL REFERENCES organizations (id),
  person_id         TEXT NOT NULL REFERENCES people (id),
  local_date        TEXT NOT NULL,
  state             TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'empty', 'released')),
  lease_owner       TEXT,
  lease_until       TEXT,
  attempts          INTEGER NOT NULL DEFAULT 0,
  first_attempt_at  TEXT,
  last_error        TEXT,
  channel_id        TEXT,
  message_ts        TEXT,
  created_at        TEXT NOT NULL,
  sent_at           TEXT
) STRICT;

CREATE INDEX reminder_deliveries_retry ON reminder_deliveries (lease_until) WHERE state = 'claimed';
CREATE INDEX reminder_deliveries_by_message ON reminder_deliveries (channel_id, message_ts) WHERE message_ts IS NOT NULL;

CREATE TABLE reminders (
  id              INTEGER PRIMARY KEY,
  reminder_key    TEXT NOT NULL UNIQUE,
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  facility_id     TEXT,
  recipient_id    TEXT NOT NULL REFERENCES people (id),
  kind            TEXT NOT NULL CHECK (kind IN ('plan', 'cycle', 'leads_weekly')),
  step            TEXT NOT NULL,
  assessment_id   TEXT REFERENCES assessments (id),
  item_id         TEXT,
  flow_id         TEXT,
  cycle_key       TEXT,
  -- The 実施時期, the cycle's opening day, or the week's Monday.
  target_date     TEXT NOT NULL,
  time_zone       TEXT NOT NULL,
  -- The local day it falls due, and the instant from which the runner may send it (moved on to the
  -- next business day's window when it falls due on a day off or after the day's DM went out).
  due_date        TEXT NOT NULL,
  due_at          TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'sent', 'cancelled', 'skipped')),
  outcome         TEXT,
  delivery_id     INTEGER REFERENCES reminder_deliveries (id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK (kind <> 'plan' OR (assessment_id IS NOT NULL AND item_id IS NOT NULL))
) STRICT;

-- The runner's one query per tick: a range scan over pending rows only.
CREATE INDEX reminders_due ON reminders (due_at) WHERE state = 'pending';
CREATE INDEX reminders_by_assessment ON reminders (assessment_id, item_id) WHERE assessment_id IS NOT NULL;
CREATE INDEX reminders_by_cycle ON reminders (facility_id, flow_id) WHERE kind = 'cycle';
CREATE INDEX reminders_by_delivery ON reminders (delivery_id) WHERE delivery_id IS NOT NULL;

CREATE TABLE reminder_stops (
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  assessment_id   TEXT NOT NULL PRIMARY KEY REFERENCES assessments (id),
  stopped_by      TEXT NOT NULL REFERENCES people (id),
  stopped_at      TEXT NOT NULL
) STRICT;

CREATE INDEX reminder_stops_by_organization ON reminder_stops (organization_id);

-- When the runner last recomputed every facility's cycles (once per day, not once per tick).
CREATE TABLE scheduler_state (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;

export const schedulerSchema: Migration = {
  version: 6,
  name: 'scheduler',
  up: (db) => db.exec(sql),
};
