// The leads' App Home: paging, the row menus, the facility tools and the export button. The service
// checks the role on each; these only decode what Slack sent back.
import { decodeValue } from '../../action-values.ts';
import { openFacilityModal, handleRowChoice, publishDashboard } from '../../conversation/dashboard.ts';
import { deliverExport } from '../../conversation/export-delivery.ts';
import { openCadenceModal } from '../../conversation/schedule-command.ts';
import { refusalText } from '../../conversation/lead-commands.ts';
import { postMessages } from '../../conversation/slack-calls.ts';
import { enter } from '../../conversation/steps.ts';
import { MalformedPayloadError } from '../../errors.ts';
import { pageSchema, rowChoiceSchema } from '../../views/dashboard-view.ts';
import { escapeMrkdwn } from '../../views/block-kit.ts';
import { text } from '../../views/lead-replies.ts';
import type { ActionHandler } from './block-action.ts';

/** Leads only: anyone else clicking a leads' button (a forwarded or stale Home) is told so in their DM. */
const asLead =
  (handle: ActionHandler): ActionHandler =>
  async (ctx, client, parsed) => {
    // Nothing here is stored before the first Web API call: acknowledge at once (a modal's trigger lasts 3 s).
    await parsed.ack();
    const member = enter(ctx, parsed.actor);
    try {
      ctx.roles.requireLead(member.participant, 'use the dashboard');
    } catch (err) {
      const refusal = refusalText(member.person.locale, err);
      if (refusal === undefined) throw err;
      return void (await postMessages(ctx, client, await ctx.dm.channelFor(client, parsed.actor), [text(escapeMrkdwn(refusal))]));
    }
    return handle(ctx, client, parsed);
  };

export const page: ActionHandler = asLead(async (ctx, client, { action, actor }) => {
  const { p } = decodeValue(pageSchema, action.value, 'page value');
  await publishDashboard(ctx, client, actor, enter(ctx, actor), p);
});

export const rowChoice: ActionHandler = asLead(async (ctx, client, { action, actor }) => {
  const choice = decodeValue(rowChoiceSchema, action.selected_option?.value, 'dashboard row option');
  await handleRowChoice(ctx, client, { actor, member: enter(ctx, actor), choice });
});

export const addFacility: ActionHandler = asLead((ctx, client, { body, actor }) =>
  openFacilityModal(ctx, client, { actor, member: enter(ctx, actor), triggerId: body.trigger_id }),
);

export const editFacility: ActionHandler = asLead((ctx, client, { body, action, actor }) => {
  const facilityId = action.selected_option?.value;
  if (!facilityId) throw new MalformedPayloadError('facility select', 'no option selected');
  return openFacilityModal(ctx, client, { actor, member: enter(ctx, actor), triggerId: body.trigger_id, facilityId });
});

export const exportWorkbook: ActionHandler = asLead(async (ctx, client, { actor }) => {
  await deliverExport(ctx, client, { actor, member: enter(ctx, actor) });
});

export const scheduleCadence: ActionHandler = asLead((ctx, _client, { body, actor }) =>
  openCadenceModal(ctx, { member: enter(ctx, actor), triggerId: body.trigger_id }),
);
