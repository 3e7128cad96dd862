import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.ts';
import actions from './actions/index.ts';
import commands from './commands/index.ts';
import events from './events/index.ts';
import views from './views/index.ts';

const registerListeners = (app: App, ctx: SlackContext) => {
  actions.register(app, ctx);
  commands.register(app, ctx);
  events.register(app, ctx);
  views.register(app, ctx);
};

export default registerListeners;
