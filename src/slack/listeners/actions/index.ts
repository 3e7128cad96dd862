import type { App } from '@slack/bolt';
import { ACTION, ACTION_PATTERN } from '../../action-values.ts';
import type { SlackContext } from '../../context.ts';
import { DASHBOARD_ACTION } from '../../views/dashboard-view.ts';
import { createActionRouter } from './action-router.ts';
import { blockAction, type ActionHandler } from './block-action.ts';
import { addFacility, editFacility, exportWorkbook, page, rowChoice, scheduleCadence } from './dashboard-actions.ts';
import { addFlagSlot, approve, detail, returnForRevision, startRevision } from './review-actions.ts';
import { REVIEW_ACTION } from '../../views/review-request.ts';
import { report, resume, start, startFromCarryOffer, startFromOffer } from './entry-actions.ts';
import { reminderCycleStart, reminderDetails, reminderDone, reminderDoneOn, reminderMove, reminderResume, reminderStop, reminderStopCycle } from './reminder-actions.ts';
import { REMINDER_ACTION } from '../../views/reminder-digest.ts';
import {
  answer,
  closePlanPicker,
  confirmCarried,
  confirmHide,
  confirmSection,
  openDonePicker,
  pickDoneDate,
  edit,
  navigate,
  openModal,
  openPlanPicker,
  pickPlanDate,
  revise,
} from './walkthrough-actions.ts';

const register = (app: App, ctx: SlackContext) => {
  const router = createActionRouter<ReturnType<typeof blockAction>>();
  const on = (actionId: string | RegExp, handler: ActionHandler) => router.on(actionId, blockAction(ctx, handler));
  on(ACTION_PATTERN.nav, navigate);
  on(ACTION_PATTERN.answer, answer);
  on(ACTION_PATTERN.edit, edit);
  on(ACTION.revise, revise);
  on(ACTION.confirmHide, confirmHide);
  on(ACTION.planOpen, openPlanPicker);
  on(ACTION.planClose, closePlanPicker);
  on(ACTION.planDate, pickPlanDate);
  on(ACTION.openModal, openModal);
  on(ACTION.start, start);
  on(ACTION_PATTERN.startAt, start);
  on(ACTION.relatedFirst, startFromOffer);
  on(ACTION.relatedSkip, startFromOffer);
  on(ACTION.resume, resume);
  on(ACTION.report, report);
  on(DASHBOARD_ACTION.pagePattern, page);
  on(DASHBOARD_ACTION.row, rowChoice);
  on(DASHBOARD_ACTION.addFacility, addFacility);
  on(DASHBOARD_ACTION.schedule, scheduleCadence);
  on(DASHBOARD_ACTION.editFacility, editFacility);
  on(DASHBOARD_ACTION.export, exportWorkbook);
  on(REVIEW_ACTION.approve, approve);
  on(REVIEW_ACTION.return, returnForRevision);
  on(REVIEW_ACTION.detail, detail);
  on(REVIEW_ACTION.revise, startRevision);
  on(REVIEW_ACTION.addFlag, addFlagSlot);
  on(REMINDER_ACTION.done, reminderDone);
  on(REMINDER_ACTION.doneOn, reminderDoneOn);
  on(REMINDER_ACTION.move, reminderMove);
  on(REMINDER_ACTION.details, reminderDetails);
  on(REMINDER_ACTION.cycleStart, reminderCycleStart);
  on(REMINDER_ACTION.stopCycle, reminderStopCycle);
  // Several per message (one per assessment or stopped facility), so the ids carry an index.
  on(/^kakunin\.remind\.stop\.\d+$/, reminderStop);
  on(/^kakunin\.remind\.resume\.\d+$/, reminderResume);
  on(ACTION.startCarried, startFromCarryOffer);
  on(ACTION.startBlank, startFromCarryOffer);
  on(ACTION.confirmCarried, confirmCarried);
  on(ACTION.confirmSection, confirmSection);
  on(ACTION.doneOpen, openDonePicker);
  on(ACTION.doneDate, pickDoneDate);
  // One Bolt listener for all of them (action-router.ts says why). An id nobody registered is left
  // unacknowledged, as Bolt leaves a request that no listener matched.
  app.action({ type: 'block_actions' }, async (args) => {
    const actionId = (args.action as { action_id?: unknown }).action_id;
    const handler = typeof actionId === 'string' ? router.route(actionId) : undefined;
    if (handler) await handler(args as Parameters<typeof handler>[0]);
  });
};

export default { register };
