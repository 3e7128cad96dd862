// The store as the app uses it: one database handle and its repositories, wired to one clock.
import type Database from 'better-sqlite3';
import { createAnswersRepo, type AnswersRepo } from './answers-repo.ts';
import { createAssessmentEventsRepo, type AssessmentEventsRepo } from './assessment-events-repo.ts';
import { createBackupRunsRepo, type BackupRunsRepo } from './backup-runs-repo.ts';
import { createAssessmentsRepo, type AssessmentsRepo } from './assessments-repo.ts';
import { systemClock, type Clock } from './clock.ts';
import { openDatabase } from './database.ts';
import { createDeferredSync, type SyncFile } from './deferred-sync.ts';
import { immediateTransaction } from './immediate-transaction.ts';
import { createFacilitiesRepo, type FacilitiesRepo } from './facilities-repo.ts';
import { createFacilityManagersRepo, type FacilityManagersRepo } from './facility-managers-repo.ts';
import { createFacilityRequestsRepo, type FacilityRequestsRepo } from './facility-requests-repo.ts';
import { createFlowVersionsRepo, type FlowVersionsRepo } from './flow-versions-repo.ts';
import { createOrganizationsRepo, type OrganizationsRepo } from './organizations-repo.ts';
import { createPeopleRepo, type PeopleRepo } from './people-repo.ts';
import { createProcessedEventsRepo, type ProcessedEventsRepo } from './processed-events-repo.ts';
import { createReviewsRepo, type ReviewsRepo } from './reviews-repo.ts';
import { createReassessmentsRepo, type ReassessmentsRepo } from './reassessments-repo.ts';

export interface StoreOptions {
  now?: Clock;
  /** How the WAL is synced after `durably` (tests hold or count syncs); default fdatasync on the thread pool. */
  syncFile?: SyncFile | undefined;
}

export interface Store {
  db: Database.Database;
  organizations: OrganizationsRepo;
  facilities: FacilitiesRepo;
  facilityManagers: FacilityManagersRepo;
  facilityRequests: FacilityRequestsRepo;
  people: PeopleRepo;
  reviews: ReviewsRepo;
  flowVersions: FlowVersionsRepo;
  assessments: AssessmentsRepo;
  answers: AnswersRepo;
  /** The lifecycle history: transitions and follow-ups (src/service/lifecycle.ts decides which are legal). */
  lifecycleEvents: AssessmentEventsRepo;
  /** Which previous cycle an assessment follows, and how carried answers were confirmed. */
  reassessments: ReassessmentsRepo;
  events: ProcessedEventsRepo;
  backupRuns: BackupRunsRepo;
  /**
   * Runs `fn` in one transaction (synchronous: no awaits inside). Nested calls become savepoints.
   * It starts IMMEDIATE so a read-then-write (restore → send → persist) holds the write lock from the
   * start and cannot fail half-way because another process wrote in between.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Runs `fn` (which commits its own transactions) and resolves once what it committed is on disk, the
   * disk sync running off the event loop (deferred-sync.ts). For the answer path, where the app serves
   * other people's clicks while one answer's sync is under way.
   */
  durably<T>(fn: () => T): Promise<T>;
  close(): void;
}

export function createStore(path: string, options: StoreOptions = {}): Store {
  const now = options.now ?? systemClock;
  const db = openDatabase(path, { now });
  const facilities = createFacilitiesRepo(db, now);
  const people = createPeopleRepo(db, now);
  const flowVersions = createFlowVersionsRepo(db, now);
  const assessments = createAssessmentsRepo(db, now, { facilities, people, flowVersions });
  const deferredSync = createDeferredSync(db, { syncFile: options.syncFile });
  return {
    db,
    organizations: createOrganizationsRepo(db, now),
    facilities,
    facilityManagers: createFacilityManagersRepo(db, now),
    facilityRequests: createFacilityRequestsRepo(db, now),
    people,
    reviews: createReviewsRepo(db, now),
    flowVersions,
    assessments,
    answers: createAnswersRepo(db, now, { people }),
    lifecycleEvents: createAssessmentEventsRepo(db, now),
    reassessments: createReassessmentsRepo(db, now, { assessments, people }),
    events: createProcessedEventsRepo(db, now),
    backupRuns: createBackupRunsRepo(db),
    transaction: immediateTransaction(db),
    durably: (fn) => deferredSync.durably(fn),
    close: () => {
      deferredSync.close();
      db.close();
    },
  };
}
