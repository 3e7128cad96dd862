// A lead sends the 差し戻し modal: applied before the ack (Slack shows refusals only in the ack itself).
import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { submitReturnModal } from '../../conversation/review-flow.ts';
import { viewSubmissionBodySchema } from '../../payloads.ts';
import { REVIEW_MODAL } from '../../views/review-request.ts';
import { safely } from '../safely.ts';

export function registerReturnModal(app: App, ctx: SlackContext): void {
  app.view(REVIEW_MODAL, async ({ ack, body }) => {
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
    await safely(ctx, ctx.client, { actor, what: 'return modal' }, () => submitReturnModal(ctx, ctx.client, submission, once));
    await once();
  });
}
