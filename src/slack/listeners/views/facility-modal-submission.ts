// A lead saves the add / edit facility modal: applied before the ack, so a refusal (duplicate name, bad
// time zone, not a lead) shows in the modal itself and nothing is changed.
import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { applyFacilityModal } from '../../conversation/dashboard.ts';
import { enter } from '../../conversation/steps.ts';
import { decodeValue } from '../../action-values.ts';
import { FACILITY_MODAL, facilityModalMetadataSchema, facilityModalStateSchema, facilityModalValues } from '../../views/facility-modal.ts';
import { viewSubmission } from './view-submission.ts';

export function registerFacilityModal(app: App, ctx: SlackContext): void {
  for (const callbackId of [FACILITY_MODAL.add, FACILITY_MODAL.edit])
    app.view(
      callbackId,
      viewSubmission(ctx, 'facility modal', async (ctx, _client, submission, once, actor) => {
        const meta = decodeValue(facilityModalMetadataSchema, submission.view.private_metadata, 'facility modal metadata');
        const state = facilityModalStateSchema.safeParse(submission.view.state.values);
        if (!state.success) return once();
        const errors = applyFacilityModal(ctx, { actor, member: enter(ctx, actor), facilityId: meta.fac, values: facilityModalValues(state.data) });
        await once(errors ? { response_action: 'errors', errors } : undefined);
      }),
    );
}
