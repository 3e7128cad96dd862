// One click (or modal submission) on the walk-through: applied to the engine through the service with
// compare-and-set, then shown in the DM — the clicked message becomes a record, the next prompt is
// posted. Refusals (not your assessment, outdated view, invalid answer) change nothing and are
// explained to the person where they clicked.
import type { Interaction } from '../../engine/events.ts';
import type { SectionStart } from '../../engine/prompt.ts';
import type { Answer } from '../../flow/answer.ts';
import { canonicalJson, findItem } from '../../flow/model.ts';
import { engineErrorText } from '../../i18n/engine-error-text.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import type { Turn } from '../../service/assessment-service.ts';
import { NotCarriedOverError, NotFoundError, NotRespondentError, OutdatedInteractionError } from '../../service/refusals.ts';
import type { WorkspaceMember } from '../../service/workspace-directory.ts';
import { ACTION, encodeValue, type AnswerStep, type Step } from '../action-values.ts';
import type { SlackContext, WebClient } from '../context.ts';
import type { Origin, SlackActor } from '../payloads.ts';
import { answerText, describeItem } from '../views/answer-text.ts';
import { LIMITS, actions, button, fallback, sections, escapeMrkdwn, type SlackMessage } from '../views/block-kit.ts';
import { hideConfirmationMessage } from '../views/hide-confirmation.ts';
import { pausedMessage } from '../views/paused-message.ts';
import { promptMessages } from '../views/prompt-messages.ts';
import { sectionFinishedMessage } from '../views/section-intro-message.ts';
import { answeredRecord, confirmedRecord, noteRecord, type Actor } from '../views/records.ts';
import { plainMessage } from '../views/command-replies.ts';
import { recoverPrompt, recoverUpdate } from './recovery.ts';
import { deliverReport } from './report-delivery.ts';
import { announceSubmission } from './review-flow.ts';
import { postEphemeral, postMessages, updateMessage } from './slack-calls.ts';

/** A re-assessment's confirmations, applied through the re-assessment service rather than as one engine event. */
export type CarryAction = { type: 'CONFIRM_ITEM'; itemId: string } | { type: 'CONFIRM_SECTION'; sectionId: string };

export interface StepRequest {
  actor: SlackActor;
  /** The message clicked, when it can be updated (not ephemeral, not App Home). */
  origin?: Origin | undefined;
  /** Where the click happened, for ephemeral replies. */
  channelId?: string | undefined;
  step: Step;
  interaction: Interaction | CarryAction;
  /** Which button (action id + value): a repeat of the same button on the same step is a double click. */
  signature: string;
  /** The date chosen in the 実施時期 picker, so a refused date re-shows the picker. */
  planningAttempt?: string | undefined;
  /** The date was a 実施日 (the 実施済 picker), not a 実施時期. */
  planningDone?: boolean | undefined;
  /** The question a navigation button was shown with. */
  questionItemId?: string | undefined;
}

/**
 * How the request is acknowledged. A click acknowledges (`acknowledge`) as soon as the step is stored or
 * refused, before anything is posted. A modal must answer inside its ack: refusals are shown in the
 * modal instead of as ephemeral messages, and the modal is closed before the DM is updated.
 */
export interface StepHooks {
  acknowledge?: () => Promise<void>;
  onRefused?: (turn: Turn) => Promise<void>;
  /** A change that would hide answered items is asked about in the DM (変更する / やめる); a modal closes first. */
  onAskingToHide?: () => Promise<void>;
  onRejected?: (reason: 'not-respondent' | 'outdated' | 'repeat') => Promise<void>;
  onAccepted?: () => Promise<void>;
}

export function enter(ctx: SlackContext, actor: SlackActor): WorkspaceMember {
  return ctx.directory.enter({ teamId: actor.teamId, slackUserId: actor.userId });
}

export async function applyStep(ctx: SlackContext, client: WebClient, req: StepRequest, hooks: StepHooks = {}): Promise<void> {
  const acknowledge = hooks.acknowledge ?? (async () => undefined);
  const reject = async (reason: 'not-respondent' | 'outdated' | 'repeat', explain: () => Promise<void>) => {
    if (hooks.onRejected) return hooks.onRejected(reason);
    await acknowledge();
    await explain();
  };
  const member = enter(ctx, req.actor);
  let turn: Turn;
  try {
    // Resolved once the step is on disk; other people's clicks are served while it syncs.
    turn = await ctx.service.durably(() => applyInteraction(ctx, member, req));
  } catch (err) {
    if (err instanceof NotRespondentError || isMissingAssessment(err)) return reject('not-respondent', () => refuse(ctx, client, req, member.person.locale));
    if (err instanceof OutdatedInteractionError) {
      if (ctx.recent.isRepeat(req.step, req.signature)) return reject('repeat', async () => undefined);
      // The message is older than the assessment, but it asks the very question being asked now
      // (an explicit change elsewhere moved the revision on): the click means what it says.
      const current = ctx.service.view(member.organization.id, req.step.a);
      if (asksCurrentQuestion(req, current) && req.step.r < current.assessment.revision)
        return applyStep(ctx, client, { ...req, step: { a: req.step.a, r: current.assessment.revision } }, hooks);
      return reject('outdated', () => outdated(ctx, client, req, member));
    }
    throw err;
  }
  ctx.recent.remember(req.step, req.signature);
  ctx.logger.debug({ assessmentId: req.step.a, revision: turn.assessment.revision, interaction: req.interaction.type, accepted: turn.accepted }, 'turn');
  if (!turn.accepted) {
    if (turn.prompt.error?.code === 'gate.hidesAnswers') {
      await (hooks.onAskingToHide ?? acknowledge)();
      return showRefusal(ctx, client, req, member, turn);
    }
    if (hooks.onRefused) return hooks.onRefused(turn);
    await acknowledge();
    return showRefusal(ctx, client, req, member, turn);
  }
  // Stored: now Slack may hear back, and the slow part follows.
  await (hooks.onAccepted ?? acknowledge)();
  await present(ctx, client, req, member, turn);
}

/**
 * The assessment itself is not there (or is another workspace's, which looks the same). A missing
 * flow version or facility is not the person's fault and is not reported as "not yours".
 */
export function isMissingAssessment(err: unknown): boolean {
  return err instanceof NotFoundError && err.entity === 'assessment';
}

function applyInteraction(ctx: SlackContext, member: WorkspaceMember, req: StepRequest): Turn {
  const { interaction, step } = req;
  const opts = { expectedRevision: step.r };
  switch (interaction.type) {
    case 'CONFIRM_ITEM':
    case 'CONFIRM_SECTION': {
      // Only an app built with re-assessments shows these buttons.
      if (!ctx.reassessment) throw new NotCarriedOverError(step.a);
      return interaction.type === 'CONFIRM_ITEM'
        ? ctx.reassessment.confirmItem(member.participant, step.a, interaction.itemId, opts)
        : ctx.reassessment.confirmSection(member.participant, step.a, interaction.sectionId, opts);
    }
    default:
      return ctx.service.interact(member.participant, step.a, interaction, opts);
  }
}

/** After an accepted turn: close the clicked message with a record, then ask what comes next. */
async function present(ctx: SlackContext, client: WebClient, req: StepRequest, member: WorkspaceMember, turn: Turn): Promise<void> {
  const locale = member.person.locale;
  const actor: Actor = { slackUserId: req.actor.userId, at: ctx.clock() };
  const step: Step = { a: turn.assessment.id, r: turn.assessment.revision };
  const { interaction } = req;

  if (interaction.type === 'REVISE') {
    const ref = findItem(turn.flow, interaction.itemId);
    const text = t(locale, 'slack.stale.changed', {
      item: describeItem(turn.flow, locale, interaction.itemId),
      answer: ref ? answerText(locale, ref.item.answer, interaction.answer) : interaction.answer.kind,
    });
    const dm = await ctx.dm.channelFor(client, req.actor, dmHint(req));
    await postEphemeral(ctx, client, req.channelId ?? dm, req.actor.userId, plainMessage(text));
    return;
  }

  if (turn.prompt.kind === 'paused') {
    const paused = pausedMessage({ step, locale });
    if (req.origin) await updateMessage(ctx, client, req.origin, paused);
    else await postMessages(ctx, client, await ctx.dm.channelFor(client, req.actor, dmHint(req)), [paused]);
    return;
  }

  // Answering a section's last question: the section's tally closes that answer's record, where the
  // section ends in the DM (a message of its own when there is no record to close). Not repeated when the
  // person comes back to the next section's first question later (戻る, 再開, /kakunin).
  const start = openedSection(interaction, turn);
  const tally = start && sectionFinishedMessage(locale, start);
  const record = closingRecord(interaction, turn, locale, actor);
  const closing = record && tally ? { ...record, blocks: [...record.blocks, ...tally.blocks] } : record;
  if (req.origin && closing && !(await updateMessage(ctx, client, req.origin, closing))) recoverUpdate(ctx, client, req.origin, closing);
  const dm = await ctx.dm.channelFor(client, req.actor, dmHint(req));
  const today = ctx.directory.todayFor(member.organization.id, turn.assessment);
  const posted = await postMessages(ctx, client, dm, [
    ...(tally && !(req.origin && closing) ? [tally] : []),
    ...promptMessages({ flow: turn.flow, prompt: turn.prompt, step, locale, today, flagged: turn.flaggedItems, carryOver: turn.carryOver, comparison: turn.comparison }),
  ]);
  if (!posted && turn.prompt.kind !== 'submitted') recoverPrompt(ctx, client, { actor: req.actor, member, dm, assessmentId: turn.assessment.id, revision: turn.assessment.revision });
  if (turn.prompt.kind === 'submitted') {
    await deliverReport(ctx, client, { actor: req.actor, member, assessmentId: turn.assessment.id, dm });
    // The leads get the review request (channel or DMs) once the respondent has their PDF.
    await announceSubmission(ctx, client, { actor: req.actor, member, assessmentId: turn.assessment.id });
  }
}

/** The opening of the section this answer (or skip) moved into, when it finished the one before. */
function openedSection(interaction: Interaction | CarryAction, turn: Turn): SectionStart | undefined {
  if (interaction.type !== 'ANSWER' && interaction.type !== 'SKIP') return undefined;
  return turn.prompt.kind === 'question' ? turn.prompt.sectionStart : undefined;
}

function closingRecord(interaction: Interaction | CarryAction, turn: Turn, locale: Locale, actor: Actor): SlackMessage | undefined {
  const note = (text: string) => noteRecord({ text, locale, actor });
  switch (interaction.type) {
    case 'CONFIRM_ITEM':
      return confirmedRecord({ flow: turn.flow, itemId: interaction.itemId, answer: turn.confirmed?.answers[interaction.itemId], locale, actor });
    case 'CONFIRM_SECTION': {
      const section = turn.flow.sections.find((x) => x.id === interaction.sectionId);
      const title = section ? localize(section.title, locale) : interaction.sectionId;
      return note(t(locale, 'carry.confirmedSection', { title, count: turn.confirmed?.itemIds.length ?? 0 }));
    }
    case 'ANSWER':
      return answeredRecord({ flow: turn.flow, itemId: interaction.itemId, answer: interaction.answer, locale, actor });
    case 'START':
      return note(t(locale, 'slack.record.started', { title: localize(turn.flow.title, locale) }));
    case 'CONTINUE':
      return note(
        t(locale, 'slack.record.continued', { title: turn.prompt.kind === 'question' ? localize(turn.prompt.section.title, locale) : '' }),
      );
    case 'BACK':
      return note(t(locale, 'slack.record.back'));
    case 'RESUME':
      return note(t(locale, 'slack.record.resumed'));
    case 'EDIT':
      return note(t(locale, 'slack.record.edit', { item: describeItem(turn.flow, locale, interaction.itemId) }));
    case 'CANCEL':
      return note(t(locale, 'slack.record.cancelEdit'));
    case 'SUBMIT':
      return note(t(locale, 'slack.record.submitted'));
    case 'SKIP':
      return note(t(locale, 'carry.skippedRecord'));
    default:
      return undefined;
  }
}

/** The engine refused (a past date, submitting with items open…): show why where the person clicked. */
async function showRefusal(ctx: SlackContext, client: WebClient, req: StepRequest, member: WorkspaceMember, turn: Turn): Promise<void> {
  const locale = member.person.locale;
  const step: Step = { a: turn.assessment.id, r: turn.assessment.revision };
  const { interaction } = req;
  if (turn.prompt.error?.code === 'gate.hidesAnswers' && (interaction.type === 'ANSWER' || interaction.type === 'REVISE')) {
    // Nothing changed yet: say how many answered items the change would hide and ask.
    const message = hideConfirmationMessage({ flow: turn.flow, step, interaction, error: turn.prompt.error, locale });
    if (req.origin) return void (await updateMessage(ctx, client, req.origin, message));
    const dm = await ctx.dm.channelFor(client, req.actor, dmHint(req));
    return void (await postEphemeral(ctx, client, req.channelId ?? dm, req.actor.userId, message));
  }
  const today = ctx.directory.todayFor(member.organization.id, turn.assessment);
  const planning = req.planningAttempt ? { attempt: req.planningAttempt, done: req.planningDone } : undefined;
  const messages = promptMessages({ flow: turn.flow, prompt: turn.prompt, step, locale, today, planning, flagged: turn.flaggedItems, carryOver: turn.carryOver, comparison: turn.comparison });
  if (req.origin && messages.length > 0) {
    await updateMessage(ctx, client, req.origin, messages[messages.length - 1]!);
    return;
  }
  const error = turn.prompt.error;
  const text = error ? engineErrorText(locale, error, (id) => describeItem(turn.flow, locale, id)) : t(locale, 'error.event.notAllowed');
  const dm = await ctx.dm.channelFor(client, req.actor, dmHint(req));
  await postEphemeral(ctx, client, req.channelId ?? dm, req.actor.userId, plainMessage(`:warning: ${text}`));
}

/** Not the respondent, or another workspace's assessment: an ephemeral refusal, nothing else. */
async function refuse(ctx: SlackContext, client: WebClient, req: StepRequest, locale: Locale): Promise<void> {
  ctx.logger.warn({ assessmentId: req.step.a, teamId: req.actor.teamId, userId: req.actor.userId }, 'refused an interaction by someone who is not the respondent');
  const channel = req.channelId ?? (await ctx.dm.channelFor(client, req.actor));
  await postEphemeral(ctx, client, channel, req.actor.userId, plainMessage(t(locale, 'slack.refusal.notRespondent')));
}

/**
 * The click was made on an older view. A repeat of what was just applied (double click, Slack
 * retry) is ignored; anything else is explained, with an explicit button when it was an answer.
 */
async function outdated(ctx: SlackContext, client: WebClient, req: StepRequest, member: WorkspaceMember): Promise<void> {
  const locale = member.person.locale;
  const current = ctx.service.view(member.organization.id, req.step.a);
  const channel = req.channelId ?? (await ctx.dm.channelFor(client, req.actor, dmHint(req)));
  const say = (message: SlackMessage) => postEphemeral(ctx, client, channel, req.actor.userId, message);
  const status = current.assessment.status;
  if (status === 'submitted' || status === 'approved') return void (await say(plainMessage(t(locale, 'slack.stale.closed'))));

  const { interaction } = req;
  if (interaction.type === 'ANSWER' || interaction.type === 'REVISE') {
    const answers = ctx.service.answers(member.organization.id, req.step.a);
    const now = answers[interaction.itemId];
    // The same answer is already recorded (a retry that arrived after the app restarted): nothing to say.
    if (sameAnswer(now, interaction.answer)) return;
    const ref = findItem(current.flow, interaction.itemId);
    if (ref) {
      const offered = answerText(locale, ref.item.answer, interaction.answer);
      const revise: AnswerStep = { a: current.assessment.id, r: current.assessment.revision, i: interaction.itemId, v: interaction.answer };
      const text = t(locale, 'slack.stale.movedOn', { current: answerText(locale, ref.item.answer, now) });
      return void (await say({
        text: fallback(text),
        blocks: [
          ...sections(`${escapeMrkdwn(describeItem(current.flow, locale, interaction.itemId))}\n${escapeMrkdwn(text)}`),
          actions(`stale.${current.assessment.revision}`, [
            // The answer travels back in the button; one too long for a button value is not offered.
            ...(encodeValue(revise).length <= LIMITS.value
              ? [button({ text: t(locale, 'slack.stale.changeTo', { answer: offered }), actionId: ACTION.revise, value: encodeValue(revise) })]
              : []),
            button({ text: t(locale, 'slack.stale.showCurrent'), actionId: ACTION.resume, value: encodeValue({ a: current.assessment.id }) }),
          ]),
        ],
      }));
    }
  }
  const text = t(locale, 'slack.stale.outdated');
  await say({
    text: fallback(text),
    blocks: [
      ...sections(escapeMrkdwn(text)),
      actions(`stale.${current.assessment.revision}`, [
        button({ text: t(locale, 'slack.stale.showCurrent'), actionId: ACTION.resume, value: encodeValue({ a: current.assessment.id }) }),
      ]),
    ],
  });
}

function asksCurrentQuestion(req: StepRequest, current: Turn): boolean {
  if (current.prompt.kind !== 'question') return false;
  const itemId =
    req.interaction.type === 'ANSWER' || req.interaction.type === 'CONFIRM_ITEM' ? req.interaction.itemId : req.questionItemId;
  return itemId !== undefined && itemId === current.prompt.item.id && req.interaction.type !== 'REVISE';
}

/** Compared as canonical JSON: a stored answer and a button's answer may list their fields in another order. */
function sameAnswer(a: Answer | undefined, b: Answer): boolean {
  return a !== undefined && canonicalJson(a) === canonicalJson(b);
}

/** A D… channel the click came from is the person's DM with the app (only there do our buttons live). */
function dmHint(req: StepRequest): string | undefined {
  const channel = req.origin?.channelId ?? req.channelId;
  return channel?.startsWith('D') ? channel : undefined;
}
