// `/kakunin leads …`, `/kakunin facility …`, `/kakunin review-channel …`: what leads manage from the slash
// command. Every one is checked by the service (roles are never inferred from what a view showed); a
// refusal comes back as the ephemeral ack, in the person's language, and changes nothing.
import { todayIn } from '../../dates/calendar-date.ts';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import {
  ArchivedFacilityError,
  DuplicateFacilityNameError,
  InvalidTimeZoneError,
  LastLeadError,
  NotALeadError,
  NotAssignedError,
} from '../../service/refusals.ts';
import type { WorkspaceMember } from '../../service/workspace-directory.ts';
import { readCommandWords, type CommandWords } from '../command-text.ts';
import type { SlackContext, WebClient } from '../context.ts';
import { slackErrorCode } from '../errors.ts';
import type { SlackActor } from '../payloads.ts';
import { yieldToEventLoop } from '../background.ts';
import { escapeMrkdwn, type SlackMessage } from '../views/block-kit.ts';
import { deliverExport } from './export-delivery.ts';
import { showRequestTo } from './review-flow.ts';
import { facilitiesListMessage, leadsListMessage, text } from '../views/lead-replies.ts';

export type CommandAck = (reply: SlackMessage) => Promise<void>;

/** Facility names: long enough for 「医療法人〇〇会 △△クリニック 分院」, short enough for a PDF header cell. */
export const MAX_FACILITY_NAME = 80;

const LEAD_COMMANDS = new Set(['leads', 'lead', 'facility', 'facilities', 'review-channel', 'export', 'review']);

export function isLeadCommand(sub: string): boolean {
  return LEAD_COMMANDS.has(sub.toLowerCase());
}

/** A Slack user named in a command, as a person of the organization (created on first mention). */
async function personOf(ctx: SlackContext, client: WebClient, actor: SlackActor, slackUserId: string) {
  const userName = await ctx.profiles.userName(client, { teamId: actor.teamId, userId: slackUserId });
  return ctx.directory.enter({ teamId: actor.teamId, slackUserId, userName }).person;
}

export async function handleLeadCommand(
  ctx: SlackContext,
  client: WebClient,
  input: { actor: SlackActor; member: WorkspaceMember; text: string },
  ack: CommandAck,
): Promise<void> {
  const { actor, member } = input;
  const locale = member.person.locale;
  const parsed = readCommandWords(input.text);
  const [sub = '', verb = '', ...rest] = parsed.words;
  try {
    switch (sub.toLowerCase()) {
      case 'lead':
      case 'leads':
        return await ack(await leadsCommand(ctx, client, actor, member, verb.toLowerCase(), parsed));
      case 'facility':
      case 'facilities':
        return await ack(await facilityCommand(ctx, client, actor, member, verb.toLowerCase(), rest, parsed));
      case 'review-channel':
        return await ack(await reviewChannelCommand(ctx, client, member, verb, parsed));
      case 'review': {
        const pending = ctx.leads.review.pending(member.participant);
        if (pending.length === 0) return await ack(text(t(locale, 'review.request.none')));
        await ack(text(t(locale, 'review.request.sent')));
        await yieldToEventLoop();
        // The oldest first; ten requests at a time keep the DM readable.
        for (const a of pending.slice(0, 10)) await showRequestTo(ctx, client, { actor, member, assessmentId: a.id });
        return;
      }
      case 'export': {
        ctx.roles.requireLead(member.participant, 'export');
        await ack(text(t(locale, 'export.sending')));
        await yieldToEventLoop();
        await deliverExport(ctx, client, { actor, member });
        return;
      }
    }
  } catch (err) {
    const refusal = refusalText(locale, err);
    if (refusal === undefined) throw err;
    return ack(text(escapeMrkdwn(refusal)));
  }
}

async function leadsCommand(
  ctx: SlackContext,
  client: WebClient,
  actor: SlackActor,
  member: WorkspaceMember,
  verb: string,
  parsed: CommandWords,
): Promise<SlackMessage> {
  const locale = member.person.locale;
  const who = member.participant;
  ctx.roles.requireLead(who, 'see the leads');
  if (verb === '' || verb === 'list') return leadsListMessage(locale, ctx.roles.leads(who.organizationId));
  if (verb !== 'add' && verb !== 'remove') return text(t(locale, 'leads.help'));
  if (parsed.users.length === 0) return text(t(locale, 'leads.refusal.noUser', { example: `leads ${verb}` }));
  const lines: string[] = [];
  for (const userId of parsed.users) {
    const person = await personOf(ctx, client, actor, userId);
    const user = `<@${userId}>`;
    if (verb === 'add') lines.push(t(locale, ctx.roles.addLead(who, person.id) ? 'leads.added' : 'leads.alreadyLead', { user }));
    else {
      try {
        lines.push(t(locale, ctx.roles.removeLead(who, person.id) ? 'leads.removed' : 'leads.notLead', { user }));
      } catch (err) {
        if (!(err instanceof LastLeadError)) throw err;
        lines.push(t(locale, 'leads.refusal.lastLead', { user }));
      }
    }
    ctx.leads.homeRefresh.schedule(actor.teamId, [userId]);
  }
  return text(lines.join('\n'));
}

async function facilityCommand(
  ctx: SlackContext,
  client: WebClient,
  actor: SlackActor,
  member: WorkspaceMember,
  verb: string,
  rest: string[],
  parsed: CommandWords,
): Promise<SlackMessage> {
  const locale = member.person.locale;
  const who = member.participant;
  const org = who.organizationId;
  const dateOf = (iso: string) => todayIn('Asia/Tokyo', new Date(iso));
  if (verb === '' || verb === 'list') return facilitiesListMessage(locale, ctx.facilities.list(who), dateOf);
  ctx.roles.requireLead(who, 'manage facilities');
  const [name = '', second = ''] = rest;
  if (!name.trim()) return text(t(locale, 'leads.refusal.nameRequired'));
  const named = () => {
    const facility = ctx.facilities.byName(org, name);
    if (!facility) throw new UnknownFacilityName(name);
    return facility;
  };
  const refreshLeads = () => ctx.leads.homeRefresh.schedule(actor.teamId, leadUserIds(ctx, org));
  switch (verb) {
    case 'add': {
      if (name.length > MAX_FACILITY_NAME) return text(t(locale, 'leads.refusal.tooLong', { max: MAX_FACILITY_NAME }));
      const facility = ctx.facilities.add(who, name, second || undefined);
      refreshLeads();
      return text(t(locale, 'facility.added', { name: escapeMrkdwn(facility.name), zone: facility.timeZone }));
    }
    case 'rename': {
      if (!second.trim()) return text(t(locale, 'leads.refusal.nameRequired'));
      if (second.length > MAX_FACILITY_NAME) return text(t(locale, 'leads.refusal.tooLong', { max: MAX_FACILITY_NAME }));
      const facility = ctx.facilities.rename(who, named().id, second);
      refreshLeads();
      return text(t(locale, 'facility.renamed', { old: escapeMrkdwn(name), name: escapeMrkdwn(facility.name) }));
    }
    case 'archive': {
      const facility = ctx.facilities.archive(who, named().id);
      refreshLeads();
      return text(t(locale, 'facility.archived', { name: escapeMrkdwn(facility.name) }));
    }
    case 'tz':
    case 'timezone': {
      const facility = ctx.facilities.setTimeZone(who, named().id, second);
      return text(t(locale, 'facility.zoneSet', { name: escapeMrkdwn(facility.name), zone: facility.timeZone }));
    }
    case 'assign':
    case 'unassign': {
      const facility = named();
      if (parsed.users.length === 0) return text(t(locale, 'leads.refusal.noUser', { example: `facility ${verb} ${name}` }));
      for (const userId of parsed.users) {
        const person = await personOf(ctx, client, actor, userId);
        if (verb === 'assign') ctx.facilities.assign(who, facility.id, person.id);
        else ctx.facilities.unassign(who, facility.id, person.id);
      }
      ctx.leads.homeRefresh.schedule(actor.teamId, parsed.users);
      const users = parsed.users.map((u) => `<@${u}>`).join('、');
      return text(t(locale, verb === 'assign' ? 'facility.assigned' : 'facility.unassigned', { users, name: escapeMrkdwn(facility.name) }));
    }
    default:
      return text(t(locale, 'leads.help'));
  }
}

async function reviewChannelCommand(
  ctx: SlackContext,
  client: WebClient,
  member: WorkspaceMember,
  verb: string,
  parsed: CommandWords,
): Promise<SlackMessage> {
  const locale = member.person.locale;
  const who = member.participant;
  ctx.roles.requireLead(who, 'set the review channel');
  const channel = parsed.channels[0];
  if (!channel) {
    if (verb.toLowerCase() === 'off') {
      ctx.leads.reviewChannel.set(who, null);
      return text(t(locale, 'reviewChannel.off'));
    }
    if (verb === '') {
      const current = ctx.leads.reviewChannel.get(who.organizationId);
      return text(current ? t(locale, 'reviewChannel.current', { channel: current }) : t(locale, 'reviewChannel.currentDm'));
    }
    return text(t(locale, 'reviewChannel.usage'));
  }
  // Only a channel the app is a member of can take the review requests: check before saving.
  let isMember: boolean;
  try {
    const info = await client.conversations.info({ channel: channel.id });
    isMember = info.channel?.is_member === true;
  } catch (err) {
    if (slackErrorCode(err) === 'channel_not_found') return text(t(locale, 'reviewChannel.notFound', { channel: channel.name ?? channel.id }));
    throw err;
  }
  if (!isMember) return text(t(locale, 'reviewChannel.notMember', { channel: channel.id }));
  ctx.leads.reviewChannel.set(who, channel.id);
  return text(t(locale, 'reviewChannel.set', { channel: channel.id }));
}

export function leadUserIds(ctx: SlackContext, organizationId: string): string[] {
  return ctx.roles.leads(organizationId).flatMap((p) => (p.slackUserId ? [p.slackUserId] : []));
}

class UnknownFacilityName extends Error {
  override readonly name = 'UnknownFacilityName';
  readonly facilityName: string;
  constructor(facilityName: string) {
    super(`No facility named "${facilityName}".`);
    this.facilityName = facilityName;
  }
}

/** The person-facing text of a refusal; undefined for errors that are not refusals. */
export function refusalText(locale: Locale, err: unknown): string | undefined {
  if (err instanceof NotALeadError) return t(locale, 'leads.refusal.notLead');
  if (err instanceof UnknownFacilityName) return t(locale, 'leads.refusal.unknownFacility', { name: err.facilityName });
  if (err instanceof DuplicateFacilityNameError) return t(locale, 'leads.refusal.duplicateFacility', { name: err.facilityName });
  if (err instanceof ArchivedFacilityError) return t(locale, 'leads.refusal.archivedFacility', { name: err.facilityName });
  if (err instanceof InvalidTimeZoneError) return t(locale, 'leads.refusal.badTimeZone', { zone: err.timeZone });
  if (err instanceof NotAssignedError) return t(locale, 'facility.notYours');
  return undefined;
}
