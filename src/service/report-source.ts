// Everything a report of one assessment is made from, gathered in one place for the CLI, the terminal
// and Slack alike. 最終更新日 is the day of submission (else of the last change) in the facility's zone.
import { todayIn } from '../dates/calendar-date.ts';
import type { Answers } from '../flow/answer.ts';
import type { Flow } from '../flow/model.ts';
import type { Assessment } from '../store/assessments-repo.ts';
import type { Store } from '../store/store.ts';

export interface ReportSource {
  assessment: Assessment;
  flow: Flow;
  answers: Answers;
  facilityName: string;
  respondentName: string;
  updatedOn: string;
  assessmentId: string;
}

export function reportSource(store: Store, organizationId: string, assessmentId: string): ReportSource {
  const assessment = store.assessments.get(organizationId, assessmentId);
  const facility = store.facilities.get(organizationId, assessment.facilityId);
  const respondent = store.people.get(organizationId, assessment.respondentId);
  const lastChange = new Date(assessment.submittedAt ?? assessment.updatedAt);
  return {
    assessment,
    flow: store.flowVersions.get(assessment.flowId, assessment.flowHash),
    answers: store.answers.current(assessment.id),
    facilityName: facility.name,
    respondentName: respondent.displayName,
    updatedOn: todayIn(facility.timeZone, lastChange),
    assessmentId: assessment.id,
  };
}
