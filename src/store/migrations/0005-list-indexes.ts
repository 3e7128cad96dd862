// Indexes that match the list and lookup queries a click or an App Home view makes, so their time does
// not grow with how many assessments a database holds: each index gives both the filter and the order
// (no sort step), and the latest-submitted lookups read one index entry from the end.
import type { Migration } from './migration.ts';

const sql = `
DROP INDEX assessments_by_respondent;
DROP INDEX assessments_by_facility;

-- listForPerson / listInProgress: a person's assessments, most recently touched first.
CREATE INDEX assessments_by_respondent_updated ON assessments (organization_id, respondent_id, updated_at DESC, id);
-- listForFacility.
CREATE INDEX assessments_by_facility_updated ON assessments (organization_id, facility_id, updated_at DESC, id);

-- latestSubmitted in the organization, at a facility, and by a respondent: only submitted rows are indexed.
CREATE INDEX assessments_submitted_by_flow ON assessments (organization_id, flow_id, submitted_at, id)
  WHERE submitted_at IS NOT NULL;
CREATE INDEX assessments_submitted_by_flow_facility ON assessments (organization_id, flow_id, facility_id, submitted_at, id)
  WHERE submitted_at IS NOT NULL;
CREATE INDEX assessments_submitted_by_respondent ON assessments (organization_id, respondent_id, submitted_at, id)
  WHERE submitted_at IS NOT NULL;
`;

export const listIndexes: Migration = {
  version: 5,
  name: 'list-indexes',
  up: (db) => db.exec(sql),
};
