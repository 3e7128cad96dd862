// The buttons of a reminder DM. Values are validated before anything acts on them.
import { assessmentRefSchema, decodeValue, flowChoiceSchema } from '../../action-values.ts';
import { startAssessment } from '../../conversation/assessments.ts';
import { markDoneFromReminder, openMoveModal, resumeReminders, showReminderDetails, stopCycleReminders, stopReminders } from '../../conversation/reminders.ts';
import { cycleStopRefSchema, reminderItemSchema, stopRefSchema } from '../../reminder-values.ts';
import type { ActionHandler } from './block-action.ts';

export const reminderDone: ActionHandler = (ctx, client, { action, actor, origin, channelId }) =>
  markDoneFromReminder(ctx, client, { actor, origin, channelId, ref: decodeValue(reminderItemSchema, action.value, 'reminder done value') });

/** The earlier-day picker beside 実施済にした: its block id carries the item, the picked day is the 実施日. */
export const reminderDoneOn: ActionHandler = (ctx, client, { action, actor, origin, channelId }) =>
  markDoneFromReminder(ctx, client, {
    actor,
    origin,
    channelId,
    ref: decodeValue(reminderItemSchema, action.block_id.replace(/^ra:/, ''), 'reminder done-on block'),
    doneOn: action.selected_date ?? undefined,
  });

export const reminderMove: ActionHandler = (ctx, client, { action, actor, origin, channelId, body }) =>
  openMoveModal(ctx, client, { actor, origin, channelId, ref: decodeValue(reminderItemSchema, action.value, 'reminder move value'), triggerId: body.trigger_id });

export const reminderDetails: ActionHandler = (ctx, client, { action, actor, origin, channelId }) =>
  showReminderDetails(ctx, client, { actor, origin, channelId, ref: decodeValue(reminderItemSchema, action.value, 'reminder details value') });

export const reminderStop: ActionHandler = (ctx, client, { action, actor, origin, channelId }) =>
  stopReminders(ctx, client, { actor, origin, channelId, assessmentId: decodeValue(assessmentRefSchema, action.value, 'reminder stop value').a });

export const reminderStopCycle: ActionHandler = (ctx, client, { action, actor, origin, channelId }) =>
  stopCycleReminders(ctx, client, { actor, origin, channelId, ref: decodeValue(cycleStopRefSchema, action.value, 'cycle stop value') });

export const reminderResume: ActionHandler = (ctx, client, { action, actor, origin, channelId }) =>
  resumeReminders(ctx, client, { actor, origin, channelId, ref: decodeValue(stopRefSchema, action.value, 'reminder resume value') });

/**
 * 始める in a cycle prompt: the new 年度's assessment at that facility, carrying last cycle's answers over for
 * confirmation when the facility submitted this flow before (a fresh one otherwise). The digest stays as it is.
 */
export const reminderCycleStart: ActionHandler = async (ctx, client, { action, actor, ack }) => {
  await ack();
  const choice = decodeValue(flowChoiceSchema, action.value, 'cycle start value');
  await startAssessment(ctx, client, actor, choice.f, { facilityId: choice.fac, mode: 'carried' });
};
