// The filled PDF into the person's DM: rendered after the ack, uploaded with files.uploadV2 (three
// calls: files.getUploadURLExternal → POST to upload_url → files.completeUploadExternal) on the bulk
// client, so a rate-limited upload never holds up anyone's clicks.
import { localize } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import type { WorkspaceMember } from '../../service/workspace-directory.ts';
import type { SlackContext, WebClient } from '../context.ts';
import { ReportDeliveryError } from '../errors.ts';
import type { SlackActor } from '../payloads.ts';
import { escapeMrkdwn } from '../views/block-kit.ts';
import { plainMessage } from '../views/command-replies.ts';
import { postMessages } from './slack-calls.ts';

export async function deliverReport(
  ctx: SlackContext,
  client: WebClient,
  input: { actor: SlackActor; member: WorkspaceMember; assessmentId: string; dm?: string },
): Promise<boolean> {
  const { member, assessmentId } = input;
  const locale = member.person.locale;
  const dm = input.dm ?? (await ctx.dm.channelFor(client, input.actor));
  try {
    const source = ctx.directory.reportSource(member.organization.id, assessmentId, locale);
    const bytes = await ctx.renderReport(source).catch((err: unknown) => {
      throw new ReportDeliveryError(assessmentId, 'render', err);
    });
    const title = localize(source.flow.title, locale);
    await ctx.bulk.files
      .uploadV2({
        channel_id: dm,
        file: Buffer.from(bytes),
        filename: `${source.flow.id}-${source.updatedOn}.pdf`,
        title: `${title}（${source.facilityName}）`,
        // initial_comment is mrkdwn: the facility name comes from the workspace and must not ping or link.
        initial_comment: escapeMrkdwn(t(locale, 'slack.submitted.fileComment', { title, facility: source.facilityName })),
      })
      .catch((err: unknown) => {
        throw new ReportDeliveryError(assessmentId, 'upload', err);
      });
    ctx.logger.info({ assessmentId, bytes: bytes.length, channel: dm }, 'report delivered');
    return true;
  } catch (err) {
    ctx.logger.error({ err, assessmentId }, 'report delivery failed; the answers are saved and /kakunin report retries');
    await postMessages(ctx, client, dm, [plainMessage(t(locale, 'slack.submitted.uploadFailed'))]);
    return false;
  }
}
