// The leads' App Home: the dashboard across facilities (paged), its tools (add / edit a facility in a
// modal, export) and each row's actions (report, review, nudge). Every action checks the role again on
// the server: a Home view forwarded, cached or forged proves nothing.
import { isValidTimeZone } from '../../dates/calendar-date.ts';
import { localize } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import type { WorkspaceMember } from '../../service/workspace-directory.ts';
import { ACTION, encodeValue } from '../action-values.ts';
import type { SlackContext, WebClient } from '../context.ts';
import type { SlackActor } from '../payloads.ts';
import { actions, button } from '../views/block-kit.ts';
import { plainMessage } from '../views/command-replies.ts';
import { withBackupLine } from '../views/backup-line.ts';
import { dashboardView, type RowChoice } from '../views/dashboard-view.ts';
import { FACILITY_NAME_MAX, facilityModal, type FacilityModalValues } from '../views/facility-modal.ts';
import { text as leadText } from '../views/lead-replies.ts';
import { refusalText } from './lead-commands.ts';
import { showRequestTo } from './review-flow.ts';
import { deliverReport } from './report-delivery.ts';
import { postMessages } from './slack-calls.ts';

/** Which page each lead last looked at, so a refresh keeps it (in memory: a restart shows page 1). */
const pages = new Map<string, number>();

export async function publishDashboard(ctx: SlackContext, client: WebClient, actor: SlackActor, member: WorkspaceMember, page?: number): Promise<void> {
  const key = `${actor.teamId}:${actor.userId}`;
  if (page !== undefined) pages.set(key, page);
  const locale = member.person.locale;
  const board = ctx.leads.statusBoard.board(member.participant, locale);
  const own = ctx.directory.overview(member.organization.id, member.person.id).open.map((a) => ({
    id: a.id,
    title: localize(a.flowTitle, locale),
    facilityName: a.facilityName,
    answered: a.answered,
    total: a.total,
  }));
  const facilities = ctx.facilities.list(member.participant).filter((f) => !f.archivedAt);
  // Leads look after the records, so their Home ends with when the last good backup was.
  const view = withBackupLine(dashboardView({ board, page: pages.get(key) ?? 0, locale, own, facilities, canSchedule: ctx.schedule !== undefined }), ctx.backupStatus?.().local, locale);
  try {
    await client.views.publish({ user_id: actor.userId, view });
  } catch (err) {
    ctx.logger.error({ err, userId: actor.userId }, 'views.publish of the dashboard failed');
  }
}

export async function openFacilityModal(
  ctx: SlackContext,
  client: WebClient,
  input: { actor: SlackActor; member: WorkspaceMember; triggerId: string; facilityId?: string | undefined },
): Promise<void> {
  const { member } = input;
  const locale = member.person.locale;
  const listing = ctx.facilities.list(member.participant);
  const facility = input.facilityId ? listing.find((f) => f.id === input.facilityId) : undefined;
  if (input.facilityId && !facility) return;
  const view = facilityModal({
    locale,
    facility,
    managerSlackIds: facility?.managers.flatMap((m) => (m.slackUserId ? [m.slackUserId] : [])) ?? [],
    defaultTimeZone: 'Asia/Tokyo',
  });
  try {
    await ctx.modal.views.open({ trigger_id: input.triggerId, view });
  } catch (err) {
    ctx.logger.error({ err }, 'views.open of the facility modal failed');
  }
}

/**
 * A facility modal's values, applied before the ack (Slack shows refusals only in the ack itself).
 * Everything is checked first, so a refused edit changes nothing. Returns the errors by input block.
 */
export function applyFacilityModal(
  ctx: SlackContext,
  input: { actor: SlackActor; member: WorkspaceMember; facilityId?: string | undefined; values: FacilityModalValues },
): Record<string, string> | undefined {
  const { member, values, actor } = input;
  const locale = member.person.locale;
  const who = member.participant;
  if (!values.name) return { name: t(locale, 'leads.refusal.nameRequired') };
  if (values.name.length > FACILITY_NAME_MAX) return { name: t(locale, 'leads.refusal.tooLong', { max: FACILITY_NAME_MAX }) };
  if (!isValidTimeZone(values.timeZone)) return { tz: t(locale, 'leads.refusal.badTimeZone', { zone: values.timeZone }) };
  try {
    const listing = ctx.facilities.list(who);
    const clash = listing.find((f) => f.name === values.name && f.id !== input.facilityId);
    if (clash) return { name: t(locale, 'leads.refusal.duplicateFacility', { name: values.name }) };
    const people = values.managers.map((userId) => ctx.directory.enter({ teamId: actor.teamId, slackUserId: userId }).person);
    if (!input.facilityId) {
      const facility = ctx.facilities.add(who, values.name, values.timeZone);
      for (const p of people) ctx.facilities.assign(who, facility.id, p.id);
    } else {
      const current = listing.find((f) => f.id === input.facilityId);
      if (!current) return { name: t(locale, 'leads.refusal.unknownFacility', { name: values.name }) };
      if (current.name !== values.name) ctx.facilities.rename(who, current.id, values.name);
      if (current.timeZone !== values.timeZone) ctx.facilities.setTimeZone(who, current.id, values.timeZone);
      const wanted = new Set(people.map((p) => p.id));
      for (const m of current.managers) if (!wanted.has(m.id)) ctx.facilities.unassign(who, current.id, m.id);
      if (!values.archive) for (const p of people) if (!current.managers.some((m) => m.id === p.id)) ctx.facilities.assign(who, current.id, p.id);
      if (values.archive) ctx.facilities.archive(who, current.id);
    }
  } catch (err) {
    const refusal = refusalText(locale, err);
    if (refusal === undefined) throw err;
    return { name: refusal };
  }
  ctx.leads.homeRefresh.schedule(actor.teamId, [...leadSlackIds(ctx, member), ...values.managers]);
  return undefined;
}

/** A dashboard row's menu: the report, the review, or a nudge to whoever should answer. */
export async function handleRowChoice(ctx: SlackContext, client: WebClient, input: { actor: SlackActor; member: WorkspaceMember; choice: RowChoice }): Promise<void> {
  const { actor, member, choice } = input;
  const locale = member.person.locale;
  const dm = await ctx.dm.channelFor(client, actor);
  try {
    ctx.roles.requireLead(member.participant, 'act on the dashboard');
  } catch (err) {
    const refusal = refusalText(locale, err);
    if (refusal === undefined) throw err;
    return void (await postMessages(ctx, client, dm, [plainMessage(refusal)]));
  }
  switch (choice.k) {
    case 'report':
      if (!choice.a) return;
      // Only an assessment of the lead's own organization: another team's id is "not found".
      ctx.service.view(member.organization.id, choice.a);
      await deliverReport(ctx, client, { actor, member, assessmentId: choice.a, dm });
      return;
    case 'review':
      if (choice.a) await showRequestTo(ctx, client, { actor, member, assessmentId: choice.a });
      return;
    case 'nudge':
      await nudge(ctx, client, { actor, member, choice, dm });
      return;
  }
}

async function nudge(ctx: SlackContext, client: WebClient, input: { actor: SlackActor; member: WorkspaceMember; choice: RowChoice; dm: string }): Promise<void> {
  const { actor, member, choice, dm } = input;
  const locale = member.person.locale;
  const board = ctx.leads.statusBoard.board(member.participant, locale);
  const row = board.rows.find((r) => r.facilityId === choice.f && r.flowId === choice.l);
  if (!row) return;
  const lead = `<@${actor.userId}>`;
  const targets: string[] = [];
  if (row.assessmentId && row.respondentSlackId) {
    const target = row.respondentSlackId;
    const channel = await ctx.dm.channelFor(client, { teamId: actor.teamId, userId: target });
    const text = t(locale, 'dashboard.nudgeText', { lead, title: row.flowTitle, facility: row.facilityName });
    await postMessages(ctx, client, channel, [
      { text, blocks: [...leadText(text).blocks, actions(`nudge.${row.assessmentId}`, [button({ text: t(locale, 'slack.home.resume'), actionId: ACTION.resume, value: encodeValue({ a: row.assessmentId }), style: 'primary' })])] },
    ]);
    targets.push(target);
  } else {
    const managers = ctx.facilities.list(member.participant).find((f) => f.id === row.facilityId)?.managers ?? [];
    for (const m of managers) {
      if (!m.slackUserId) continue;
      const channel = await ctx.dm.channelFor(client, { teamId: actor.teamId, userId: m.slackUserId });
      await postMessages(ctx, client, channel, [leadText(t(m.locale, 'dashboard.nudgeStart', { lead, title: row.flowTitle, facility: row.facilityName }))]);
      targets.push(m.slackUserId);
    }
  }
  const confirmation = targets.length ? t(locale, 'dashboard.nudged', { users: targets.map((u) => `<@${u}>`).join('、') }) : t(locale, 'dashboard.nudgeNobody');
  await postMessages(ctx, client, dm, [leadText(confirmation)]);
}

function leadSlackIds(ctx: SlackContext, member: WorkspaceMember): string[] {
  return ctx.roles.leads(member.organization.id).flatMap((p) => (p.slackUserId ? [p.slackUserId] : []));
}
