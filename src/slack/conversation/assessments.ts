// Entering the conversation: resuming the current assessment (also after a restart — everything is in
// SQLite), starting a new one, the App Home tab, and the in-place refreshes of a question message.
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import type { Turn } from '../../service/assessment-service.ts';
import { OutdatedInteractionError } from '../../service/refusals.ts';
import type { WorkspaceMember } from '../../service/workspace-directory.ts';
import type { Person } from '../../service/roles.ts';
import type { ItemStep } from '../action-values.ts';
import type { SlackContext, WebClient } from '../context.ts';
import type { Origin, SlackActor } from '../payloads.ts';
import { flowPickerMessage, plainMessage } from '../views/command-replies.ts';
import { homeView } from '../views/home-view.ts';
import { promptMessages } from '../views/prompt-messages.ts';
import { questionMessage } from '../views/question-message.ts';
import { noteRecord } from '../views/records.ts';
import { relatedOfferMessage } from '../views/related-offer.ts';
import { facilityChoiceMessage, text as leadText } from '../views/lead-replies.ts';
import { publishDashboard } from './dashboard.ts';
import { leadUserIds } from './lead-commands.ts';
import { carryOfferMessage } from '../views/carry-over-blocks.ts';
import { carryOfferText } from '../../i18n/carry-over-text.ts';
import type { StartMode } from '../../service/reassessment-service.ts';
import { deliverReport } from './report-delivery.ts';
import { postEphemeral, postMessages, updateMessage } from './slack-calls.ts';
import { enter, isMissingAssessment } from './steps.ts';

/**
 * Posts what the assessment asks now into the DM (a paused one is resumed first). Without an id,
 * the person's most recent open assessment; false when there is none.
 */
export async function showCurrent(ctx: SlackContext, client: WebClient, actor: SlackActor, assessmentId?: string): Promise<boolean> {
  const member = enter(ctx, actor);
  const id = assessmentId ?? ctx.directory.currentAssessment(member.organization.id, member.person.id)?.id;
  if (!id) return false;
  const locale = member.person.locale;
  let found: Turn | undefined;
  try {
    found = ctx.service.view(member.organization.id, id);
  } catch (err) {
    // A button naming an assessment of another workspace (or none) is refused like someone else's.
    if (!isMissingAssessment(err)) throw err;
  }
  const dm = await ctx.dm.channelFor(client, actor);
  if (!found || found.assessment.respondentId !== member.person.id) {
    await postEphemeral(ctx, client, dm, actor.userId, plainMessage(t(locale, 'slack.refusal.notRespondent')));
    return true;
  }
  let turn: Turn = found;
  if (turn.prompt.kind === 'submitted') {
    await postMessages(ctx, client, dm, [plainMessage(t(locale, 'slack.stale.closed'))]);
    return true;
  }
  if (turn.prompt.kind === 'paused') {
    try {
      turn = ctx.service.interact(member.participant, id, { type: 'RESUME' }, { expectedRevision: turn.assessment.revision });
    } catch (err) {
      // Resumed by a concurrent click: show whatever it is now.
      if (!(err instanceof OutdatedInteractionError)) throw err;
      turn = ctx.service.view(member.organization.id, id);
    }
  }
  const today = ctx.directory.todayFor(member.organization.id, turn.assessment);
  const step = { a: turn.assessment.id, r: turn.assessment.revision };
  await postMessages(ctx, client, dm, promptMessages({ flow: turn.flow, prompt: turn.prompt, step, locale, today, flagged: turn.flaggedItems, carryOver: turn.carryOver, comparison: turn.comparison }));
  return true;
}

export function flowChoices(ctx: SlackContext) {
  return ctx.service.availableFlows().map((f) => ({ id: f.id, title: f.title, description: f.description }));
}

export async function offerStart(ctx: SlackContext, client: WebClient, actor: SlackActor, member: WorkspaceMember): Promise<void> {
  const dm = await ctx.dm.channelFor(client, actor);
  await postMessages(ctx, client, dm, [flowPickerMessage(member.person.locale, flowChoices(ctx))]);
}

/**
 * Starts `flowId` for the person at one of their facilities: with several, they are asked which first
 * (`facilityId` is the answer); with none, they are told to ask a lead and the leads get one DM. An
 * assessment of that flow still open at that facility is continued instead of starting a second one.
 * A flow that draws on an assessment not submitted yet (the agency form and its checklist) first says so
 * and offers to start that one, unless the person already chose to go on without it (`withoutRelated`).
 */
export async function startAssessment(
  ctx: SlackContext,
  client: WebClient,
  actor: SlackActor,
  flowId: string,
  opts: { withoutRelated?: boolean; facilityId?: string | undefined; mode?: StartMode } = {},
): Promise<void> {
  let member = enter(ctx, actor);
  const flow = ctx.service.availableFlows().find((f) => f.id === flowId);
  const dm = await ctx.dm.channelFor(client, actor);
  if (!flow) {
    const text = t(member.person.locale, 'slack.command.unknownFlow', { flow: flowId, flows: flowChoices(ctx).map((f) => f.id).join(', ') });
    await postMessages(ctx, client, dm, [plainMessage(text)]);
    return;
  }
  const openAt = (organizationId: string, facilityId: string) =>
    ctx.directory.resumableAt(organizationId, member.person.id, facilityId).find((a) => a.flowId === flowId);
  // Where it would start, when that is known without asking: checked before any await, so of a double
  // click's two requests the second one continues what the first started instead of racing it.
  const own = ctx.facilities.facilitiesOf(member.organization.id, member.person.id);
  const known = opts.facilityId ?? (own.length === 1 ? own[0]!.id : undefined);
  const alreadyOpen = known ? openAt(member.organization.id, known) : undefined;
  if (alreadyOpen) {
    await postMessages(ctx, client, dm, [plainMessage(t(member.person.locale, 'slack.picker.inProgress', { title: localize(flow.title, member.person.locale) }))]);
    await showCurrent(ctx, client, actor, alreadyOpen.id);
    return;
  }
  // Names for the PDF (施設名, 記入者): looked up once per start, after the ack.
  const [teamName, userName] = await Promise.all([ctx.profiles.teamName(client, actor), ctx.profiles.userName(client, actor)]);
  member = ctx.directory.enter({ teamId: actor.teamId, slackUserId: actor.userId, teamName, userName });
  const organizationId = member.organization.id;
  const locale = member.person.locale;
  const places = ctx.facilities.startPlaces(organizationId, member.person.id, teamName);
  if (places.kind === 'none') return tellNoFacility(ctx, client, { actor, dm, locale, leads: places.leads, firstRequest: places.firstRequest });
  let facility = places.facilities.length === 1 && !opts.facilityId ? places.facilities[0] : undefined;
  if (opts.facilityId) {
    facility = places.facilities.find((f) => f.id === opts.facilityId);
    if (!facility) return void (await postMessages(ctx, client, dm, [plainMessage(t(locale, 'facility.notYours'))]));
  }
  if (!facility) {
    const inProgressAt = new Set(places.facilities.filter((f) => openAt(organizationId, f.id)).map((f) => f.id));
    await postMessages(ctx, client, dm, [facilityChoiceMessage({ locale, flow, facilities: places.facilities, inProgressAt })]);
    return;
  }
  // Open now but not before the names were looked up: a concurrent request (a double click) started it.
  if (openAt(organizationId, facility.id)) {
    ctx.logger.debug({ flowId, userId: actor.userId }, 'already started by a concurrent request');
    return;
  }
  const missing = ctx.service.missingRelated(flowId, { organizationId, facilityId: facility.id });
  if (missing.length > 0 && !opts.withoutRelated) {
    await postMessages(ctx, client, dm, [relatedOfferMessage({ flow, missing, locale, facilityId: places.facilities.length > 1 ? facility.id : undefined })]);
    // Nothing to start instead: the notice stands, and the flow starts below.
    if (missing.some((m) => m.canStart)) return;
  }
  // Submitted here before: from last cycle's answers (each to be confirmed) or blank, as the person picks.
  const reassessment = ctx.reassessment;
  const offer = reassessment?.offer(organizationId, facility.id, flowId);
  if (offer && !opts.mode) {
    await postMessages(ctx, client, dm, [carryOfferMessage({ flow, offer, locale, facilityId: facility.id })]);
    return;
  }
  // A double click sends two requests; the other may have started it while this one looked up names.
  // Checked with no await before start(), so exactly one of them starts it.
  if (openAt(organizationId, facility.id)) {
    ctx.logger.debug({ flowId, userId: actor.userId }, 'already started by a concurrent request');
    return;
  }
  const where = { organizationId, facilityId: facility.id, respondentId: member.person.id, flowId };
  const turn = reassessment && offer && opts.mode ? reassessment.startReassessment({ ...where, mode: opts.mode }) : ctx.service.start(where);
  ctx.logger.info({ assessmentId: turn.assessment.id, flowId, teamId: actor.teamId }, 'assessment started');
  ctx.leads.homeRefresh.schedule(actor.teamId, leadUserIds(ctx, organizationId));
  const today = ctx.directory.todayFor(organizationId, turn.assessment);
  const step = { a: turn.assessment.id, r: turn.assessment.revision };
  await postMessages(ctx, client, dm, promptMessages({ flow: turn.flow, prompt: turn.prompt, step, locale, today, carryOver: turn.carryOver, comparison: turn.comparison }));
}

/** A person with no facility: told to ask a lead; the leads get one DM per person (the first time). */
async function tellNoFacility(
  ctx: SlackContext,
  client: WebClient,
  input: { actor: SlackActor; dm: string; locale: Locale; leads: Person[]; firstRequest: boolean },
): Promise<void> {
  const { actor, locale, leads } = input;
  const key = leads.length === 0 ? 'facility.noLeads' : input.firstRequest ? 'facility.none' : 'facility.noneAgain';
  await postMessages(ctx, client, input.dm, [plainMessage(t(locale, key))]);
  if (!input.firstRequest) return;
  for (const lead of leads) {
    if (!lead.slackUserId) continue;
    const leadDm = await ctx.dm.channelFor(client, { teamId: actor.teamId, userId: lead.slackUserId });
    await postMessages(ctx, client, leadDm, [leadText(t(lead.locale, 'facility.requestToLeads', { user: `<@${actor.userId}>` }))]);
  }
}

/**
 * A button of the related-assessment offer: the offer becomes a record of the choice (so it cannot be
 * clicked twice), then the chosen flow starts.
 */
export async function answerRelatedOffer(
  ctx: SlackContext,
  client: WebClient,
  input: { actor: SlackActor; origin: Origin | undefined; flowId: string; withoutRelated: boolean; facilityId?: string | undefined },
): Promise<void> {
  const { actor, origin, flowId, withoutRelated, facilityId } = input;
  const locale = enter(ctx, actor).person.locale;
  const flow = ctx.service.availableFlows().find((f) => f.id === flowId);
  if (origin && flow) {
    const text = t(locale, withoutRelated ? 'slack.record.relatedSkipped' : 'slack.record.relatedFirst', { title: localize(flow.title, locale) });
    await updateMessage(ctx, client, origin, noteRecord({ text, locale, actor: { slackUserId: actor.userId, at: ctx.clock() } }));
  }
  await startAssessment(ctx, client, actor, flowId, { withoutRelated, facilityId });
}

/** A button of the carry-over offer: the offer becomes a record of the choice, then the flow starts that way. */
export async function answerCarryOffer(
  ctx: SlackContext,
  client: WebClient,
  input: { actor: SlackActor; origin: Origin | undefined; flowId: string; facilityId: string | undefined; mode: StartMode },
): Promise<void> {
  const { actor, origin, flowId, facilityId, mode } = input;
  const member = enter(ctx, actor);
  const locale = member.person.locale;
  const flow = ctx.service.availableFlows().find((f) => f.id === flowId);
  if (origin && flow) {
    const offer = facilityId ? ctx.reassessment?.offer(member.organization.id, facilityId, flowId) : undefined;
    const text = mode === 'carried' && offer ? carryOfferText(locale, offer.submittedOn) : t(locale, 'carry.blank');
    await updateMessage(ctx, client, origin, noteRecord({ text: `▶ ${text}`, locale, actor: { slackUserId: actor.userId, at: ctx.clock() } }));
  }
  await startAssessment(ctx, client, actor, flowId, { withoutRelated: true, facilityId, mode });
}

export async function publishHome(ctx: SlackContext, client: WebClient, actor: SlackActor): Promise<void> {
  const member = enter(ctx, actor);
  // Leads see every facility (their own assessments are listed there too); managers their own view.
  if (member.person.role === 'lead') return publishDashboard(ctx, client, actor, member);
  const overview = ctx.directory.overview(member.organization.id, member.person.id);
  const facilities = ctx.facilities.facilitiesOf(member.organization.id, member.person.id).map((f) => f.name);
  const trends = ctx.directory.trends(member.organization.id);
  const view = homeView({ ...overview, flows: flowChoices(ctx), locale: member.person.locale, facilities, trends });
  try {
    await client.views.publish({ user_id: actor.userId, view });
  } catch (err) {
    ctx.logger.error({ err, userId: actor.userId }, 'views.publish failed');
  }
}

/**
 * Re-renders a question message in place (the 実施時期 picker opened or closed). Only on the view the
 * message shows: on an older one the person is told it moved on.
 */
export async function refreshQuestion(
  ctx: SlackContext,
  client: WebClient,
  input: { actor: SlackActor; origin: Origin | undefined; channelId: string | undefined; step: ItemStep; planning: boolean; done?: boolean },
): Promise<void> {
  const { actor, origin, step } = input;
  const member = enter(ctx, actor);
  const locale = member.person.locale;
  const channel = input.channelId ?? (await ctx.dm.channelFor(client, actor));
  let turn: Turn;
  try {
    turn = ctx.service.view(member.organization.id, step.a);
  } catch (err) {
    if (!isMissingAssessment(err)) throw err;
    return void (await postEphemeral(ctx, client, channel, actor.userId, plainMessage(t(locale, 'slack.refusal.notRespondent'))));
  }
  if (turn.assessment.respondentId !== member.person.id)
    return void (await postEphemeral(ctx, client, channel, actor.userId, plainMessage(t(locale, 'slack.refusal.notRespondent'))));
  const { prompt } = turn;
  // Only the question being asked now can open its picker (the message may predate an unrelated change).
  if (prompt.kind !== 'question' || prompt.item.id !== step.i || !origin)
    return void (await postEphemeral(ctx, client, channel, actor.userId, plainMessage(t(locale, 'slack.stale.outdated'))));
  const today = ctx.directory.todayFor(member.organization.id, turn.assessment);
  const current = { a: turn.assessment.id, r: turn.assessment.revision };
  const carried = turn.carryOver?.kind === 'question' ? turn.carryOver : undefined;
  await updateMessage(ctx, client, origin, questionMessage({ flow: turn.flow, prompt, step: current, locale, today, planning: input.planning ? { done: input.done } : undefined, carried }));
}

/** The PDF of one of the person's own assessments, again (App Home's PDFを受け取る). */
export async function sendReport(ctx: SlackContext, client: WebClient, actor: SlackActor, assessmentId: string): Promise<void> {
  const member = enter(ctx, actor);
  let turn: Turn | undefined;
  try {
    turn = ctx.service.view(member.organization.id, assessmentId);
  } catch (err) {
    if (!isMissingAssessment(err)) throw err;
  }
  if (!turn || turn.assessment.respondentId !== member.person.id) {
    const dm = await ctx.dm.channelFor(client, actor);
    return void (await postEphemeral(ctx, client, dm, actor.userId, plainMessage(t(member.person.locale, 'slack.refusal.notRespondent'))));
  }
  await deliverReport(ctx, client, { actor, member, assessmentId });
}
