// The Bolt app: receiver, Web API client options and the listeners. Thin on purpose — what happens
// on a click lives in conversation/, what it looks like in views/.
import { App, SocketModeReceiver, type Receiver, type webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackContext } from './context.ts';
import { leadSeeding } from './lead-seeding.ts';
import registerListeners from './listeners/index.ts';
import { slackLogger } from './logger.ts';
import { SlackHttpReceiver } from './receivers/http-receiver.ts';
import { guardedApp } from './receivers/inbound-guard.ts';

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

/**
 * Socket Mode's receiver is Bolt's own; it hands requests to the app through the inbound guard, as the
 * HTTP receiver does, so a malformed or unhandled request is acknowledged and logged the same way.
 */
function socketModeReceiver(appToken: string, slackApiUrl: string, logger: Logger): Receiver {
  const inner = new SocketModeReceiver({
    appToken,
    logger: slackLogger(logger, 'socket-mode'),
    installerOptions: { clientOptions: { slackApiUrl } },
  });
  return {
    init: (app) => inner.init(guardedApp(app, logger)),
    start: () => inner.start(),
    stop: () => inner.stop(),
  };
}

export function createBoltApp(options: BoltAppOptions, ctx: SlackContext): { app: App; receiver: Receiver } {
  const logger = slackLogger(options.logger, 'bolt');
  const receiver =
    options.receiver.mode === 'socket'
      ? socketModeReceiver(options.receiver.appToken, options.slackApiUrl, options.logger)
      : new SlackHttpReceiver({ signingSecret: options.receiver.signingSecret, logger: options.logger });
  const app = new App({
    token: options.botToken,
    botId: options.botId,
    botUserId: options.botUserId,
    receiver,
    logger,
    // Every Web API call goes to this base URL only.
    clientOptions: { slackApiUrl: options.slackApiUrl, retryConfig: options.retryConfig, timeout: 15_000 },
    convoStore: false,
  });
  // Tracks the work each listener does after its ack, so stop() and tests can wait for it.
  app.use(async ({ next }) => {
    await ctx.background.track(next());
  });
  app.use(leadSeeding(ctx));
  registerListeners(app, ctx);
  app.error(async (error) => {
    options.logger.error({ err: error }, 'unhandled Bolt error');
  });
  return { app, receiver };
}
