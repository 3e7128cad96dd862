// The parts of Slack's interaction and command payloads we rely on, validated with zod. Bolt has
// already checked the request signature; this checks the shape, so a surprise is a logged refusal
// rather than a crash in the middle of a turn.
import { z } from 'zod';

export const blockActionBodySchema = z.object({
  type: z.literal('block_actions'),
  team: z.object({ id: z.string(), domain: z.string().optional() }).nullish(),
  user: z.object({ id: z.string(), team_id: z.string().optional(), name: z.string().optional(), username: z.string().optional() }),
  channel: z.object({ id: z.string() }).nullish(),
  container: z
    .object({ type: z.string(), message_ts: z.string().optional(), channel_id: z.string().optional(), is_ephemeral: z.boolean().optional() })
    .nullish(),
  trigger_id: z.string(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        block_id: z.string(),
        value: z.string().optional(),
        selected_date: z.string().nullish(),
      }),
    )
    .min(1),
});
export type BlockActionBody = z.output<typeof blockActionBodySchema>;

export const commandBodySchema = z.object({
  team_id: z.string(),
  team_domain: z.string().optional(),
  user_id: z.string(),
  user_name: z.string().optional(),
  channel_id: z.string(),
  text: z.string().default(''),
});
export type CommandBody = z.output<typeof commandBodySchema>;

export const viewSubmissionBodySchema = z.object({
  type: z.literal('view_submission'),
  team: z.object({ id: z.string(), domain: z.string().optional() }).nullish(),
  user: z.object({ id: z.string(), team_id: z.string().optional(), name: z.string().optional() }),
  view: z.object({ id: z.string(), callback_id: z.string(), private_metadata: z.string(), state: z.object({ values: z.unknown() }) }),
});
export type ViewSubmissionBody = z.output<typeof viewSubmissionBodySchema>;

export const appHomeOpenedBodySchema = z.object({
  team_id: z.string(),
  event_id: z.string(),
  event: z.object({ type: z.literal('app_home_opened'), user: z.string(), tab: z.string().optional(), channel: z.string().optional() }),
});

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
