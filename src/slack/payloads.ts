// The parts of Slack's interaction, command and event payloads we rely on, validated with zod. The
// receiver has already checked the request signature; `inboundBodySchema` checks the shape before Bolt
// sees the body (inbound-guard.ts), so a surprise is acknowledged and logged, never a crash or a 500.
// Everything a person's client can send is bounded: nothing unbounded reaches a block or action id.
import { z } from 'zod';
import { viewStateSchema } from './views/answer-modal.ts';

/** Slack's own ids (team, user, channel, trigger, view…) are short; anything longer is not from Slack. */
const slackId = z.string().min(1).max(255);

export const blockActionBodySchema = z.object({
  type: z.literal('block_actions'),
  team: z.object({ id: slackId, domain: z.string().max(255).optional() }).nullish(),
  user: z.object({ id: slackId, team_id: slackId.optional(), name: z.string().max(255).optional(), username: z.string().max(255).optional() }),
  channel: z.object({ id: slackId }).nullish(),
  container: z
    .object({ type: z.string().max(50), message_ts: slackId.optional(), channel_id: slackId.optional(), is_ephemeral: z.boolean().optional() })
    .nullish(),
  trigger_id: slackId,
  /** A click inside a modal: the view to update (its hash makes a second, stale update fail rather than win). */
  view: z.object({ id: slackId, hash: z.string().max(255).optional(), private_metadata: z.string().max(3000).optional() }).nullish(),
  actions: z
    .array(
      z.object({
        action_id: z.string().max(255),
        block_id: z.string().max(255),
        value: z.string().max(2000).optional(),
        // Slack's date picker sends YYYY-MM-DD; it is echoed into the re-rendered picker's block id.
        selected_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
        /** Overflow menus and static selects (the leads' dashboard); an option value holds at most 150 characters. */
        selected_option: z.object({ value: z.string().max(150) }).nullish(),
      }),
    )
    .min(1),
});
export type BlockActionBody = z.output<typeof blockActionBodySchema>;

export const commandBodySchema = z.object({
  command: z.string().max(100),
  team_id: slackId,
  team_domain: z.string().max(255).optional(),
  user_id: slackId,
  user_name: z.string().max(255).optional(),
  channel_id: slackId,
  text: z.string().max(4000).default(''),
});
export type CommandBody = z.output<typeof commandBodySchema>;

export const viewSubmissionBodySchema = z.object({
  type: z.literal('view_submission'),
  team: z.object({ id: slackId, domain: z.string().max(255).optional() }).nullish(),
  user: z.object({ id: slackId, team_id: slackId.optional(), name: z.string().max(255).optional() }),
  view: z.object({ id: slackId, callback_id: z.string().max(255), private_metadata: z.string().max(3000), state: z.object({ values: viewStateSchema }) }),
});
export type ViewSubmissionBody = z.output<typeof viewSubmissionBodySchema>;

export const appHomeOpenedBodySchema = z.object({
  team_id: slackId,
  event_id: slackId,
  event: z.object({ type: z.literal('app_home_opened'), user: slackId, tab: z.string().max(50).optional(), channel: slackId.optional() }),
});

/** Any Events API delivery: Bolt acknowledges these itself and routes them by `event.type`. */
const eventCallbackBodySchema = z.object({
  type: z.literal('event_callback'),
  team_id: slackId.optional(),
  event_id: slackId,
  event: z.object({ type: z.string().max(100) }),
});

/**
 * What kakunin acts on at all: a slash command, a click, a modal submission, an event. Anything else
 * (shortcuts, view_closed, a payload that is `null`, `[]` or missing its user) is acknowledged and
 * logged by the guard, and never reaches Bolt.
 */
export const inboundBodySchema = z.union([commandBodySchema, blockActionBodySchema, viewSubmissionBodySchema, eventCallbackBodySchema]);

/** A few words on what a request was, for the one log line an ignored request gets (never its content). */
export function describeInbound(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { body: Array.isArray(body) ? 'array' : body === null ? 'null' : typeof body };
  const b = body as Record<string, unknown>;
  const short = (v: unknown) => (typeof v === 'string' ? v.slice(0, 100) : undefined);
  const action = Array.isArray(b.actions) ? (b.actions[0] as Record<string, unknown> | undefined) : undefined;
  return {
    type: short(b.type),
    command: short(b.command),
    actionId: short(action?.action_id),
    callbackId: short((b.view as Record<string, unknown> | undefined)?.callback_id),
    eventType: short((b.event as Record<string, unknown> | undefined)?.type),
  };
}

/** Who acted: the Slack team and user, as every row is keyed by the team. */
export interface SlackActor {
  teamId: string;
  userId: string;
  userName?: string | undefined;
  teamDomain?: string | undefined;
}

/** The message a click came from, when it is a real (updatable) message. */
export interface Origin {
  channelId: string;
  messageTs: string;
}

export function actorOfAction(body: BlockActionBody): SlackActor {
  return {
    teamId: body.team?.id ?? body.user.team_id ?? '',
    userId: body.user.id,
    userName: body.user.name ?? body.user.username,
    teamDomain: body.team?.domain,
  };
}

export function originOfAction(body: BlockActionBody): Origin | undefined {
  const c = body.container;
  if (!c || c.type !== 'message' || c.is_ephemeral || !c.message_ts) return undefined;
  const channelId = c.channel_id ?? body.channel?.id;
  return channelId ? { channelId, messageTs: c.message_ts } : undefined;
}
