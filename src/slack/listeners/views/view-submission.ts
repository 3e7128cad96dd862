// Every modal submission goes through here: the body is validated at the boundary (a malformed one is
// acknowledged and logged once), the handler applies it before the ack (Slack shows a refusal only in
// the ack itself), and a submission that failed still closes its modal before anyone is told.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { SlackContext, WebClient } from '../../context.ts';
import { viewSubmissionBodySchema, type SlackActor, type ViewSubmissionBody } from '../../payloads.ts';
import type { ModalAck } from '../../modal-ack.ts';
import { safely } from '../safely.ts';

export type ViewSubmissionHandler = (ctx: SlackContext, client: WebClient, submission: ViewSubmissionBody, ack: ModalAck, actor: SlackActor) => Promise<void>;

export function viewSubmission(ctx: SlackContext, what: string, handle: ViewSubmissionHandler) {
  return async ({ ack, body }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    let acked = false;
    const once: ModalAck = async (response) => {
      if (acked) return;
      acked = true;
      await ack(response);
    };
    const parsed = viewSubmissionBodySchema.safeParse(body);
    if (!parsed.success) {
      await once();
      ctx.logger.warn({ issue: parsed.error.issues[0]?.message, what }, 'ignored a malformed view submission');
      return;
    }
    const submission = parsed.data;
    const actor: SlackActor = { teamId: submission.team?.id ?? submission.user.team_id ?? '', userId: submission.user.id };
    await safely(ctx, ctx.client, { actor, what }, async () => {
      try {
        await handle(ctx, ctx.client, submission, once, actor);
      } finally {
        await once();
      }
    });
  };
}
