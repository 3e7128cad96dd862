// The Bolt app: receiver, Web API client options and the listeners. Thin on purpose — what happens
// on a click lives in conversation/, what it looks like in views/.
import { App, type webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackContext } from './context.ts';
import registerListeners from './listeners/index.ts';
import { slackLogger } from './logger.ts';

export interface BoltAppOptions {
  botToken: string;
  /** Given, Bolt does not call auth.test; start-up (or a test) supplies them. */
  botId?: string | undefined;
  botUserId?: string | undefined;
  receiver: { mode: 'socket'; appToken: string } | { mode: 'http'; signingSecret: string };
  slackApiUrl: string;
  retryConfig: webApi.RetryOptions;
  logger: Logger;
}

export function createBoltApp(options: BoltAppOptions, ctx: SlackContext): App {
  const logger = slackLogger(options.logger, 'bolt');
  const receiver =
    options.receiver.mode === 'socket'
      ? { socketMode: true, appToken: options.receiver.appToken }
      : // Acknowledge before the listener finishes: Slack wants an answer within 3 seconds.
        { signingSecret: options.receiver.signingSecret, processBeforeResponse: false };
  const app = new App({
    token: options.botToken,
    botId: options.botId,
    botUserId: options.botUserId,
    ...receiver,
    logger,
    // Every Web API call (and Socket Mode's apps.connections.open) goes to this base URL only.
    clientOptions: { slackApiUrl: options.slackApiUrl, retryConfig: options.retryConfig, timeout: 15_000 },
    convoStore: false,
  });
  // Tracks the work each listener does after its ack, so stop() and tests can wait for it.
  app.use(async ({ next }) => {
    await ctx.background.track(next());
  });
  registerListeners(app, ctx);
  app.error(async (error) => {
    options.logger.error({ err: error }, 'unhandled Bolt error');
  });
  return app;
}
