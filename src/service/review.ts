// The leads' review of submitted assessments, on the lifecycle (src/service/lifecycle-service.ts decides
// which transitions are legal and records them): 承認 (with an optional comment) and 差し戻し (a comment
// for the whole, flagged items each with its own comment). Each decision is kept in the review history with
// its round (第n回提出), who, when and through which channel; a 差し戻し keeps the answers the reviewer saw,
// so the next round shows what changed (before → after). Only leads decide; a lead approves their own
// submission only when they are the only lead, and the record says so. A second click on the same round —
// a double click, another lead a moment later — records nothing and says who decided.
import { canonicalJson, findItem, itemRefs, type Flow } from '../flow/model.ts';
import type { Answer, Answers } from '../flow/answer.ts';
import type { Assessment, AssessmentSummary } from '../store/assessments-repo.ts';
import type { ReviewDecision, ReviewFlag, ReviewMessageRef } from '../store/reviews-repo.ts';
import type { Store } from '../store/store.ts';
import { AlreadyDecidedError, OwnSubmissionError } from './errors.ts';
import type { LifecycleService } from './lifecycle-service.ts';
import type { Participant } from './interaction.ts';
import type { Roles } from './roles.ts';
import { compareCycles, type ItemComparison } from '../flow/cycle-comparison.ts';
import { previousCycleOf } from './carry-over-source.ts';

export type { ReviewDecision, ReviewFlag } from '../store/reviews-repo.ts';

/** Per-item comments are short notes beside an item; the overall comment holds the explanation. */
export const FLAG_COMMENT_MAX = 300;

export interface AnswerChangeSinceReturn {
  itemId: string;
  before: Answer | undefined;
  after: Answer | undefined;
}

export interface ReviewSubject {
  assessment: Assessment;
  flow: Flow;
  facilityName: string;
  respondent: { id: string; displayName: string; slackUserId: string | null; locale: 'ja' | 'en' };
  /** 第n回提出: 1 + the number of 再提出. */
  round: number;
  answers: Answers;
  /** Decisions so far, oldest first, with the reviewers' names. */
  history: (ReviewDecision & { reviewerName: string; reviewerSlackId: string | null })[];
  /** Round 2 and later: what changed since the 差し戻し before it. */
  changes: AnswerChangeSinceReturn[];
  /** A re-assessment: what changed since the previous cycle's submission; undefined for a first assessment. */
  cycleComparison: ItemComparison[] | undefined;
  /** The decision of this round, when there is one. */
  decided: (ReviewDecision & { reviewerName: string; reviewerSlackId: string | null }) | undefined;
}

export type Review = ReturnType<typeof createReview>;

export function createReview({ store, roles, lifecycle }: { store: Store; roles: Roles; lifecycle: LifecycleService }) {
  const roundOf = (assessmentId: string): number =>
    Math.max(1, store.lifecycleEvents.list(assessmentId).filter((e) => e.kind === 'submit' || e.kind === 'resubmit').length);

  const named = (organizationId: string, d: ReviewDecision) => {
    const reviewer = store.people.get(organizationId, d.reviewerId);
    return { ...d, reviewerName: reviewer.displayName, reviewerSlackId: reviewer.slackUserId };
  };

  const cycleComparisonOf = (assessment: Assessment, flow: Flow, answers: Answers): ItemComparison[] | undefined => {
    const previous = previousCycleOf(store, assessment);
    return previous ? compareCycles(previous, { flow, answers }).changed : undefined;
  };

  const subject = (organizationId: string, assessmentId: string): ReviewSubject => {
    const assessment = store.assessments.get(organizationId, assessmentId);
    const flow = store.flowVersions.get(assessment.flowId, assessment.flowHash);
    const respondent = store.people.get(organizationId, assessment.respondentId);
    const answers = store.answers.current(assessmentId);
    const round = roundOf(assessmentId);
    const history = store.reviews.history(assessmentId).map((d) => named(organizationId, d));
    const previousReturn = history.filter((d) => d.decision === 'returned' && d.round < round).at(-1);
    return {
      assessment,
      flow,
      facilityName: store.facilities.get(organizationId, assessment.facilityId).name,
      respondent: { id: respondent.id, displayName: respondent.displayName, slackUserId: respondent.slackUserId, locale: respondent.locale },
      round,
      answers,
      history,
      changes: previousReturn?.answersJson ? changesSince(flow, JSON.parse(previousReturn.answersJson) as Answers, answers) : [],
      decided: history.find((d) => d.round === round),
      cycleComparison: cycleComparisonOf(assessment, flow, answers),
    };
  };

  /**
   * One decision per round. `round` is the round the lead saw (a button carries it): a decision of that
   * round, or a newer round, means this click is late — AlreadyDecidedError names who decided.
   */
  const decide = <T>(who: Participant, assessmentId: string, seenRound: number | undefined, apply: (a: Assessment, round: number) => T): T =>
    store.transaction(() => {
      roles.requireLead(who, 'review assessments');
      const assessment = store.assessments.get(who.organizationId, assessmentId);
      const round = roundOf(assessmentId);
      if (seenRound !== undefined && seenRound !== round) throw new AlreadyDecidedError(assessmentId, store.reviews.decisionOf(assessmentId, seenRound));
      const earlier = store.reviews.decisionOf(assessmentId, round);
      if (earlier) throw new AlreadyDecidedError(assessmentId, earlier);
      return apply(assessment, round);
    });

  return {
    subject,

    /** The review requests posted for a round (so a decision can close every copy). */
    rememberMessage(ref: ReviewMessageRef): void {
      store.reviews.rememberMessage(ref);
    },
    messagesOf(assessmentId: string, round: number): ReviewMessageRef[] {
      return store.reviews.messagesOf(assessmentId, round);
    },

    /** What a lead (or the respondent) sees in 詳細; others of the organization see nothing. */
    detail(who: Participant, assessmentId: string): ReviewSubject {
      const found = subject(who.organizationId, assessmentId);
      if (found.assessment.respondentId !== who.personId) roles.requireLead(who, 'see reviews');
      return found;
    },

    /** Assessments waiting for a lead, oldest submission first. */
    pending(who: Participant): AssessmentSummary[] {
      roles.requireLead(who, 'see what waits for review');
      return store.facilities
        .list(who.organizationId)
        .flatMap((f) => store.assessments.listForFacility(who.organizationId, f.id))
        .filter((a) => a.status === 'submitted')
        .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },

    /** Throws what approve would throw (not a lead, decided, own submission), changing nothing: for early feedback. */
    checkApprovable(who: Participant, assessmentId: string, round?: number): void {
      decide(who, assessmentId, round, (assessment) => {
        if (assessment.respondentId === who.personId && roles.leads(who.organizationId).length > 1) throw new OwnSubmissionError(assessmentId, who.personId);
      });
    },

    /** Throws what a 差し戻し would throw before its comment and flags are known (not a lead, decided). */
    checkReturnable(who: Participant, assessmentId: string, round?: number): void {
      decide(who, assessmentId, round, () => undefined);
    },

    approve(who: Participant, assessmentId: string, opts: { round?: number; comment?: string } = {}): ReviewDecision {
      return decide(who, assessmentId, opts.round, (assessment, round) => {
        const own = assessment.respondentId === who.personId;
        if (own && roles.leads(who.organizationId).length > 1) throw new OwnSubmissionError(assessmentId, who.personId);
        lifecycle.approve(who, assessmentId, opts.comment === undefined ? {} : { comment: opts.comment });
        const comment = opts.comment?.trim() || undefined;
        const recorded = store.reviews.record({
          organizationId: who.organizationId,
          assessmentId,
          round,
          decision: 'approved',
          comment,
          reviewerId: who.personId,
          ownSubmission: own,
          channel: who.channel,
        });
        if (!recorded) throw new AlreadyDecidedError(assessmentId, store.reviews.decisionOf(assessmentId, round));
        return recorded;
      });
    },

    returnForRevision(who: Participant, assessmentId: string, opts: { round?: number; comment: string; flags: ReviewFlag[] }): ReviewDecision {
      return decide(who, assessmentId, opts.round, (assessment, round) => {
        const flags = opts.flags.map((f) => ({ itemId: f.itemId, comment: f.comment.trim().slice(0, FLAG_COMMENT_MAX) }));
        const seen = new Set<string>();
        // In flow order, like the lifecycle's flagged items and the respondent's 修正 list.
        const order = new Map(itemRefs(store.flowVersions.get(assessment.flowId, assessment.flowHash)).map((r, i) => [r.item.id, i]));
        const unique = flags
          .filter((f) => !seen.has(f.itemId) && seen.add(f.itemId))
          .sort((a, b) => (order.get(a.itemId) ?? Infinity) - (order.get(b.itemId) ?? Infinity));
        const answersJson = canonicalJson(store.answers.current(assessmentId));
        lifecycle.returnForRevision(who, assessmentId, { comment: opts.comment, flaggedItems: unique.map((f) => f.itemId) });
        const recorded = store.reviews.record({
          organizationId: who.organizationId,
          assessmentId,
          round,
          decision: 'returned',
          comment: opts.comment.trim(),
          flags: unique,
          reviewerId: who.personId,
          ownSubmission: false,
          channel: who.channel,
          answersJson,
        });
        if (!recorded) throw new AlreadyDecidedError(assessmentId, store.reviews.decisionOf(assessmentId, round));
        return recorded;
      });
    },
  };
}

/** Items whose answer differs now from the answers a 差し戻し saw, in flow order. */
export function changesSince(flow: Flow, before: Answers, after: Answers): AnswerChangeSinceReturn[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  const order = new Map(itemRefs(flow).map((r, i) => [r.item.id, i]));
  return [...ids]
    .filter((id) => findItem(flow, id) && canonicalJson(before[id] ?? null) !== canonicalJson(after[id] ?? null))
    .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map((itemId) => ({ itemId, before: before[itemId], after: after[itemId] }));
}
