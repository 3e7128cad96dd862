// Everything the listeners need, built once at start-up: the assessment service, workspace directory
// and event ledger (no SQL here), the clock, the logger, the Web API clients and small in-memory caches.
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ScheduleService } from '../scheduler/schedule-service.ts';
import type { AssessmentService } from '../service/assessment-service.ts';
import type { BackupStatus } from '../service/backups.ts';
import type { EventLedger } from '../service/event-ledger.ts';
import type { Facilities } from '../service/facilities.ts';
import type { Roles } from '../service/roles.ts';
import type { ReassessmentService } from '../service/reassessment-service.ts';
import type { LocalizedReportSource, WorkspaceDirectory } from '../service/workspace-directory.ts';
import type { LeadServices } from './lead-services.ts';
import type { Background } from './background.ts';
import type { Step } from './action-values.ts';
import type { ConversationLanes, Wait } from './conversation-lanes.ts';
import type { SlackActor } from './payloads.ts';

export type WebClient = webApi.WebClient;

/** Renders an assessment's PDF; the real one is report/render-report.ts (it picks the flow's template). */
export type RenderReport = (source: LocalizedReportSource) => Promise<Uint8Array>;

export interface SlackContext {
  service: AssessmentService;
  /** Reminders: 実施済にした, 時期を変更, stop/resume. Absent in apps built without the scheduler. */
  schedule?: ScheduleService | undefined;
  /** Re-assessments: the offer to carry last cycle's answers over, 変更なし, a section at once (absent: blank starts only). */
  reassessment?: ReassessmentService | undefined;
  directory: WorkspaceDirectory;
  /** Who is a lead (checked on the server for every lead action). */
  roles: Roles;
  facilities: Facilities;
  /** Review, dashboard, export and home refreshes (src/slack/lead-services.ts). */
  leads: LeadServices;
  /** Slack retries events it thinks were lost; the first delivery of an event id wins. */
  events: EventLedger;
  clock: () => Date;
  logger: Logger;
  /**
   * Answers clicks: posts the next question, updates the answered one, ephemeral notes. Rate limits
   * are not waited out inside it (that pauses its whole queue) but per conversation, in `lanes`.
   */
  client: WebClient;
  /** views.open only: a trigger_id expires after 3 seconds, so opening a modal never queues or retries. */
  modal: WebClient;
  /** For uploads only: a 429 pauses a WebClient's whole queue, so bulk sends never share the click client. */
  bulk: WebClient;
  lanes: ConversationLanes;
  /** Waits before a retry (injected: tests release waits instead of sleeping). */
  wait: Wait;
  /** Set by stop(): late retries give up instead of touching a closing database. */
  lifecycle: { stopping: boolean };
  renderReport: RenderReport;
  background: Background;
  dm: DmChannels;
  profiles: Profiles;
  recent: RecentSteps;
  /** When the last good backup was, for the leads' App Home; absent when the app takes no backups. */
  backupStatus?: (() => BackupStatus) | undefined;
}

export interface DmChannels {
  /** The user's DM with the app (a D… id, as files.uploadV2 needs). */
  channelFor(client: WebClient, actor: SlackActor, knownDm?: string): Promise<string>;
}

export function createDmChannels(): DmChannels {
  const cache = new Map<string, string>();
  return {
    async channelFor(client, actor, knownDm) {
      const key = `${actor.teamId}:${actor.userId}`;
      const cached = cache.get(key);
      if (cached) return cached;
      let channel = knownDm;
      if (!channel) {
        const opened = await client.conversations.open({ users: actor.userId });
        channel = opened.channel?.id;
      }
      if (!channel) throw new Error(`conversations.open returned no channel for ${actor.userId}`);
      cache.set(key, channel);
      return channel;
    },
  };
}

export interface Profiles {
  /** The workspace's name (team.info), else its domain: the facility name of a first assessment. */
  teamName(client: WebClient, actor: SlackActor): Promise<string>;
  /** The person's real name (users.info), printed as 記入者 on the PDF; undefined when unknown. */
  userName(client: WebClient, actor: SlackActor): Promise<string | undefined>;
}

export function createProfiles(logger: Logger): Profiles {
  const teams = new Map<string, string>();
  return {
    async teamName(client, actor) {
      const cached = teams.get(actor.teamId);
      if (cached) return cached;
      try {
        const info = await client.team.info({ team: actor.teamId });
        const name = info.team?.name;
        if (name) {
          teams.set(actor.teamId, name);
          return name;
        }
      } catch (err) {
        logger.warn({ err, teamId: actor.teamId }, 'team.info failed; naming the facility after the workspace domain');
      }
      return actor.teamDomain ?? actor.teamId;
    },
    async userName(client, actor) {
      try {
        const info = await client.users.info({ user: actor.userId });
        const profile = info.user?.profile;
        return profile?.real_name || profile?.display_name || info.user?.real_name || info.user?.name || actor.userName;
      } catch (err) {
        logger.warn({ err, userId: actor.userId }, 'users.info failed; using the Slack user name');
        return actor.userName;
      }
    },
  };
}

/**
 * Which steps were applied recently, and by which button. A second click of the same button on the
 * same step (a double click, a Slack retry) is then recognised and ignored quietly.
 */
export interface RecentSteps {
  remember(step: Step, signature: string): void;
  isRepeat(step: Step, signature: string): boolean;
}

export function createRecentSteps(capacity = 10_000): RecentSteps {
  const applied = new Map<string, string>();
  const key = (step: Step) => `${step.a}@${step.r}`;
  return {
    remember(step, signature) {
      applied.set(key(step), signature);
      if (applied.size > capacity) applied.delete(applied.keys().next().value!);
    },
    isRepeat: (step, signature) => applied.get(key(step)) === signature,
  };
}
