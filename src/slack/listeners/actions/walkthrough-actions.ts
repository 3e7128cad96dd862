// Buttons on the walk-through messages: answers, navigation, review edits, the explicit change offered
// after a stale click, the 実施時期 picker and the typed-answer modal.
import {
  sectionStepSchema,
  doneBlockSchema,
  answerStepSchema,
  confirmHideStepSchema,
  decodeValue,
  itemStepSchema,
  navStepSchema,
  navTypeSchema,
  planBlockSchema,
  ACTION,
} from '../../action-values.ts';
import { refreshQuestion } from '../../conversation/assessments.ts';
import { openAnswerModal } from '../../conversation/answer-modal-flow.ts';
import { applyStep } from '../../conversation/steps.ts';
import { MalformedPayloadError } from '../../errors.ts';
import type { ActionHandler } from './block-action.ts';

const signature = (a: { action_id: string; value?: string | undefined }) => `${a.action_id}|${a.value ?? ''}`;

// Steps go through applyStep, which acknowledges once the step is stored (or refused); the picker and
// modal buttons store nothing and acknowledge at once.

export const navigate: ActionHandler = (ctx, client, { action, actor, origin, channelId, ack }) => {
  const type = navTypeSchema.safeParse(action.action_id.slice(ACTION.navPrefix.length));
  if (!type.success) throw new MalformedPayloadError('action_id', action.action_id);
  const { i, ...step } = decodeValue(navStepSchema, action.value, 'navigation value');
  return applyStep(ctx, client, { actor, origin, channelId, step, interaction: { type: type.data }, signature: signature(action), questionItemId: i }, { acknowledge: ack });
};

export const answer: ActionHandler = (ctx, client, { action, actor, origin, channelId, ack }) => {
  const { a, r, i, v } = decodeValue(answerStepSchema, action.value, 'answer value');
  return applyStep(
    ctx,
    client,
    { actor, origin, channelId, step: { a, r }, interaction: { type: 'ANSWER', itemId: i, answer: v }, signature: signature(action) },
    { acknowledge: ack },
  );
};

export const revise: ActionHandler = (ctx, client, { action, actor, channelId, ack }) => {
  const { a, r, i, v } = decodeValue(answerStepSchema, action.value, 'revise value');
  // The offer was ephemeral: there is no message to close, only a confirmation to give.
  return applyStep(
    ctx,
    client,
    { actor, channelId, step: { a, r }, interaction: { type: 'REVISE', itemId: i, answer: v }, signature: signature(action) },
    { acknowledge: ack },
  );
};

/** 「変更する」 under the warning that a gate answer hides answered items: the same answer, confirmed. */
export const confirmHide: ActionHandler = (ctx, client, { action, actor, origin, channelId, ack }) => {
  const { a, r, i, v, q } = decodeValue(confirmHideStepSchema, action.value, 'confirm value');
  return applyStep(
    ctx,
    client,
    {
      actor,
      origin,
      channelId,
      step: { a, r },
      interaction: { type: q ? 'ANSWER' : 'REVISE', itemId: i, answer: v, confirmHide: true },
      signature: signature(action),
    },
    { acknowledge: ack },
  );
};

export const edit: ActionHandler = (ctx, client, { action, actor, origin, channelId, ack }) => {
  const { a, r, i } = decodeValue(itemStepSchema, action.value, 'edit value');
  return applyStep(ctx, client, { actor, origin, channelId, step: { a, r }, interaction: { type: 'EDIT', itemId: i }, signature: signature(action) }, { acknowledge: ack });
};

export const openPlanPicker: ActionHandler = async (ctx, client, { action, actor, origin, channelId, ack }) => {
  await ack();
  await refreshQuestion(ctx, client, { actor, origin, channelId, step: decodeValue(itemStepSchema, action.value, 'plan value'), planning: true });
};

export const closePlanPicker: ActionHandler = async (ctx, client, { action, actor, origin, channelId, ack }) => {
  await ack();
  await refreshQuestion(ctx, client, { actor, origin, channelId, step: decodeValue(itemStepSchema, action.value, 'plan value'), planning: false });
};

/**
 * A day picked in a question's date picker: the 実施時期 of 実施予定, or (on a carried 実施予定 whose date has
 * passed) the 実施日 of 実施済. The picker's block id carries the step; the day was validated at the boundary.
 */
const answerPickedDate =
  (kind: 'planned' | 'done', blockSchema: typeof planBlockSchema | typeof doneBlockSchema): ActionHandler =>
  async (ctx, client, { action, actor, origin, channelId, ack }) => {
    const { a, r, i } = decodeValue(blockSchema, action.block_id, 'date picker block_id');
    const date = action.selected_date;
    if (!date) return;
    await applyStep(
      ctx,
      client,
      {
        actor,
        origin,
        channelId,
        step: { a, r },
        interaction: { type: 'ANSWER', itemId: i, answer: kind === 'planned' ? { kind: 'planned', date } : { kind: 'done', on: date } },
        signature: `${action.action_id}|${a}|${i}|${date}`,
        planningAttempt: date,
        ...(kind === 'done' ? { planningDone: true } : {}),
      },
      { acknowledge: ack },
    );
  };

export const pickPlanDate = answerPickedDate('planned', planBlockSchema);

/** 実施済 on a carried 実施予定 whose date has passed: show the 実施日 picker. */
export const openDonePicker: ActionHandler = async (ctx, client, { action, actor, origin, channelId, ack }) => {
  await ack();
  await refreshQuestion(ctx, client, { actor, origin, channelId, step: decodeValue(itemStepSchema, action.value, 'done value'), planning: true, done: true });
};

export const pickDoneDate = answerPickedDate('done', doneBlockSchema);

export const openModal: ActionHandler = async (ctx, client, { body, action, actor, origin, channelId, ack }) => {
  await ack();
  await openAnswerModal(ctx, client, { actor, origin, channelId, step: decodeValue(itemStepSchema, action.value, 'modal value'), triggerId: body.trigger_id });
};

/** 変更なし: last cycle's answer becomes this cycle's, confirmed by the person who clicked. */
export const confirmCarried: ActionHandler = (ctx, client, { action, actor, origin, channelId, ack }) => {
  const { a, r, i } = decodeValue(itemStepSchema, action.value, 'confirm value');
  return applyStep(
    ctx,
    client,
    { actor, origin, channelId, step: { a, r }, interaction: { type: 'CONFIRM_ITEM', itemId: i }, signature: signature(action) },
    { acknowledge: ack },
  );
};

/** 「この分野はすべて変更なし」 on the section's list. */
export const confirmSection: ActionHandler = (ctx, client, { action, actor, origin, channelId, ack }) => {
  const { a, r, s } = decodeValue(sectionStepSchema, action.value, 'section confirm value');
  return applyStep(
    ctx,
    client,
    { actor, origin, channelId, step: { a, r }, interaction: { type: 'CONFIRM_SECTION', sectionId: s }, signature: signature(action) },
    { acknowledge: ack },
  );
};
