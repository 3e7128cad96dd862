import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { handleKakuninCommand } from '../../conversation/kakunin-command.ts';
import { MalformedPayloadError } from '../../errors.ts';
import { commandBodySchema } from '../../payloads.ts';
import { safely } from '../safely.ts';

const register = (app: App, ctx: SlackContext) => {
  app.command('/kakunin', async ({ ack, body }) => {
    const client = ctx.client;
    const parsed = commandBodySchema.safeParse(body);
    if (!parsed.success) {
      await ack();
      ctx.logger.warn({ err: new MalformedPayloadError('command body', parsed.error.issues[0]?.message ?? '') }, 'ignored a malformed command');
      return;
    }
    const command = parsed.data;
    let acked = false;
    const reply = async (message: { text: string; blocks: unknown[] }) => {
      acked = true;
      await ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks as never });
    };
    const actor = { teamId: command.team_id, userId: command.user_id };
    await safely(ctx, client, { actor, what: '/kakunin' }, () => handleKakuninCommand(ctx, client, command, reply));
    if (!acked) await ack();
  });
};

export default { register };
