// The buttons of a review request (承認 / 差し戻し / 詳細) and the respondent's 修正する. The service checks
// the role and the round on each; these only decode what Slack sent back.
import { assessmentRefSchema, decodeValue } from '../../action-values.ts';
import { addReturnFlagSlot, openApproveModal, openReturnModal, revise, showDetail } from '../../conversation/review-flow.ts';
import { reviewRefSchema } from '../../views/review-request.ts';
import type { ActionHandler } from './block-action.ts';

// None of these store anything before their first Web API call (a decision is stored when its modal is
// submitted): each acknowledges at once, so a modal's trigger (valid 3 s) is still good.

export const approve: ActionHandler = async (ctx, client, { body, action, actor, origin, channelId, ack }) => {
  await ack();
  await openApproveModal(ctx, client, { actor, origin, channelId, ref: decodeValue(reviewRefSchema, action.value, 'approve value'), triggerId: body.trigger_id });
};

export const returnForRevision: ActionHandler = async (ctx, client, { body, action, actor, origin, channelId, ack }) => {
  await ack();
  await openReturnModal(ctx, client, { actor, origin, channelId, ref: decodeValue(reviewRefSchema, action.value, 'return value'), triggerId: body.trigger_id });
};

/** 「＋ 指摘する項目を追加」 inside the 差し戻し modal; a click that comes with no view (forged) changes nothing. */
export const addFlagSlot: ActionHandler = async (ctx, _client, { body, actor, ack }) => {
  await ack();
  if (!body.view) return;
  await addReturnFlagSlot(ctx, { actor, view: body.view });
};

export const detail: ActionHandler = async (ctx, client, { body, action, actor, origin, channelId, ack }) => {
  await ack();
  await showDetail(ctx, client, { actor, origin, channelId, ref: decodeValue(reviewRefSchema, action.value, 'detail value'), triggerId: body.trigger_id });
};

export const startRevision: ActionHandler = async (ctx, client, { action, actor, channelId, ack }) => {
  await ack();
  await revise(ctx, client, { actor, channelId, assessmentId: decodeValue(assessmentRefSchema, action.value, 'revise value').a });
};
