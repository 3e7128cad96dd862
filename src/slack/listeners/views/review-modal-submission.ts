// A lead sends the 承認 or 差し戻し modal: applied before the ack (Slack shows refusals only in the ack itself).
import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { submitApproveModal, submitReturnModal } from '../../conversation/review-flow.ts';
import { APPROVE_MODAL, REVIEW_MODAL } from '../../views/review-request.ts';
import { viewSubmission } from './view-submission.ts';

export function registerReviewModals(app: App, ctx: SlackContext): void {
  app.view(REVIEW_MODAL, viewSubmission(ctx, REVIEW_MODAL, submitReturnModal));
  app.view(APPROVE_MODAL, viewSubmission(ctx, APPROVE_MODAL, submitApproveModal));
}
