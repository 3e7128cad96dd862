// A database as the release before roles and facilities left it (every migration before 0003): one workspace, its one
// facility named after the workspace, everyone stored with role 'lead' (which then meant "answers"), a
// checklist half answered. Written with today's code, then the 0003 additions are taken out again, so the
// rows are exactly what that release's code wrote.
import type Database from 'better-sqlite3';
import type { Flow } from '../../../src/flow/model.ts';
import { createAssessmentService } from '../../../src/service/assessment-service.ts';
import { createStore } from '../../../src/store/store.ts';

export interface PreLeadsDatabase {
  teamId: string;
  facilityName: string;
  respondentSlackId: string;
  assessmentId: string;
  /** The question the respondent was at when the old release stopped. */
  currentItemId: string;
}

export function writePreLeadsDatabase(path: string, flows: Map<string, Flow>, opts: { teamId?: string; respondentSlackId?: string } = {}): PreLeadsDatabase {
  const teamId = opts.teamId ?? 'T0CLINIC';
  const respondentSlackId = opts.respondentSlackId ?? 'U0SATO';
  const facilityName = 'さくら内科クリニック';
  const clock = () => new Date('2026-03-20T01:00:00.000Z');
  const store = createStore(path, { now: clock });
  const service = createAssessmentService({ store, flows, clock });
  const org = store.organizations.ensureForSlackTeam(teamId, facilityName);
  const facility = store.facilities.ensure(org.id, facilityName);
  const person = store.people.ensureForSlackUser(org.id, respondentSlackId, '佐藤 花子');
  const who = { organizationId: org.id, personId: person.id, channel: 'slack' as const };
  let turn = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: person.id, flowId: 'mhlw-minimum-5.2' });
  for (const interaction of [
    { type: 'START' },
    { type: 'ANSWER', itemId: 'scope.wireless-lan', answer: { kind: 'yesno', value: true } },
  ] as const)
    turn = service.interact(who, turn.assessment.id, interaction);
  if (turn.prompt.kind !== 'question') throw new Error(`expected a question, got ${turn.prompt.kind}`);
  const currentItemId = turn.prompt.item.id;
  undoLeadsMigration(store.db);
  store.close();
  return { teamId, facilityName, respondentSlackId, assessmentId: turn.assessment.id, currentItemId };
}

function undoLeadsMigration(db: Database.Database): void {
  db.exec(`
    DROP TABLE facility_requests; DROP TABLE review_messages;
    DROP TRIGGER review_decisions_no_update; DROP TRIGGER review_decisions_no_delete; DROP TABLE review_decisions;
    DROP TABLE facility_managers;
    ALTER TABLE facilities DROP COLUMN archived_at;
    ALTER TABLE organizations DROP COLUMN review_channel_id;
    ALTER TABLE organizations DROP COLUMN leads_seeded_at;
    UPDATE people SET role = 'lead';
    DELETE FROM schema_migrations WHERE version = 3;
  `);
}
