// Named errors of the SQLite store. Each message says what was looked for or found, and what to do.

/** A row that does not exist, or exists only for another organization (which must look the same). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  readonly entity: string;
  readonly key: Record<string, string>;
  constructor(
    entity: string,
    key: Record<string, string>,
    hint?: string,
  ) {
    super(`No ${entity} with ${describeKey(key)}.${hint ? ` ${hint}` : ''}`);
    this.entity = entity;
    this.key = key;
  }
}

/** Someone else saved the assessment after it was read; re-read it and replay the interaction. */
export class StaleRevisionError extends Error {
  override readonly name = 'StaleRevisionError';
  readonly assessmentId: string;
  readonly expectedRevision: number;
  readonly actualRevision: number;
  constructor(
    assessmentId: string,
    expectedRevision: number,
    actualRevision: number,
  ) {
    super(
      `Assessment ${assessmentId} is at revision ${actualRevision}, not ${expectedRevision}: ` +
        'it changed since it was read. Reload it and apply the interaction again.',
    );
    this.assessmentId = assessmentId;
    this.expectedRevision = expectedRevision;
    this.actualRevision = actualRevision;
  }
}

/** The database file was migrated by a newer build of kakunin than this one. */
export class DatabaseVersionError extends Error {
  override readonly name = 'DatabaseVersionError';
  readonly file: string;
  readonly databaseVersion: number;
  readonly knownVersion: number;
  constructor(
    file: string,
    databaseVersion: number,
    knownVersion: number,
  ) {
    super(
      `Database ${file} has schema version ${databaseVersion}, but this build of kakunin only knows up to ` +
        `version ${knownVersion}. Upgrade kakunin, or point it at another database file.`,
    );
    this.file = file;
    this.databaseVersion = databaseVersion;
    this.knownVersion = knownVersion;
  }
}

/** JSON or columns read back from the database do not match what the app writes. */
export class CorruptRecordError extends Error {
  override readonly name = 'CorruptRecordError';
  readonly table: string;
  readonly key: Record<string, string>;
  readonly problem: string;
  constructor(
    table: string,
    key: Record<string, string>,
    problem: string,
  ) {
    super(
      `Stored ${table} row with ${describeKey(key)} is unreadable: ${problem}. ` +
        'The database was edited by hand or by an incompatible build; restore it from a backup.',
    );
    this.table = table;
    this.key = key;
    this.problem = problem;
  }
}

/** A flow whose `hash` is not the hash of its definition, so it cannot be stored as that version. */
export class FlowHashMismatchError extends Error {
  override readonly name = 'FlowHashMismatchError';
  readonly flowId: string;
  readonly claimedHash: string;
  readonly actualHash: string;
  constructor(
    flowId: string,
    claimedHash: string,
    actualHash: string,
  ) {
    super(
      `Flow "${flowId}" claims hash ${claimedHash}, but its definition hashes to ${actualHash}. ` +
        'Load flows with parseFlow/loadFlowFile instead of editing a loaded flow.',
    );
    this.flowId = flowId;
    this.claimedHash = claimedHash;
    this.actualHash = actualHash;
  }
}

export class InvalidTimeZoneError extends Error {
  override readonly name = 'InvalidTimeZoneError';
  readonly timeZone: string;
  constructor(timeZone: string) {
    super(`"${timeZone}" is not an IANA time zone. Use a name such as "Asia/Tokyo".`);
    this.timeZone = timeZone;
  }
}

function describeKey(key: Record<string, string>): string {
  return Object.entries(key)
    .map(([k, v]) => `${k} "${v}"`)
    .join(', ');
}

/** An answer handed to the store that does not match `answerSchema`; the engine should have refused it. */
export class InvalidAnswerError extends Error {
  override readonly name = 'InvalidAnswerError';
  readonly itemId: string;
  readonly problem: string;
  constructor(
    itemId: string,
    problem: string,
  ) {
    super(`Answer for item "${itemId}" is not a valid answer (${problem}); it was not stored.`);
    this.itemId = itemId;
    this.problem = problem;
  }
}

/** Facility names are unique within an organization (archived ones included), so reports and lists stay unambiguous. */
export class DuplicateFacilityNameError extends Error {
  override readonly name = 'DuplicateFacilityNameError';
  readonly facilityName: string;
  constructor(facilityName: string) {
    super(`A facility named "${facilityName}" already exists in this organization. Choose another name.`);
    this.facilityName = facilityName;
  }
}

/** A re-assessment can only follow a submitted assessment of the same checklist at the same facility. */
export class ReassessmentLinkError extends Error {
  override readonly name = 'ReassessmentLinkError';
  readonly assessmentId: string;
  readonly previousAssessmentId: string;
  constructor(assessmentId: string, previousAssessmentId: string, reason: string) {
    super(
      `Assessment ${assessmentId} cannot carry answers over from ${previousAssessmentId}: ${reason}. ` +
        'Pick the latest submitted assessment of the same checklist at the same facility.',
    );
    this.assessmentId = assessmentId;
    this.previousAssessmentId = previousAssessmentId;
  }
}
