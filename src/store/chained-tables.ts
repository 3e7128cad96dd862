// Every hash-chained history table. A new history table (review, follow-up) is chained by adding its
// description here, appending its rows through appendChained, and a migration with chainSchemaSql.
import type { ChainedTable } from './hash-chain.ts';

/**
 * Chains are per assessment, not per organisation: a report pins one assessment's answers, so its
 * chain's head is what the printed report carries; an assessment can be verified (or handed to an
 * inspector) without the rest of the organisation's data; and the chain heads table still shows an
 * assessment whose whole chain was removed.
 */
export const answerHistoryChain: ChainedTable = {
  table: 'answer_history',
  chainColumn: 'assessment_id',
  contentColumns: ['assessment_id', 'item_id', 'old_answer_json', 'new_answer_json', 'person_id', 'channel', 'at'],
  timeColumn: 'at',
};

/** The lifecycle history (migration 0002): transitions, 承認/差し戻し with their comments, follow-ups. */
export const assessmentEventsChain: ChainedTable = {
  table: 'assessment_events',
  chainColumn: 'assessment_id',
  contentColumns: ['assessment_id', 'kind', 'from_status', 'to_status', 'revision', 'person_id', 'channel', 'item_id', 'comment', 'detail_json', 'at'],
  timeColumn: 'at',
};

/** The leads' review decisions (migration 0003): 承認/差し戻し per round, with comment and flagged items. */
export const reviewDecisionsChain: ChainedTable = {
  table: 'review_decisions',
  chainColumn: 'assessment_id',
  contentColumns: ['organization_id', 'assessment_id', 'round', 'decision', 'comment', 'flags_json', 'reviewer_id', 'own_submission', 'answers_json', 'channel', 'at'],
  timeColumn: 'at',
  onConflict: 'ON CONFLICT (assessment_id, round) DO NOTHING',
};

export const chainedTables: readonly ChainedTable[] = [answerHistoryChain, assessmentEventsChain, reviewDecisionsChain];
