// A lead sends the 承認 or 差し戻し modal: applied before the ack (Slack shows refusals only in the ack itself).
import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { submitApproveModal, submitReturnModal } from '../../conversation/review-flow.ts';
import { viewSubmissionBodySchema } from '../../payloads.ts';
import { APPROVE_MODAL, REVIEW_MODAL } from '../../views/review-request.ts';
import { safely } from '../safely.ts';

export function registerReviewModals(app: App, ctx: SlackContext): void {
  for (const [callbackId, submit] of [
    [REVIEW_MODAL, submitReturnModal],
    [APPROVE_MODAL, submitApproveModal],
  ] as const)
    app.view(callbackId, async ({ ack, body }) => {
      let acked = false;
      const once = async (response?: { response_action: 'errors'; errors: Record<string, string> }) => {
        if (acked) return;
        acked = true;
        await ack(response);
      };
      const parsed = viewSubmissionBodySchema.safeParse(body);
      if (!parsed.success) {
        await once();
        return void ctx.logger.warn({ issue: parsed.error.issues[0]?.message }, 'ignored a malformed return modal');
      }
      const submission = parsed.data;
      const actor = { teamId: submission.team?.id ?? submission.user.team_id ?? '', userId: submission.user.id };
      await safely(ctx, ctx.client, { actor, what: callbackId }, () => submit(ctx, ctx.client, submission, once));
      await once();
    });
}
