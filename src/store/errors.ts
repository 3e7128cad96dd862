// Named errors of the SQLite store. Each message says what was looked for or found, and what to do.

/** A row that does not exist, or exists only for another organization (which must look the same). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    readonly entity: string,
    readonly key: Record<string, string>,
    hint?: string,
  ) {
    super(`No ${entity} with ${describeKey(key)}.${hint ? ` ${hint}` : ''}`);
  }
}

/** Someone else saved the assessment after it was read; re-read it and replay the interaction. */
export class StaleRevisionError extends Error {
  override readonly name = 'StaleRevisionError';
  constructor(
    readonly assessmentId: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(
      `Assessment ${assessmentId} is at revision ${actualRevision}, not ${expectedRevision}: ` +
        'it changed since it was read. Reload it and apply the interaction again.',
    );
  }
}

/** The database file was migrated by a newer build of kakunin than this one. */
export class DatabaseVersionError extends Error {
  override readonly name = 'DatabaseVersionError';
  constructor(
    readonly file: string,
    readonly databaseVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `Database ${file} has schema version ${databaseVersion}, but this build of kakunin only knows up to ` +
        `version ${knownVersion}. Upgrade kakunin, or point it at another database file.`,
    );
  }
}

/** JSON or columns read back from the database do not match what the app writes. */
export class CorruptRecordError extends Error {
  override readonly name = 'CorruptRecordError';
  constructor(
    readonly table: string,
    readonly key: Record<string, string>,
    readonly problem: string,
  ) {
    super(
      `Stored ${table} row with ${describeKey(key)} is unreadable: ${problem}. ` +
        'The database was edited by hand or by an incompatible build; restore it from a backup.',
    );
  }
}

/** A flow whose `hash` is not the hash of its definition, so it cannot be stored as that version. */
export class FlowHashMismatchError extends Error {
  override readonly name = 'FlowHashMismatchError';
  constructor(
    readonly flowId: string,
    readonly claimedHash: string,
    readonly actualHash: string,
  ) {
    super(
      `Flow "${flowId}" claims hash ${claimedHash}, but its definition hashes to ${actualHash}. ` +
        'Load flows with parseFlow/loadFlowFile instead of editing a loaded flow.',
    );
  }
}

export class InvalidTimeZoneError extends Error {
  override readonly name = 'InvalidTimeZoneError';
  constructor(readonly timeZone: string) {
    super(`"${timeZone}" is not an IANA time zone. Use a name such as "Asia/Tokyo".`);
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
  constructor(
    readonly itemId: string,
    readonly problem: string,
  ) {
    super(`Answer for item "${itemId}" is not a valid answer (${problem}); it was not stored.`);
  }
}
