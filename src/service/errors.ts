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
