// `/kakunin schedule` (leads): lists each facility's re-assessment cadence and the stopped reminders (with
// 再開する); `/kakunin schedule 6か月 [拠点名]`
// sets it for the minimum-guideline checklist at that facility, or at every facility when none is named.
// The answer is the ephemeral ack itself.
import { t } from '../../i18n/messages.ts';
import { cadenceText, parseCadence } from '../../scheduler/cadence-text.ts';
import { refusalText } from '../../scheduler/schedule-refusal.ts';
import type { WorkspaceMember } from '../../service/workspace-directory.ts';
import type { SlackContext } from '../context.ts';
import { escapeMrkdwn, type SlackMessage } from '../views/block-kit.ts';
import { cadenceModal, cadenceModalStateSchema, cadenceModalValues } from '../views/cadence-modal.ts';
import type { ModalAck } from '../modal-ack.ts';
import type { SlackActor, ViewSubmissionBody } from '../payloads.ts';
import type { WebClient } from '../context.ts';
import type { Cadence } from '../../scheduler/cycle-plan.ts';
import type { ScheduleService } from '../../scheduler/schedule-service.ts';
import { postMessages } from './slack-calls.ts';
import { enter } from './steps.ts';
import { plainMessage } from '../views/command-replies.ts';
import { scheduleOverviewMessage } from '../views/schedule-overview.ts';

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
      const set = setCadence(schedule, member, cadence, (f) => !facilityName || f.name === facilityName);
      if (!set) return plainMessage(t(locale, 'scheduler.cadence.noFacility', { name: facilityName }));
      return plainMessage(set);
    }
    const lines = schedule
      .cadences(member.participant)
      .map((c) => t(locale, 'scheduler.cadence.line', { facility: escapeMrkdwn(c.facilityName), flow: escapeMrkdwn(c.flowTitle), cadence: cadenceText(locale, c.cadence) }));
    return scheduleOverviewMessage(locale, {
      cadenceText: [t(locale, 'scheduler.cadence.title'), ...lines, t(locale, 'scheduler.cadence.help')].join('\n'),
      stopped: schedule.stoppedByFacility(member.participant, locale),
    });
  } catch (err) {
    const text = refusalText(err, locale);
    if (text === undefined) throw err;
    return plainMessage(text);
  }
}

/** Sets the checklist's cadence at the chosen facilities; the confirmation lines, or undefined when none matched. */
function setCadence(schedule: ScheduleService, member: WorkspaceMember, cadence: Cadence, which: (f: { id: string; name: string }) => boolean): string | undefined {
  const locale = member.person.locale;
  const all = schedule.cadences(member.participant);
  const facilities = [...new Map(all.map((c) => [c.facilityId, c.facilityName])).entries()].filter(([id, name]) => which({ id, name }));
  if (!facilities.length) return undefined;
  const flowTitle = all.find((c) => c.flowId === DEFAULT_FLOW)?.flowTitle ?? DEFAULT_FLOW;
  for (const [facilityId] of facilities) schedule.setCadence(member.participant, { facilityId, flowId: DEFAULT_FLOW, cadence });
  return facilities.map(([, name]) => t(locale, 'scheduler.cadence.set', { facility: name, flow: flowTitle, cadence: cadenceText(locale, cadence) })).join('\n');
}

/** 点検の周期… on the leads' Home: the modal with each facility's current cadence. */
export async function openCadenceModal(ctx: SlackContext, input: { member: WorkspaceMember; triggerId: string }): Promise<void> {
  const { member } = input;
  const locale = member.person.locale;
  if (!ctx.schedule) return;
  const current = new Map(
    ctx.schedule
      .cadences(member.participant)
      .filter((c) => c.flowId === DEFAULT_FLOW)
      .map((c) => [c.facilityId, { id: c.facilityId, name: c.facilityName, cadence: cadenceText(locale, c.cadence) }]),
  );
  try {
    await ctx.modal.views.open({ trigger_id: input.triggerId, view: cadenceModal({ locale, facilities: [...current.values()] }) });
  } catch (err) {
    ctx.logger.error({ err }, 'views.open of the cadence modal failed');
  }
}

/** The cadence modal, applied before the ack: a refusal shows in the modal; the lead gets the confirmation in their DM. */
export async function submitCadenceModal(ctx: SlackContext, client: WebClient, submission: ViewSubmissionBody, ack: ModalAck, actor: SlackActor): Promise<void> {
  const member = enter(ctx, actor);
  const locale = member.person.locale;
  const state = cadenceModalStateSchema.safeParse(submission.view.state.values);
  if (!state.success || !ctx.schedule) {
    ctx.logger.warn({ issue: state.error?.issues[0]?.message, scheduler: Boolean(ctx.schedule) }, 'ignored a cadence modal it cannot apply');
    return ack();
  }
  const values = cadenceModalValues(state.data);
  const cadence = parseCadence(values.cadence, '04-01');
  if (!cadence) return ack({ response_action: 'errors', errors: { cadence: t(locale, 'scheduler.cadence.unknown', { text: values.cadence }) } });
  let set: string | undefined;
  try {
    set = setCadence(ctx.schedule, member, cadence, (f) => values.facilityId === undefined || f.id === values.facilityId);
  } catch (err) {
    const text = refusalText(err, locale);
    if (text === undefined) throw err;
    return ack({ response_action: 'errors', errors: { facility: text } });
  }
  if (!set) return ack({ response_action: 'errors', errors: { facility: t(locale, 'scheduler.cadence.noFacility', { name: values.facilityId ?? '' }) } });
  await ack();
  await postMessages(ctx, client, await ctx.dm.channelFor(client, actor), [plainMessage(set)]);
}
