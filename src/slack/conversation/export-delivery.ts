// `/kakunin export` and the dashboard's 書き出し button: the leads' XLSX workbook, built after the ack and
// uploaded into the lead's DM on the bulk client (an upload never holds up anyone's clicks).
import { renderStatusXlsx } from '../../report/status-xlsx.ts';
import { t } from '../../i18n/messages.ts';
import type { WorkspaceMember } from '../../service/workspace-directory.ts';
import type { SlackContext, WebClient } from '../context.ts';
import type { SlackActor } from '../payloads.ts';
import { plainMessage } from '../views/command-replies.ts';
import { postMessages } from './slack-calls.ts';

export async function deliverExport(ctx: SlackContext, client: WebClient, input: { actor: SlackActor; member: WorkspaceMember }): Promise<boolean> {
  const { actor, member } = input;
  const locale = member.person.locale;
  const dm = await ctx.dm.channelFor(client, actor);
  // The role is checked again here: the button that led here proves nothing.
  const board = ctx.leads.statusBoard.board(member.participant, locale);
  try {
    const bytes = await renderStatusXlsx(board);
    await ctx.bulk.files.uploadV2({
      channel_id: dm,
      file: Buffer.from(bytes),
      filename: `kakunin-${board.generatedOn}.xlsx`,
      title: t(locale, 'export.title', { organization: board.organizationName, date: board.generatedOn }),
      initial_comment: t(locale, 'export.comment', { facilities: new Set(board.rows.map((r) => r.facilityId)).size }),
    });
    ctx.logger.info({ teamId: actor.teamId, bytes: bytes.length }, 'export delivered');
    return true;
  } catch (err) {
    ctx.logger.error({ err, teamId: actor.teamId }, 'export delivery failed');
    await postMessages(ctx, client, dm, [plainMessage(t(locale, 'export.failed'))]);
    return false;
  }
}
