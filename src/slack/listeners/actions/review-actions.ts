// The buttons of a review request (承認 / 差し戻し / 詳細) and the respondent's 修正する. The service checks
// the role and the round on each; these only decode what Slack sent back.
import { assessmentRefSchema, decodeValue } from '../../action-values.ts';
import { approveFromButton, openReturnModal, revise, showDetail } from '../../conversation/review-flow.ts';
import { reviewRefSchema } from '../../views/review-request.ts';
import type { ActionHandler } from './block-action.ts';

// The others store nothing before their first Web API call: they acknowledge at once, so a modal's
// trigger (valid 3 s) is still good.

// 承認 stores the decision first; the listener acknowledges once the handler is done.
export const approve: ActionHandler = (ctx, client, { action, actor, origin, channelId }) =>
  approveFromButton(ctx, client, { actor, origin, channelId, ref: decodeValue(reviewRefSchema, action.value, 'approve value') });

export const returnForRevision: ActionHandler = async (ctx, client, { body, action, actor, origin, channelId, ack }) => {
  await ack();
  await openReturnModal(ctx, client, { actor, origin, channelId, ref: decodeValue(reviewRefSchema, action.value, 'return value'), triggerId: body.trigger_id });
};

export const detail: ActionHandler = async (ctx, client, { body, action, actor, origin, channelId, ack }) => {
  await ack();
  await showDetail(ctx, client, { actor, origin, channelId, ref: decodeValue(reviewRefSchema, action.value, 'detail value'), triggerId: body.trigger_id });
};

export const startRevision: ActionHandler = async (ctx, client, { action, actor, channelId, ack }) => {
  await ack();
  await revise(ctx, client, { actor, channelId, assessmentId: decodeValue(assessmentRefSchema, action.value, 'revise value').a });
};
