import type { App } from '@slack/bolt';
import { VIEW_CALLBACK } from '../../action-values.ts';
import type { SlackContext } from '../../context.ts';
import { submitAnswerModal } from '../../conversation/answer-modal-flow.ts';
import { submitMoveModal } from '../../conversation/reminders.ts';
import { REMINDER_VIEW } from '../../views/reminder-digest.ts';
import { viewSubmissionBodySchema } from '../../payloads.ts';
import { safely } from '../safely.ts';
import { registerFacilityModal } from './facility-modal-submission.ts';
import { registerReviewModals } from './review-modal-submission.ts';

const register = (app: App, ctx: SlackContext) => {
  registerFacilityModal(app, ctx);
  registerReviewModals(app, ctx);
  app.view(VIEW_CALLBACK.answer, async ({ ack, body }) => {
    const client = ctx.client;
    let acked = false;
    const once = async (response?: { response_action: 'errors'; errors: Record<string, string> }) => {
      if (acked) return;
      acked = true;
      await ack(response);
    };
    const parsed = viewSubmissionBodySchema.safeParse(body);
    if (!parsed.success) {
      await once();
      ctx.logger.warn({ issue: parsed.error.issues[0]?.message }, 'ignored a malformed view submission');
      return;
    }
    const submission = parsed.data;
    const actor = { teamId: submission.team?.id ?? submission.user.team_id ?? '', userId: submission.user.id };
    await safely(ctx, client, { actor, what: 'answer modal' }, async () => {
      try {
        await submitAnswerModal(ctx, client, submission, once);
      } finally {
        // A submission that failed still closes its modal before anyone is told.
        await once();
      }
    });
  });

  app.view(REMINDER_VIEW.move, async ({ ack, body }) => {
    const client = ctx.client;
    let acked = false;
    const once = async (response?: { response_action: 'errors'; errors: Record<string, string> }) => {
      if (acked) return;
      acked = true;
      await ack(response);
    };
    const parsed = viewSubmissionBodySchema.safeParse(body);
    if (!parsed.success) {
      await once();
      ctx.logger.warn({ issue: parsed.error.issues[0]?.message }, 'ignored a malformed 時期を変更 submission');
      return;
    }
    const submission = parsed.data;
    const actor = { teamId: submission.team?.id ?? submission.user.team_id ?? '', userId: submission.user.id };
    await safely(ctx, client, { actor, what: 'move modal' }, () => submitMoveModal(ctx, client, submission, once));
    await once();
  });
};

export default { register };
