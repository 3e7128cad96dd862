// The review in Slack. On 提出 the leads get the request (in the review channel, else a DM each) with the
// PDF; 承認 records the decision and closes every copy of the request; 差し戻し opens a modal (comment and
// flagged items) and sends the respondent the comments with 修正する; 詳細 shows the history. Every click is
// checked on the server: a manager clicking a forwarded request, another workspace, a second click — all
// change nothing and are told why.
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { ReviewRefusedError } from '../../service/lifecycle-errors.ts';
import { IllegalTransitionError } from '../../service/lifecycle.ts';
import { AlreadyDecidedError, NotALeadError, NotFoundError, OwnSubmissionError } from '../../service/refusals.ts';
import type { ReviewSubject } from '../../service/review.ts';
import type { WorkspaceMember } from '../../service/workspace-directory.ts';
import type { SlackContext, WebClient } from '../context.ts';
import { slackErrorCode } from '../errors.ts';
import type { Origin, SlackActor, ViewSubmissionBody } from '../payloads.ts';
import { decodeValue, originFromMetadata } from '../action-values.ts';
import { text as leadText } from '../views/lead-replies.ts';
import {
  approveModal,
  decisionForRespondent,
  detailModal,
  FIRST_FLAG_SLOTS,
  MAX_FLAG_SLOTS,
  returnModal,
  returnModalStateSchema,
  returnModalValues,
  reviewModalMetadataSchema,
  reviewRequestMessage,
  type ReviewRef,
} from '../views/review-request.ts';
import { slackTime } from '../views/answer-text.ts';
import { leadUserIds } from './lead-commands.ts';
import { postEphemeral, postMessages, updateMessage } from './slack-calls.ts';
import { showCurrent } from './assessments.ts';
import { enter } from './steps.ts';
import type { ModalAck } from '../modal-ack.ts';

/** The person-facing text of a review refusal; undefined for anything that is not one. */
export function reviewRefusalText(locale: Locale, err: unknown): string | undefined {
  if (err instanceof NotALeadError) return t(locale, 'leads.refusal.notLead');
  if (err instanceof OwnSubmissionError) return t(locale, 'review.refusal.ownSubmission');
  if (err instanceof ReviewRefusedError) return err.text(locale);
  if (err instanceof IllegalTransitionError || err instanceof NotFoundError) return t(locale, 'review.refusal.notWaiting');
  if (err instanceof AlreadyDecidedError) return undefined;
  return undefined;
}

function alreadyDecidedText(ctx: SlackContext, member: WorkspaceMember, err: AlreadyDecidedError): string {
  const locale = member.person.locale;
  if (!err.decision) return t(locale, 'review.refusal.notWaiting');
  const subject = ctx.leads.review.subject(member.organization.id, err.assessmentId);
  const d = subject.history.find((h) => h.reviewerId === err.decision!.reviewerId && h.at === err.decision!.at) ?? subject.history.at(-1)!;
  const lead = d.reviewerSlackId ? `<@${d.reviewerSlackId}>` : d.reviewerName;
  return t(locale, d.decision === 'approved' ? 'review.refusal.alreadyApproved' : 'review.refusal.alreadyReturned', { lead, when: slackTime(new Date(d.at)) });
}

/** After 提出: the request to the leads (channel or DMs) with the PDF, remembered so a decision can close them. */
export async function announceSubmission(ctx: SlackContext, client: WebClient, input: { actor: SlackActor; member: WorkspaceMember; assessmentId: string }): Promise<void> {
  const { actor, member, assessmentId } = input;
  const organizationId = member.organization.id;
  const subject = ctx.leads.review.subject(organizationId, assessmentId);
  const leads = ctx.roles.leads(organizationId).filter((l) => l.slackUserId);
  ctx.leads.homeRefresh.schedule(actor.teamId, [...leadUserIds(ctx, organizationId), actor.userId]);
  if (leads.length === 0) return;
  const channel = ctx.leads.reviewChannel.get(organizationId);
  const targets: { channel: string; locale: Locale }[] = channel
    ? [{ channel, locale: leads[0]!.locale }]
    : await Promise.all(leads.map(async (l) => ({ channel: await ctx.dm.channelFor(client, { teamId: actor.teamId, userId: l.slackUserId! }), locale: l.locale })));
  let pdf: Uint8Array | undefined;
  try {
    pdf = await ctx.renderReport(ctx.directory.reportSource(organizationId, assessmentId, targets[0]!.locale));
  } catch (err) {
    ctx.logger.error({ err, assessmentId }, 'could not render the PDF for the review request; the request goes without it');
  }
  for (const target of targets) {
    const message = reviewRequestMessage({ subject, locale: target.locale });
    try {
      const posted = await client.chat.postMessage({ channel: target.channel, text: message.text, blocks: message.blocks });
      if (posted.ts && posted.channel) ctx.leads.review.rememberMessage({ assessmentId, round: subject.round, channelId: posted.channel, ts: posted.ts });
    } catch (err) {
      ctx.logger.error({ err, channel: target.channel, assessmentId }, 'could not post the review request');
      continue;
    }
    if (!pdf) continue;
    const title = localize(subject.flow.title, target.locale);
    await ctx.bulk.files
      .uploadV2({
        channel_id: target.channel,
        file: Buffer.from(pdf),
        filename: `${subject.flow.id}-${subject.facilityName}-${subject.round}.pdf`,
        title: `${title}（${subject.facilityName}）`,
        initial_comment: t(target.locale, 'review.request.pdf', { title, facility: subject.facilityName }),
      })
      .catch((err: unknown) => ctx.logger.error({ err, assessmentId }, 'could not upload the PDF of the review request'));
  }
}

/** Every copy of this round's request turns into the decided version (no buttons, who decided). */
async function closeRequests(ctx: SlackContext, client: WebClient, subject: ReviewSubject, locale: Locale): Promise<void> {
  for (const ref of ctx.leads.review.messagesOf(subject.assessment.id, subject.round))
    await updateMessage(ctx, client, { channelId: ref.channelId, messageTs: ref.ts }, reviewRequestMessage({ subject, locale }));
}

async function tellRespondent(ctx: SlackContext, client: WebClient, actor: SlackActor, subject: ReviewSubject): Promise<void> {
  const userId = subject.respondent.slackUserId;
  if (!userId) return;
  const dm = await ctx.dm.channelFor(client, { teamId: actor.teamId, userId });
  await postMessages(ctx, client, dm, [decisionForRespondent({ subject, locale: subject.respondent.locale })]);
}


interface ClickInput {
  actor: SlackActor;
  origin: Origin | undefined;
  channelId: string | undefined;
  ref: ReviewRef;
}

async function refuse(ctx: SlackContext, client: WebClient, input: ClickInput, member: WorkspaceMember, err: unknown): Promise<void> {
  const locale = member.person.locale;
  const text = err instanceof AlreadyDecidedError ? alreadyDecidedText(ctx, member, err) : reviewRefusalText(locale, err);
  if (text === undefined) throw err;
  ctx.logger.info({ assessmentId: input.ref.a, userId: input.actor.userId, refusal: (err as Error).name }, 'review click refused');
  const channel = input.channelId ?? (await ctx.dm.channelFor(client, input.actor));
  await postEphemeral(ctx, client, channel, input.actor.userId, leadText(text));
}

/** 承認: checked at once (role, round, own submission), then a modal for the optional comment. */
export async function openApproveModal(ctx: SlackContext, client: WebClient, input: ClickInput & { triggerId: string }): Promise<void> {
  const member = enter(ctx, input.actor);
  let subject: ReviewSubject;
  try {
    ctx.leads.review.checkApprovable(member.participant, input.ref.a, input.ref.n);
    subject = ctx.leads.review.subject(member.organization.id, input.ref.a);
  } catch (err) {
    if (err instanceof AlreadyDecidedError && input.origin) await showDecided(ctx, client, member, input);
    return refuse(ctx, client, input, member, err);
  }
  try {
    await ctx.modal.views.open({ trigger_id: input.triggerId, view: approveModal({ subject, locale: member.person.locale, origin: input.origin }) });
  } catch (err) {
    ctx.logger.error({ err, assessmentId: input.ref.a }, 'views.open of the approve modal failed');
  }
}

/** The message clicked still shows buttons (a copy not updated yet, a double click): show the decision. */
async function showDecided(ctx: SlackContext, client: WebClient, member: WorkspaceMember, input: ClickInput): Promise<void> {
  if (!input.origin) return;
  const subject = ctx.leads.review.subject(member.organization.id, input.ref.a);
  const decided = subject.history.find((d) => d.round === input.ref.n);
  if (decided) await updateMessage(ctx, client, input.origin, reviewRequestMessage({ subject: { ...subject, round: input.ref.n, decided }, locale: member.person.locale }));
}

/** The 承認 modal: applied before the ack, so a late second submission is refused in the modal itself. */
export async function submitApproveModal(ctx: SlackContext, client: WebClient, body: ViewSubmissionBody, ack: ModalAck): Promise<void> {
  const actor: SlackActor = { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id };
  const member = enter(ctx, actor);
  const locale = member.person.locale;
  const meta = decodeValue(reviewModalMetadataSchema, body.view.private_metadata, 'approve modal metadata');
  const comment = returnModalValues(returnModalStateSchema.parse(body.view.state.values)).comment;
  try {
    ctx.leads.review.approve(member.participant, meta.a, { round: meta.n, ...(comment ? { comment } : {}) });
  } catch (err) {
    const text = err instanceof AlreadyDecidedError ? alreadyDecidedText(ctx, member, err) : reviewRefusalText(locale, err);
    if (text === undefined) throw err;
    return ack({ response_action: 'errors', errors: { comment: text } });
  }
  await ack();
  ctx.logger.info({ assessmentId: meta.a, round: meta.n, teamId: actor.teamId }, 'assessment approved');
  const subject = ctx.leads.review.subject(member.organization.id, meta.a);
  await closeRequests(ctx, client, subject, locale);
  await tellRespondent(ctx, client, actor, subject);
  ctx.leads.homeRefresh.schedule(actor.teamId, [...leadUserIds(ctx, member.organization.id), ...(subject.respondent.slackUserId ? [subject.respondent.slackUserId] : [])]);
}

export async function openReturnModal(ctx: SlackContext, client: WebClient, input: ClickInput & { triggerId: string }): Promise<void> {
  const member = enter(ctx, input.actor);
  let subject: ReviewSubject;
  try {
    ctx.leads.review.checkReturnable(member.participant, input.ref.a, input.ref.n);
    subject = ctx.leads.review.subject(member.organization.id, input.ref.a);
  } catch (err) {
    if (err instanceof AlreadyDecidedError) await showDecided(ctx, client, member, input);
    return refuse(ctx, client, input, member, err);
  }
  try {
    await ctx.modal.views.open({ trigger_id: input.triggerId, view: returnModal({ subject, locale: member.person.locale, origin: input.origin }) });
  } catch (err) {
    ctx.logger.error({ err, assessmentId: input.ref.a }, 'views.open of the return modal failed');
  }
}

/**
 * 「＋ 指摘する項目を追加」 in the 差し戻し modal: the same modal with one more slot. Slack keeps what was
 * entered (same block ids); the view's hash makes a double click's second update fail instead of racing.
 * Nothing is stored; a review that can no longer be returned keeps its modal as it is.
 */
export async function addReturnFlagSlot(ctx: SlackContext, input: { actor: SlackActor; view: { id: string; hash?: string | undefined; private_metadata?: string | undefined } }): Promise<void> {
  const member = enter(ctx, input.actor);
  const meta = decodeValue(reviewModalMetadataSchema, input.view.private_metadata ?? '', 'return modal metadata');
  const slots = (meta.s ?? FIRST_FLAG_SLOTS) + 1;
  if (slots > MAX_FLAG_SLOTS) return;
  let subject: ReviewSubject;
  try {
    // As for opening it: only a lead, only while that round waits. Otherwise the modal stays as it is and
    // its submission says why.
    ctx.leads.review.checkReturnable(member.participant, meta.a, meta.n);
    subject = ctx.leads.review.subject(member.organization.id, meta.a);
  } catch (err) {
    // A refusal the submission would give too; anything else is a fault and goes up.
    if (!(err instanceof AlreadyDecidedError) && reviewRefusalText(member.person.locale, err) === undefined) throw err;
    ctx.logger.info({ assessmentId: meta.a, refusal: (err as Error).name }, 'no slot added to a return modal that can no longer be used');
    return;
  }
  const origin = originFromMetadata(meta);
  try {
    await ctx.modal.views.update({
      view_id: input.view.id,
      ...(input.view.hash ? { hash: input.view.hash } : {}),
      view: returnModal({ subject, locale: member.person.locale, origin, slots }),
    });
  } catch (err) {
    if (slackErrorCode(err) === 'hash_conflict') ctx.logger.info({ assessmentId: meta.a }, 'a second click on the same return modal: the first one added the slot');
    else ctx.logger.error({ err, assessmentId: meta.a }, 'views.update of the return modal failed');
  }
}

/** The 差し戻し modal: applied before the ack, so a refusal shows in the modal and nothing changes. */
export async function submitReturnModal(ctx: SlackContext, client: WebClient, body: ViewSubmissionBody, ack: ModalAck): Promise<void> {
  const actor: SlackActor = { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id };
  const member = enter(ctx, actor);
  const locale = member.person.locale;
  const meta = decodeValue(reviewModalMetadataSchema, body.view.private_metadata, 'return modal metadata');
  const values = returnModalValues(returnModalStateSchema.parse(body.view.state.values));
  if (values.orphanNotes.length) return ack({ response_action: 'errors', errors: { [`flag.${values.orphanNotes[0]}`]: t(locale, 'review.modal.noteWithoutItem') } });
  try {
    ctx.leads.review.returnForRevision(member.participant, meta.a, { round: meta.n, comment: values.comment, flags: values.flags });
  } catch (err) {
    const text = err instanceof AlreadyDecidedError ? alreadyDecidedText(ctx, member, err) : reviewRefusalText(locale, err);
    if (text === undefined) throw err;
    return ack({ response_action: 'errors', errors: { comment: text } });
  }
  await ack();
  ctx.logger.info({ assessmentId: meta.a, round: meta.n, flags: values.flags.length }, 'assessment returned');
  const subject = ctx.leads.review.subject(member.organization.id, meta.a);
  await closeRequests(ctx, client, subject, locale);
  await tellRespondent(ctx, client, actor, subject);
  ctx.leads.homeRefresh.schedule(actor.teamId, [...leadUserIds(ctx, member.organization.id), ...(subject.respondent.slackUserId ? [subject.respondent.slackUserId] : [])]);
}

export async function showDetail(ctx: SlackContext, client: WebClient, input: ClickInput & { triggerId: string }): Promise<void> {
  const member = enter(ctx, input.actor);
  let subject: ReviewSubject;
  try {
    subject = ctx.leads.review.detail(member.participant, input.ref.a);
  } catch (err) {
    return refuse(ctx, client, input, member, err);
  }
  try {
    await ctx.modal.views.open({ trigger_id: input.triggerId, view: detailModal({ subject, locale: member.person.locale }) });
  } catch (err) {
    ctx.logger.error({ err, assessmentId: input.ref.a }, 'views.open of the review detail failed');
  }
}

/** 修正する: the respondent continues the returned assessment at the first flagged item. */
export async function revise(ctx: SlackContext, client: WebClient, input: { actor: SlackActor; channelId: string | undefined; assessmentId: string }): Promise<void> {
  const member = enter(ctx, input.actor);
  let respondentId: string | undefined;
  try {
    respondentId = ctx.service.view(member.organization.id, input.assessmentId).assessment.respondentId;
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
  if (respondentId !== member.person.id) {
    const channel = input.channelId ?? (await ctx.dm.channelFor(client, input.actor));
    return void (await postEphemeral(ctx, client, channel, input.actor.userId, leadText(t(member.person.locale, 'review.refusal.notRespondent'))));
  }
  await showCurrent(ctx, client, input.actor, input.assessmentId);
}

/** A lead asks to review one assessment (dashboard row, `/kakunin review`): its request, in their DM. */
export async function showRequestTo(ctx: SlackContext, client: WebClient, input: { actor: SlackActor; member: WorkspaceMember; assessmentId: string }): Promise<void> {
  const { actor, member } = input;
  const subject = ctx.leads.review.detail(member.participant, input.assessmentId);
  const dm = await ctx.dm.channelFor(client, actor);
  const message = reviewRequestMessage({ subject, locale: member.person.locale });
  const posted = await client.chat.postMessage({ channel: dm, text: message.text, blocks: message.blocks }).catch((err: unknown) => {
    ctx.logger.error({ err }, 'could not post the review request');
    return undefined;
  });
  if (posted?.ts && posted.channel) ctx.leads.review.rememberMessage({ assessmentId: subject.assessment.id, round: subject.round, channelId: posted.channel, ts: posted.ts });
}
