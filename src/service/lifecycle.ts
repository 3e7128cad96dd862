// The assessment's lifecycle, in one place: which status follows which action, and nothing else.
//   回答中 (in_progress) ⇄ 中断 (paused) → 提出済 (submitted) → 承認済 (approved)
//                                                   ↘ 差し戻し (returned) → 回答中 (revising) → 再提出 → …
// A follow-up (a 実施予定 item done, or given a new 実施時期) happens after 提出 and keeps the status.
// Every service that changes an assessment's status asks `transition` first; an action the status does not
// allow is an IllegalTransitionError that says what can be done instead.
import type { AssessmentStatus } from '../store/assessments-repo.ts';

export type LifecycleAction =
  /** Any step of the conversation (an answer, back, review…): resumes a paused one, reopens a returned one. */
  | 'work'
  | 'pause'
  | 'submit'
  | 'approve'
  | 'return'
  | 'followUp';

/** What the history calls each transition (assessment_events.kind). */
export type LifecycleEventKind =
  | 'resume'
  | 'pause'
  | 'reopen'
  | 'submit'
  | 'resubmit'
  | 'approve'
  | 'return'
  | 'followup.done'
  | 'followup.reschedule';

export const statusLabels: Record<AssessmentStatus, { ja: string; en: string }> = {
  in_progress: { ja: '回答中', en: 'in progress' },
  paused: { ja: '中断', en: 'paused' },
  submitted: { ja: '提出済', en: 'submitted' },
  approved: { ja: '承認済', en: 'approved' },
  returned: { ja: '差し戻し', en: 'returned for revision' },
};

const TRANSITIONS: Record<AssessmentStatus, Partial<Record<LifecycleAction, AssessmentStatus>>> = {
  in_progress: { work: 'in_progress', pause: 'paused', submit: 'submitted' },
  paused: { work: 'in_progress', pause: 'paused' },
  submitted: { approve: 'approved', return: 'returned', followUp: 'submitted' },
  approved: { followUp: 'approved' },
  // Submitting a returned one as it is (a comment-only 差し戻し answered outside the checklist) is a 再提出.
  returned: { work: 'in_progress', pause: 'returned', submit: 'submitted' },
};

/** What a person can do instead, per status, for the refusal's message. */
const INSTEAD: Record<AssessmentStatus, { ja: string; en: string }> = {
  in_progress: { ja: '回答を続けて提出してください。', en: 'Go on answering and submit it.' },
  paused: { ja: '再開して回答を続けてください。', en: 'Resume it and go on answering.' },
  submitted: {
    ja: '承認または差し戻しを待ってください。実施予定の項目は「実施済」や新しい実施時期に更新できます。',
    en: 'Wait for it to be approved or returned. Planned items can be marked done or given a new date.',
  },
  approved: {
    ja: '承認済みです。実施予定の項目は「実施済」や新しい実施時期に更新できます。内容を変えるには新しい評価を始めてください。',
    en: 'It is approved. Planned items can be marked done or given a new date; start a new assessment to change anything else.',
  },
  returned: { ja: '差し戻しを開いて指摘された項目を直し、再提出してください。', en: 'Open it, correct the flagged items and submit it again.' },
};

const ACTION_LABELS: Record<LifecycleAction, { ja: string; en: string }> = {
  work: { ja: '回答の変更', en: 'changing answers' },
  pause: { ja: '中断', en: 'pausing' },
  submit: { ja: '提出', en: 'submitting' },
  approve: { ja: '承認', en: 'approving' },
  return: { ja: '差し戻し', en: 'returning' },
  followUp: { ja: '実施状況の更新', en: 'a follow-up' },
};

/** The action is not allowed in the assessment's status; `message`/`messageEn` say what can be done. */
export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  readonly messageJa: string;
  readonly assessmentId: string;
  readonly from: AssessmentStatus;
  readonly action: LifecycleAction;
  constructor(
    assessmentId: string,
    from: AssessmentStatus,
    action: LifecycleAction,
  ) {
    const en = `Assessment ${assessmentId} is ${statusLabels[from].en}: ${ACTION_LABELS[action].en} is not possible. ${INSTEAD[from].en}`;
    super(en);
    this.assessmentId = assessmentId;
    this.from = from;
    this.action = action;
    this.messageJa = `この評価は「${statusLabels[from].ja}」のため、${ACTION_LABELS[action].ja}はできません。${INSTEAD[from].ja}`;
  }
}

export interface Transition {
  to: AssessmentStatus;
  /** The history entry it makes; undefined for a step that changes nothing worth recording (回答中 → 回答中). */
  kind: LifecycleEventKind | undefined;
}

/**
 * The status `action` leads to from `from`, and what the history calls it. `resubmission` says whether the
 * assessment was submitted before (a returned one being submitted again).
 */
export function transition(assessmentId: string, from: AssessmentStatus, action: LifecycleAction, resubmission = false): Transition {
  const to = TRANSITIONS[from][action];
  if (to === undefined) throw new IllegalTransitionError(assessmentId, from, action);
  return { to, kind: kindOf(from, action, resubmission) };
}

export function canTransition(from: AssessmentStatus, action: LifecycleAction): boolean {
  return TRANSITIONS[from][action] !== undefined;
}

function kindOf(from: AssessmentStatus, action: LifecycleAction, resubmission: boolean): LifecycleEventKind | undefined {
  switch (action) {
    case 'work':
      return from === 'paused' ? 'resume' : from === 'returned' ? 'reopen' : undefined;
    case 'pause':
      return from === 'in_progress' ? 'pause' : undefined;
    case 'submit':
      return resubmission ? 'resubmit' : 'submit';
    case 'approve':
      return 'approve';
    case 'return':
      return 'return';
    case 'followUp':
      return undefined; // the follow-up service names it (done or rescheduled)
  }
}
