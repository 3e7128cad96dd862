// 「今後このリマインドを止める」 on a re-assessment cycle's prompts (opened, not started, not submitted).
// reminder_stops names an assessment, but a cycle that nobody has started has none yet: its stop names
// the facility, the flow and the cycle (fy2027, m2027-10-01), so next cycle's prompts come again.
import type { Migration } from './migration.ts';

const sql = `
CREATE TABLE reminder_cycle_stops (
  organization_id TEXT NOT NULL,
  facility_id     TEXT NOT NULL,
  flow_id         TEXT NOT NULL,
  cycle_key       TEXT NOT NULL,
  stopped_by      TEXT NOT NULL REFERENCES people (id),
  stopped_at      TEXT NOT NULL,
  PRIMARY KEY (facility_id, flow_id, cycle_key),
  FOREIGN KEY (organization_id, facility_id) REFERENCES facilities (organization_id, id)
) STRICT;

CREATE INDEX reminder_cycle_stops_by_organization ON reminder_cycle_stops (organization_id);
`;

export const cycleReminderStops: Migration = {
  version: 8,
  name: 'cycle-reminder-stops',
  up: (db) => db.exec(sql),
};
