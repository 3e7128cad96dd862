// `/kakunin schedule` (leads): lists each facility's re-assessment cadence; `/kakunin schedule 6か月 [拠点名]`
// sets it for the minimum-guideline checklist at that facility, or at every facility when none is named.
// The answer is the ephemeral ack itself.
import { t } from '../../i18n/messages.ts';
import { cadenceText, parseCadence } from '../../scheduler/cadence-text.ts';
import { refusalText } from '../../scheduler/schedule-refusal.ts';
import type { WorkspaceMember } from '../../service/workspace-directory.ts';
import type { SlackContext } from '../context.ts';
import { escapeMrkdwn, type SlackMessage } from '../views/block-kit.ts';
import { plainMessage } from '../views/command-replies.ts';

/** The flow a cadence typed without a flow applies to. */
const DEFAULT_FLOW = 'mhlw-minimum-5.2';

export function scheduleCommandReply(ctx: SlackContext, member: WorkspaceMember, args: string[]): SlackMessage {
  const locale = member.person.locale;
  const schedule = ctx.schedule;
  if (!schedule) return plainMessage(t(locale, 'slack.command.unknown', { text: 'schedule' }));
  try {
    if (args.length) {
      const [cadenceArg = '', ...facilityWords] = args;
      const cadence = parseCadence(cadenceArg, '04-01');
      if (!cadence) return plainMessage(`${t(locale, 'scheduler.cadence.unknown', { text: cadenceArg })}\n${t(locale, 'scheduler.cadence.help')}`);
      const facilityName = facilityWords.join(' ');
      const all = schedule.cadences(member.participant);
      const facilities = [...new Map(all.map((c) => [c.facilityId, c.facilityName])).entries()].filter(([, name]) => !facilityName || name === facilityName);
      if (!facilities.length) return plainMessage(t(locale, 'scheduler.cadence.noFacility', { name: facilityName }));
      const flowTitle = all.find((c) => c.flowId === DEFAULT_FLOW)?.flowTitle ?? DEFAULT_FLOW;
      for (const [facilityId] of facilities) schedule.setCadence(member.participant, { facilityId, flowId: DEFAULT_FLOW, cadence });
      return plainMessage(
        facilities.map(([, name]) => t(locale, 'scheduler.cadence.set', { facility: name, flow: flowTitle, cadence: cadenceText(locale, cadence) })).join('\n'),
      );
    }
    const lines = schedule
      .cadences(member.participant)
      .map((c) => t(locale, 'scheduler.cadence.line', { facility: escapeMrkdwn(c.facilityName), flow: escapeMrkdwn(c.flowTitle), cadence: cadenceText(locale, c.cadence) }));
    return plainMessage([t(locale, 'scheduler.cadence.title'), ...lines, t(locale, 'scheduler.cadence.help')].join('\n'));
  } catch (err) {
    const text = refusalText(err, locale);
    if (text === undefined) throw err;
    return plainMessage(text);
  }
}
