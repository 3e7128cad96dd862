import type { App } from '@slack/bolt';
import { VIEW_CALLBACK } from '../../action-values.ts';
import type { SlackContext } from '../../context.ts';
import { submitAnswerModal } from '../../conversation/answer-modal-flow.ts';
import { submitMoveModal } from '../../conversation/reminders.ts';
import { submitCadenceModal } from '../../conversation/schedule-command.ts';
import { CADENCE_MODAL } from '../../views/cadence-modal.ts';
import { REMINDER_VIEW } from '../../views/reminder-digest.ts';
import { registerFacilityModal } from './facility-modal-submission.ts';
import { registerReviewModals } from './review-modal-submission.ts';
import { viewSubmission } from './view-submission.ts';

const register = (app: App, ctx: SlackContext) => {
  registerFacilityModal(app, ctx);
  registerReviewModals(app, ctx);
  app.view(VIEW_CALLBACK.answer, viewSubmission(ctx, 'answer modal', submitAnswerModal));
  app.view(REMINDER_VIEW.move, viewSubmission(ctx, 'move modal', submitMoveModal));
  app.view(CADENCE_MODAL, viewSubmission(ctx, 'cadence modal', submitCadenceModal));
};

export default { register };
