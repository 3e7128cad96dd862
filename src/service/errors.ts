// Refusals of the assessment service that adapters turn into a message for the person.

/** Someone other than the assessment's respondent tried to answer it. */
export class NotRespondentError extends Error {
  override readonly name = 'NotRespondentError';
  readonly assessmentId: string;
  readonly personId: string;
  constructor(assessmentId: string, personId: string) {
    super(`Person ${personId} is not the respondent of assessment ${assessmentId}; only the respondent can answer it.`);
    this.assessmentId = assessmentId;
    this.personId = personId;
  }
}

/**
 * The interaction was made on an older view of the assessment (a double click, a retry, an old
 * message): nothing was applied. `currentRevision` is where the assessment is now.
 */
export class OutdatedInteractionError extends Error {
  override readonly name = 'OutdatedInteractionError';
  readonly assessmentId: string;
  readonly expectedRevision: number;
  readonly currentRevision: number;
  constructor(assessmentId: string, expectedRevision: number, currentRevision: number) {
    super(`Assessment ${assessmentId} is at revision ${currentRevision}, not ${expectedRevision}; the interaction was not applied.`);
    this.assessmentId = assessmentId;
    this.expectedRevision = expectedRevision;
    this.currentRevision = currentRevision;
  }
}

/** Only compliance leads may do this (manage leads or facilities, review, export); nothing was changed. */
export class NotALeadError extends Error {
  override readonly name = 'NotALeadError';
  readonly personId: string;
  readonly action: string;
  constructor(personId: string, action: string) {
    super(`Person ${personId} is not a compliance lead; only leads can ${action}. Ask a lead to add you with /kakunin leads add.`);
    this.personId = personId;
    this.action = action;
  }
}

/** Removing this lead would leave the organization without one. */
export class LastLeadError extends Error {
  override readonly name = 'LastLeadError';
  readonly personId: string;
  constructor(personId: string) {
    super(`Person ${personId} is the last lead; add another lead before removing this one.`);
    this.personId = personId;
  }
}

/** An archived facility takes no new assessments or managers. */
export class ArchivedFacilityError extends Error {
  override readonly name = 'ArchivedFacilityError';
  readonly facilityId: string;
  readonly facilityName: string;
  constructor(facilityId: string, facilityName: string) {
    super(`Facility "${facilityName}" (${facilityId}) is archived; new assessments and assignments are not possible there.`);
    this.facilityId = facilityId;
    this.facilityName = facilityName;
  }
}

/** A manager tried to start at a facility they do not answer for. */
export class NotAssignedError extends Error {
  override readonly name = 'NotAssignedError';
  readonly personId: string;
  readonly facilityId: string;
  constructor(personId: string, facilityId: string) {
    super(`Person ${personId} does not answer for facility ${facilityId}; a lead can assign them with /kakunin facility assign.`);
    this.personId = personId;
    this.facilityId = facilityId;
  }
}

/** A lead tried to approve their own submission while another lead could review it. */
export class OwnSubmissionError extends Error {
  override readonly name = 'OwnSubmissionError';
  readonly assessmentId: string;
  readonly personId: string;
  constructor(assessmentId: string, personId: string) {
    super(`Person ${personId} submitted assessment ${assessmentId} and cannot approve it while another lead can; ask another lead.`);
    this.assessmentId = assessmentId;
    this.personId = personId;
  }
}

/** Another lead (or an earlier click) already decided this round; nothing was changed. */
export class AlreadyDecidedError extends Error {
  override readonly name = 'AlreadyDecidedError';
  readonly assessmentId: string;
  readonly decision: { decision: 'approved' | 'returned'; reviewerId: string; at: string } | undefined;
  constructor(assessmentId: string, decision: { decision: 'approved' | 'returned'; reviewerId: string; at: string } | undefined) {
    super(`Assessment ${assessmentId} is no longer waiting for review${decision ? ` (${decision.decision} by ${decision.reviewerId} at ${decision.at})` : ''}.`);
    this.assessmentId = assessmentId;
    this.decision = decision;
  }
}

/** 前回の回答を引き継いで始める was asked for where the flow was never submitted. */
export class NoPreviousCycleError extends Error {
  override readonly name = 'NoPreviousCycleError';
  readonly flowId: string;
  readonly facilityId: string;
  constructor(flowId: string, facilityId: string) {
    super(`Flow ${flowId} has no submitted assessment at facility ${facilityId} to carry answers over from; start it blank instead.`);
    this.flowId = flowId;
    this.facilityId = facilityId;
  }
}

/** 変更なし on an assessment that carries nothing over (a first assessment, or one started blank). */
export class NotCarriedOverError extends Error {
  override readonly name = 'NotCarriedOverError';
  readonly assessmentId: string;
  constructor(assessmentId: string) {
    super(`Assessment ${assessmentId} does not carry answers over from a previous cycle, so there is nothing to confirm; answer the item instead.`);
    this.assessmentId = assessmentId;
  }
}

/**
 * Confirming walks the steps the engine itself would take, so the engine refusing one is a defect, not
 * the person's mistake: the whole confirmation is rolled back and nothing is recorded.
 */
export class ConfirmationStepRefusedError extends Error {
  override readonly name = 'ConfirmationStepRefusedError';
  readonly assessmentId: string;
  readonly step: string;
  readonly code: string | undefined;
  constructor(assessmentId: string, step: string, code: string | undefined) {
    super(`Confirming carried answers of assessment ${assessmentId}: the engine refused ${step} (${code ?? 'no reason given'}); nothing was changed. Report this as a defect.`);
    this.assessmentId = assessmentId;
    this.step = step;
    this.code = code;
  }
}
