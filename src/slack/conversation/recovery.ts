// When the next question could not be posted (Slack answered ok:false or 5xx after its retries), the
// answer is stored but the person would be left with nothing to click. Later, the question is posted
// again — whatever the assessment asks by then — under a line saying what happened; if Slack still
// refuses, a last plain line says how to go on. /kakunin and App Home also always show the current question.
import { t } from '../../i18n/messages.ts';
import type { WorkspaceMember } from '../../service/workspace-directory.ts';
import type { SlackContext, WebClient } from '../context.ts';
import type { Origin, SlackActor } from '../payloads.ts';
import type { SlackMessage } from '../views/block-kit.ts';
import { plainMessage } from '../views/command-replies.ts';
import { promptMessages } from '../views/prompt-messages.ts';
import { postMessages, updateMessage } from './slack-calls.ts';

/** Waits before each new attempt: Slack's own incidents mostly pass within minutes. */
export const RECOVERY_DELAYS_MS = [10_000, 60_000, 300_000];

export function recoverPrompt(
  ctx: SlackContext,
  client: WebClient,
  input: { actor: SlackActor; member: WorkspaceMember; dm: string; assessmentId: string; revision: number },
): void {
  const { member, dm, assessmentId, revision } = input;
  const locale = member.person.locale;
  ctx.logger.warn({ assessmentId, revision, channel: dm }, 'the next question could not be posted; trying again later');
  void ctx.background.track(
    (async () => {
      for (const delay of RECOVERY_DELAYS_MS) {
        const delivered = ctx.lanes.delivered(dm);
        await ctx.wait(delay);
        if (ctx.lifecycle.stopping) return;
        const turn = ctx.service.view(member.organization.id, assessmentId);
        // The person went on meanwhile (another click, /kakunin showing the question): what they see is current.
        if (turn.assessment.revision !== revision || ctx.lanes.delivered(dm) !== delivered) return;
        const today = ctx.directory.todayFor(member.organization.id, turn.assessment);
        const step = { a: turn.assessment.id, r: turn.assessment.revision };
        const messages = [plainMessage(t(locale, 'slack.recovery.resent')), ...promptMessages({ flow: turn.flow, prompt: turn.prompt, step, locale, today })];
        if (await postInOrder(ctx, client, dm, messages)) return;
      }
      if (!ctx.lifecycle.stopping) await postMessages(ctx, client, dm, [plainMessage(t(locale, 'slack.recovery.gaveUp'))]);
    })().catch((err: unknown) => ctx.logger.error({ err, assessmentId }, 'could not re-send the question')),
  );
}

/**
 * The clicked message could not be turned into its record: its buttons stay live until this succeeds.
 * Meanwhile they do nothing wrong — each carries the revision it was shown at, so a click there is a
 * repeat (ignored) or an outdated click (explained, with an explicit change offered).
 */
export function recoverUpdate(ctx: SlackContext, client: WebClient, origin: Origin, message: SlackMessage): void {
  ctx.logger.warn({ channel: origin.channelId, ts: origin.messageTs }, 'the answered message could not be closed; trying again later');
  void ctx.background.track(
    (async () => {
      for (const delay of RECOVERY_DELAYS_MS) {
        await ctx.wait(delay);
        if (ctx.lifecycle.stopping) return;
        if (await updateMessage(ctx, client, origin, message)) return;
      }
    })().catch((err: unknown) => ctx.logger.error({ err }, 'could not close the answered message')),
  );
}

/** Stops at the first refusal, so a retry never posts a question twice or a question without its note. */
async function postInOrder(ctx: SlackContext, client: WebClient, dm: string, messages: SlackMessage[]): Promise<boolean> {
  for (const message of messages) if (!(await postMessages(ctx, client, dm, [message]))) return false;
  return true;
}
