// Another flow's latest submitted assessment that a report draws on (the agency form's 「ガイドラインの遵守」, the
// policy's 別表 status). Looked up by the service (the flow's `related:`), handed to the renderers by id.
import type { Answers } from '../flow/answer.ts';
import type { Flow } from '../flow/model.ts';

export interface RelatedAssessment {
  flow: Flow;
  answers: Answers;
  assessmentId: string;
  facilityName: string;
  /** YYYY-MM-DD, the day it was submitted in the facility's time zone. */
  submittedOn: string;
}

/** By the `id` of the flow's `related:` entry; absent or undefined when there is none yet. */
export type RelatedAssessments = Record<string, RelatedAssessment | undefined>;
