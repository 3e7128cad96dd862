// Typed answers: the modal opens from the question's 回答を入力… button, and its submission is applied
// before the ack, because Slack shows a refusal (「数値を入力してください」) only in the ack itself.
import { findItem } from '../../flow/model.ts';
import { engineErrorText } from '../../i18n/engine-error-text.ts';
import { t } from '../../i18n/messages.ts';
import type { Turn } from '../../service/assessment-service.ts';
import { decodeValue, modalMetadataSchema, originFromMetadata, originMetadata, type ItemStep } from '../action-values.ts';
import type { SlackContext, WebClient } from '../context.ts';
import type { Origin, SlackActor, ViewSubmissionBody } from '../payloads.ts';
import { answerFromModal, answerModal, errorBlockId } from '../views/answer-modal.ts';
import { describeItem } from '../views/answer-text.ts';
import { plainMessage } from '../views/command-replies.ts';
import { postEphemeral } from './slack-calls.ts';
import { applyStep, enter, isMissingAssessment } from './steps.ts';
import type { ModalAck } from '../modal-ack.ts';

export async function openAnswerModal(
  ctx: SlackContext,
  client: WebClient,
  input: { actor: SlackActor; origin: Origin | undefined; channelId: string | undefined; step: ItemStep; triggerId: string },
): Promise<void> {
  const { actor, step } = input;
  const member = enter(ctx, actor);
  const locale = member.person.locale;
  // Only refusals need the channel; the modal itself must open before its trigger_id expires (3 s).
  const say = async (key: string) =>
    void (await postEphemeral(ctx, client, input.channelId ?? (await ctx.dm.channelFor(client, actor)), actor.userId, plainMessage(t(locale, key))));
  let turn: Turn | undefined;
  try {
    turn = ctx.service.view(member.organization.id, step.a);
  } catch (err) {
    if (!isMissingAssessment(err)) throw err;
  }
  if (!turn || turn.assessment.respondentId !== member.person.id) return say('slack.refusal.notRespondent');
  const { prompt } = turn;
  if (prompt.kind !== 'question' || prompt.item.id !== step.i) return say('slack.stale.outdated');
  const meta = { a: step.a, r: turn.assessment.revision, i: step.i, ...originMetadata(input.origin) };
  try {
    // Its own client: never queued behind other calls, never retried (the trigger would be stale).
    await ctx.modal.views.open({ trigger_id: input.triggerId, view: answerModal({ flow: turn.flow, prompt, meta, locale }) });
  } catch (err) {
    ctx.logger.error({ err, assessmentId: step.a }, 'views.open failed');
    await say('slack.modal.openFailed');
  }
}

export async function submitAnswerModal(ctx: SlackContext, client: WebClient, body: ViewSubmissionBody, ack: ModalAck): Promise<void> {
  const actor: SlackActor = { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, userName: body.user.name };
  const meta = decodeValue(modalMetadataSchema, body.view.private_metadata, 'modal private_metadata');
  const state = body.view.state.values;
  const firstBlock = Object.keys(state)[0] ?? 'answer';
  const member = enter(ctx, actor);
  const locale = member.person.locale;
  const fail = (blockId: string, message: string) => ack({ response_action: 'errors', errors: { [blockId]: message } });

  let turn: Turn;
  try {
    turn = ctx.service.view(member.organization.id, meta.a);
  } catch (err) {
    if (isMissingAssessment(err)) return fail(firstBlock, t(locale, 'slack.refusal.notRespondent'));
    throw err;
  }
  const ref = findItem(turn.flow, meta.i);
  if (!ref) return fail(firstBlock, t(locale, 'slack.modal.moved'));
  const parsed = answerFromModal(ref.item.answer, ref.item.required, state, locale);
  if (!parsed.ok) return fail(parsed.blockId, parsed.message);

  const interaction = { type: 'ANSWER' as const, itemId: meta.i, answer: parsed.answer };
  const origin = originFromMetadata(meta);
  await applyStep(
    ctx,
    client,
    { actor, origin, channelId: meta.c, step: { a: meta.a, r: meta.r }, interaction, signature: `modal:${meta.a}:${meta.r}:${meta.i}` },
    {
      onRefused: async (refused) => {
        const error = refused.prompt.error;
        const text = error ? engineErrorText(locale, error, (id) => describeItem(refused.flow, locale, id)) : t(locale, 'error.event.notAllowed');
        await fail(error ? errorBlockId(ref.item.answer, error) : firstBlock, text);
      },
      onRejected: async (reason) => {
        if (reason === 'repeat') return ack();
        await fail(firstBlock, t(locale, reason === 'outdated' ? 'slack.modal.moved' : 'slack.refusal.notRespondent'));
      },
      onAccepted: () => ack(),
      // A modal field cannot hold 変更する / やめる: the modal closes and the question message asks.
      onAskingToHide: () => ack(),
    },
  );
}
