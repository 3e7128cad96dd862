// Buttons that enter the conversation from the App Home tab or the start offer: start a checklist,
// continue one, get the PDF again, answer the offer to start a related assessment first.
import { ACTION, assessmentRefSchema, decodeValue, flowChoiceSchema } from '../../action-values.ts';
import { answerCarryOffer, answerRelatedOffer, sendReport, showCurrent, startAssessment } from '../../conversation/assessments.ts';
import type { ActionHandler } from './block-action.ts';

// None of these store anything before their first Web API call (names are looked up before a start),
// so they acknowledge at once.

export const start: ActionHandler = async (ctx, client, { action, actor, ack }) => {
  await ack();
  const choice = decodeValue(flowChoiceSchema, action.value, 'start value');
  await startAssessment(ctx, client, actor, choice.f, { facilityId: choice.fac });
};

/** The offer before a flow whose related assessment is missing: start that one first, or go on without it. */
export const startFromOffer: ActionHandler = async (ctx, client, { action, actor, origin, ack }) => {
  await ack();
  const choice = decodeValue(flowChoiceSchema, action.value, 'start value');
  return answerRelatedOffer(ctx, client, { actor, origin, flowId: choice.f, withoutRelated: choice.s === 1, facilityId: choice.fac });
};

export const resume: ActionHandler = async (ctx, client, { action, actor, ack }) => {
  await ack();
  await showCurrent(ctx, client, actor, decodeValue(assessmentRefSchema, action.value, 'resume value').a);
};

export const report: ActionHandler = async (ctx, client, { action, actor, ack }) => {
  await ack();
  await sendReport(ctx, client, actor, decodeValue(assessmentRefSchema, action.value, 'report value').a);
};

/** The offer before a flow submitted here before: start from those answers, or blank. */
export const startFromCarryOffer: ActionHandler = async (ctx, client, { action, actor, origin, ack }) => {
  await ack();
  const choice = decodeValue(flowChoiceSchema, action.value, 'start value');
  await answerCarryOffer(ctx, client, { actor, origin, flowId: choice.f, facilityId: choice.fac, mode: action.action_id === ACTION.startCarried ? 'carried' : 'blank' });
};
