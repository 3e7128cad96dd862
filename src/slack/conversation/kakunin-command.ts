// `/kakunin [start [flow] | status | report | help]`. Quick answers (help, status) come back as the
// ephemeral ack itself; anything that posts into the DM is acknowledged first and done after.
import { t } from '../../i18n/messages.ts';
import { yieldToEventLoop } from '../background.ts';
import type { SlackContext, WebClient } from '../context.ts';
import type { CommandBody, SlackActor } from '../payloads.ts';
import type { SlackMessage } from '../views/block-kit.ts';
import { helpMessage, plainMessage, statusMessage } from '../views/command-replies.ts';
import { flowChoices, offerStart, showCurrent, startAssessment } from './assessments.ts';
import { handleLeadCommand, isLeadCommand } from './lead-commands.ts';
import { deliverReport } from './report-delivery.ts';
import { scheduleCommandReply } from './schedule-command.ts';
import { enter } from './steps.ts';

export type CommandAck = (reply: SlackMessage) => Promise<void>;

export async function handleKakuninCommand(ctx: SlackContext, client: WebClient, body: CommandBody, ack: CommandAck): Promise<void> {
  const actor: SlackActor = { teamId: body.team_id, userId: body.user_id, userName: body.user_name, teamDomain: body.team_domain };
  const member = enter(ctx, actor);
  const locale = member.person.locale;
  const [sub = '', ...args] = body.text.trim().split(/\s+/).filter(Boolean);
  const flowIds = flowChoices(ctx).map((f) => f.id);
  const sentToDm = plainMessage(t(locale, 'slack.command.sentToDm'));
  // Leads' commands (leads, facility, review-channel, export, review) live in their own module.
  if (isLeadCommand(sub)) return handleLeadCommand(ctx, client, { actor, member, text: body.text }, ack);

  switch (sub.toLowerCase()) {
    case '':
    case 'resume': {
      await ack(sentToDm);
      await yieldToEventLoop();
      if (!(await showCurrent(ctx, client, actor))) await offerStart(ctx, client, actor, member);
      return;
    }
    case 'start': {
      const flowId = args[0] ?? (flowIds.length === 1 ? flowIds[0] : undefined);
      if (flowId !== undefined && !flowIds.includes(flowId))
        return ack(plainMessage(t(locale, 'slack.command.unknownFlow', { flow: flowId, flows: flowIds.join(', ') })));
      await ack(sentToDm);
      await yieldToEventLoop();
      if (flowId === undefined) await offerStart(ctx, client, actor, member);
      else await startAssessment(ctx, client, actor, flowId);
      return;
    }
    case 'status':
      return ack(statusMessage(locale, ctx.directory.overview(member.organization.id, member.person.id)));
    case 'report': {
      const latest = ctx.directory.latestSubmitted(member.organization.id, member.person.id);
      if (!latest) return ack(plainMessage(t(locale, 'slack.command.noReport')));
      await ack(plainMessage(t(locale, 'slack.command.reportSending')));
      await yieldToEventLoop();
      await deliverReport(ctx, client, { actor, member, assessmentId: latest.id });
      return;
    }
    case 'schedule':
      return ack(scheduleCommandReply(ctx, member, args));
    case 'help':
      return ack(helpMessage(locale, flowIds));
    default:
      return ack(helpMessage(locale, flowIds, t(locale, 'slack.command.unknown', { text: body.text.trim() })));
  }
}
