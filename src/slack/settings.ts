// Which way kakunin talks to Slack, decided from the environment: Socket Mode with an app-level
// token, HTTP with a signing secret. Missing pieces stop start-up with one line per variable.
import { ConfigError, type Env } from '../config/env.ts';

export type SlackSettings = {
  botToken: string;
  /** The Web API base URL (Slack's own unless SLACK_API_URL points at a proxy or a compatible server). */
  apiUrl: string;
} & ({ mode: 'socket'; appToken: string } | { mode: 'http'; signingSecret: string; port: number });

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

const line = (name: string, expected: string) => `設定エラー / config error: ${name}="" — expected ${expected}`;

export function slackSettings(env: Env): SlackSettings {
  const problems: string[] = [];
  if (!env.SLACK_BOT_TOKEN) problems.push(line('SLACK_BOT_TOKEN', 'the bot token (xoxb-…) from the Slack app’s OAuth & Permissions page'));
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET)
    problems.push(
      line('SLACK_APP_TOKEN', 'an app-level token (xapp-…, scope connections:write) for Socket Mode — or set SLACK_SIGNING_SECRET to serve HTTP'),
    );
  if (problems.length > 0 || !env.SLACK_BOT_TOKEN) throw new ConfigError(problems);
  const common = { botToken: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL };
  if (env.SLACK_APP_TOKEN) return { ...common, mode: 'socket', appToken: env.SLACK_APP_TOKEN };
  return { ...common, mode: 'http', signingSecret: env.SLACK_SIGNING_SECRET!, port: env.PORT };
}
