// Everything a report of one assessment is made from, gathered in one place for the CLI, the terminal and
// Slack alike: the assessment's flow version, answers, facility and respondent, the latest submitted
// assessments of the flow's `related:` flows, and the previous cycle a re-assessment follows. 最終更新日 is
// the day of submission (else of the last change) in the facility's time zone. Adapters hand the result to report/render-report.ts.
import { todayIn } from '../dates/calendar-date.ts';
import type { RelatedAssessments } from '../report/related-assessment.ts';
import type { ReportApproval, ReportInput } from '../report/report-input.ts';
import { openAssessmentStatuses, type Assessment } from '../store/assessments-repo.ts';
import { answerHistoryHead } from '../store/history-audit.ts';
import type { Store } from '../store/store.ts';
import { planStoriesOf } from './plan-stories.ts';
import { previousCycleOf } from './carry-over-source.ts';
import { relatedAssessments } from './related-assessments.ts';

export interface ReportSource extends ReportInput {
  assessment: Assessment;
  related: RelatedAssessments;
}

export function reportSource(store: Store, organizationId: string, assessmentId: string): ReportSource {
  const assessment = store.assessments.get(organizationId, assessmentId);
  const facility = store.facilities.get(organizationId, assessment.facilityId);
  const respondent = store.people.get(organizationId, assessment.respondentId);
  const flow = store.flowVersions.get(assessment.flowId, assessment.flowHash);
  const lastChange = new Date(assessment.submittedAt ?? assessment.updatedAt);
  return {
    assessment,
    flow,
    answers: store.answers.current(assessment.id),
    facilityName: facility.name,
    respondentName: respondent.displayName,
    updatedOn: todayIn(facility.timeZone, lastChange),
    assessmentId: assessment.id,
    draft: (openAssessmentStatuses as readonly string[]).includes(assessment.status),
    historyHead: answerHistoryHead(store.db, assessment.id),
    related: relatedAssessments(store, flow, { organizationId, facilityId: assessment.facilityId }),
    planStories: planStoriesOf(store.lifecycleEvents.list(assessment.id)),
    approval: approvalOf(store, assessment, facility.timeZone),
    previous: previousCycleOf(store, assessment),
  };
}

/** Who approved it and when (the approval box); null until a lead approved it. */
function approvalOf(store: Store, assessment: Assessment, timeZone: string): ReportApproval | null {
  if (assessment.status !== 'approved' || !assessment.reviewedBy || !assessment.reviewedAt) return null;
  const approver = store.people.get(assessment.organizationId, assessment.reviewedBy);
  return { approverName: approver.displayName, approvedOn: todayIn(timeZone, new Date(assessment.reviewedAt)) };
}
