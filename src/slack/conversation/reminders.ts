// Clicks on a reminder DM: 実施済にした (today or a picked earlier day), 時期を変更 (a modal), 詳細,
// 今後このリマインドを止める and, in a lead's digest, 再開. Each goes through the schedule service (one
// transaction that also reschedules the reminders), then the DM is redrawn from the stored state with
// the clicked line turned into a record. Refusals change nothing and are explained where the person
// clicked.
import { formatDate } from '../../i18n/answer-text.ts';
import { localize } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { refusalText, ScheduleRefusedError } from '../../scheduler/schedule-refusal.ts';
import type { ScheduleService } from '../../scheduler/schedule-service.ts';
import { FollowUpRefusedError } from '../../service/lifecycle-errors.ts';
import type { WorkspaceMember } from '../../service/workspace-directory.ts';
import type { SlackContext, WebClient } from '../context.ts';
import type { Origin, SlackActor, ViewSubmissionBody } from '../payloads.ts';
import { decodeValue, originFromMetadata, originMetadata } from '../action-values.ts';
import { moveMetadataSchema, type CycleStopRef, type ReminderItemRef, type StopRef } from '../reminder-values.ts';
import { fiscalYearOfKey } from '../../scheduler/cycle-plan.ts';
import { cycleName } from '../../scheduler/digest-text.ts';
import { escapeMrkdwn } from '../views/block-kit.ts';
import { plainMessage } from '../views/command-replies.ts';
import { reminderDetailsMessage } from '../views/reminder-details.ts';
import { itemKey, reminderDigestMessage, type ItemRecords } from '../views/reminder-digest.ts';
import { MOVE_BLOCK, moveModal, readMoveModal } from '../views/reminder-move-modal.ts';
import { postEphemeral, updateMessage } from './slack-calls.ts';
import { enter } from './steps.ts';
import type { ModalAck } from '../modal-ack.ts';

interface Click {
  actor: SlackActor;
  origin: Origin | undefined;
  channelId: string | undefined;
}

function scheduleOf(ctx: SlackContext): ScheduleService {
  if (!ctx.schedule) throw new Error('a reminder button was clicked but this app was built without the scheduler');
  return ctx.schedule;
}


/** Runs a change; a refusal (or an assessment of another team) is told to the person and ends the click. */
async function refusable(ctx: SlackContext, client: WebClient, click: Click, member: WorkspaceMember, change: () => void): Promise<boolean> {
  try {
    change();
    return true;
  } catch (err) {
    const text = refusalText(err, member.person.locale);
    if (text === undefined) throw err;
    const channel = click.channelId ?? (await ctx.dm.channelFor(client, click.actor));
    await postEphemeral(ctx, client, channel, click.actor.userId, plainMessage(text));
    return false;
  }
}

/** Redraws the clicked DM from the stored state; `records` say what just happened better than the state can. */
async function redraw(ctx: SlackContext, client: WebClient, member: WorkspaceMember, origin: Origin | undefined, records: (labelOf: (key: string) => string) => ItemRecords) {
  if (!origin) return;
  const digest = scheduleOf(ctx).sentDigest(member.participant, origin.channelId, origin.messageTs);
  if (!digest) return;
  const labelOf = (key: string) => digest.items.find((i) => itemKey(i.assessmentId, i.itemId) === key)?.itemLabel ?? '';
  await updateMessage(ctx, client, origin, reminderDigestMessage(digest, records(labelOf)));
}

export async function markDoneFromReminder(ctx: SlackContext, client: WebClient, click: Click & { ref: ReminderItemRef; doneOn?: string | undefined }) {
  const member = enter(ctx, click.actor);
  const locale = member.person.locale;
  const doneOn = click.doneOn ?? ctx.directory.todayFor(member.organization.id, ctx.service.view(member.organization.id, click.ref.a).assessment);
  const ok = await refusable(ctx, client, click, member, () =>
    scheduleOf(ctx).markDone(member.participant, { assessmentId: click.ref.a, itemId: click.ref.i, doneOn, shownDate: click.ref.d }),
  );
  if (!ok) return;
  const key = itemKey(click.ref.a, click.ref.i);
  await redraw(ctx, client, member, click.origin, (labelOf) =>
    new Map([[key, t(locale, 'scheduler.record.done', { label: escapeMrkdwn(labelOf(key)), date: formatDate(locale, doneOn) })]]),
  );
}

export async function openMoveModal(ctx: SlackContext, client: WebClient, click: Click & { ref: ReminderItemRef; triggerId: string }) {
  const member = enter(ctx, click.actor);
  let label = '';
  const ok = await refusable(ctx, client, click, member, () => {
    label = scheduleOf(ctx).itemDetails(member.participant, click.ref.a, click.ref.i, member.person.locale).itemLabel;
  });
  if (!ok) return;
  const meta = { ...click.ref, ...originMetadata(click.origin) };
  try {
    await client.views.open({ trigger_id: click.triggerId, view: moveModal({ meta, itemLabel: label, locale: member.person.locale }) });
  } catch (err) {
    ctx.logger.error({ err, assessmentId: click.ref.a }, 'views.open failed for 時期を変更');
  }
}


export async function submitMoveModal(ctx: SlackContext, client: WebClient, submission: ViewSubmissionBody, ack: ModalAck) {
  const actor = { teamId: submission.team?.id ?? submission.user.team_id ?? '', userId: submission.user.id };
  const meta = decodeValue(moveMetadataSchema, submission.view.private_metadata, 'move modal metadata');
  const member = enter(ctx, actor);
  const locale = member.person.locale;
  const typed = readMoveModal(submission.view.state.values);
  if (!typed) return ack({ response_action: 'errors', errors: { [MOVE_BLOCK.date]: t(locale, 'scheduler.refused.invalid_date') } });
  try {
    scheduleOf(ctx).move(member.participant, { assessmentId: meta.a, itemId: meta.i, newDate: typed.date, reason: typed.reason, shownDate: meta.d });
  } catch (err) {
    const text = refusalText(err, locale);
    if (text === undefined) throw err;
    const aboutReason =
      (err instanceof ScheduleRefusedError && (err.reason === 'reason_required' || err.reason === 'reason_too_long')) ||
      (err instanceof FollowUpRefusedError && err.code.startsWith('followUp.reason'));
    return ack({ response_action: 'errors', errors: { [aboutReason ? MOVE_BLOCK.reason : MOVE_BLOCK.date]: text } });
  }
  await ack();
  const origin = originFromMetadata(meta);
  const key = itemKey(meta.a, meta.i);
  await redraw(ctx, client, member, origin, (labelOf) =>
    new Map([
      [
        key,
        t(locale, 'scheduler.record.moved', {
          label: escapeMrkdwn(labelOf(key)),
          from: formatDate(locale, meta.d),
          to: formatDate(locale, typed.date),
          reason: escapeMrkdwn(typed.reason.trim()),
        }),
      ],
    ]),
  );
}

export async function showReminderDetails(ctx: SlackContext, client: WebClient, click: Click & { ref: ReminderItemRef }) {
  const member = enter(ctx, click.actor);
  let message: ReturnType<typeof reminderDetailsMessage> | undefined;
  const ok = await refusable(ctx, client, click, member, () => {
    message = reminderDetailsMessage(scheduleOf(ctx).itemDetails(member.participant, click.ref.a, click.ref.i, member.person.locale), member.person.locale);
  });
  if (!ok || !message) return;
  const channel = click.channelId ?? (await ctx.dm.channelFor(client, click.actor));
  await postEphemeral(ctx, client, channel, click.actor.userId, message);
}

export async function stopReminders(ctx: SlackContext, client: WebClient, click: Click & { assessmentId: string }) {
  const member = enter(ctx, click.actor);
  const ok = await refusable(ctx, client, click, member, () => void scheduleOf(ctx).stop(member.participant, click.assessmentId));
  if (!ok) return;
  await redraw(ctx, client, member, click.origin, () => new Map());
}

/** 今後このリマインドを止める on a cycle prompt: that cycle's prompts stop; the DM shows it. */
export async function stopCycleReminders(ctx: SlackContext, client: WebClient, click: Click & { ref: CycleStopRef }) {
  const member = enter(ctx, click.actor);
  const ref = { facilityId: click.ref.fac, flowId: click.ref.f, cycleKey: click.ref.c };
  const ok = await refusable(ctx, client, click, member, () => void scheduleOf(ctx).stopCycle(member.participant, ref));
  if (!ok) return;
  await redraw(ctx, client, member, click.origin, () => new Map());
}

/** 再開 in a lead's digest: an assessment's follow-up, or a cycle's prompts. */
export async function resumeReminders(ctx: SlackContext, client: WebClient, click: Click & { ref: StopRef }) {
  const member = enter(ctx, click.actor);
  const locale = member.person.locale;
  const { ref } = click;
  let flowTitle = '';
  const ok = await refusable(ctx, client, click, member, () => {
    if ('a' in ref) {
      scheduleOf(ctx).resume(member.participant, ref.a);
      flowTitle = localize(ctx.service.view(member.organization.id, ref.a).flow.title, locale);
    } else {
      scheduleOf(ctx).resumeCycle(member.participant, { facilityId: ref.fac, flowId: ref.f, cycleKey: ref.c });
      flowTitle = `${cycleName(locale, fiscalYearOfKey(ref.c))}・${scheduleOf(ctx).flowTitle(ref.f, locale)}`;
    }
  });
  if (!ok) return;
  const channel = click.channelId ?? (await ctx.dm.channelFor(client, click.actor));
  await postEphemeral(ctx, client, channel, click.actor.userId, plainMessage(t(locale, 'scheduler.record.resumed', { flow: flowTitle, who: member.person.displayName })));
  await redraw(ctx, client, member, click.origin, () => new Map());
}
