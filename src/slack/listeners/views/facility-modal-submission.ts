// A lead saves the add / edit facility modal: applied before the ack, so a refusal (duplicate name, bad
// time zone, not a lead) shows in the modal itself and nothing is changed.
import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { applyFacilityModal } from '../../conversation/dashboard.ts';
import { enter } from '../../conversation/steps.ts';
import { decodeValue } from '../../action-values.ts';
import { viewSubmissionBodySchema } from '../../payloads.ts';
import { FACILITY_MODAL, facilityModalMetadataSchema, facilityModalStateSchema, facilityModalValues } from '../../views/facility-modal.ts';
import { safely } from '../safely.ts';

export function registerFacilityModal(app: App, ctx: SlackContext): void {
  for (const callbackId of [FACILITY_MODAL.add, FACILITY_MODAL.edit])
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
        return void ctx.logger.warn({ issue: parsed.error.issues[0]?.message }, 'ignored a malformed facility modal');
      }
      const submission = parsed.data;
      const actor = { teamId: submission.team?.id ?? submission.user.team_id ?? '', userId: submission.user.id };
      await safely(ctx, ctx.client, { actor, what: 'facility modal' }, async () => {
        const meta = decodeValue(facilityModalMetadataSchema, submission.view.private_metadata, 'facility modal metadata');
        const state = facilityModalStateSchema.safeParse(submission.view.state.values);
        if (!state.success) return once();
        const errors = applyFacilityModal(ctx, { actor, member: enter(ctx, actor), facilityId: meta.fac, values: facilityModalValues(state.data) });
        await once(errors ? { response_action: 'errors', errors } : undefined);
      });
      await once();
    });
}
