// 時期を変更: a date picker (the current 実施時期 preselected) and a reason, read back from the
// submitted view state. Pure, so the mapping is tested without Slack.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import { formatDate } from '../../i18n/answer-text.ts';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { MAX_REASON_LENGTH } from '../../scheduler/schedule-service.ts';
import { encodeValue } from '../action-values.ts';
import type { MoveMetadata } from '../reminder-values.ts';
import { LIMITS, contexts, escapeMrkdwn, plain } from './block-kit.ts';
import { REMINDER_VIEW } from './reminder-digest.ts';

export const MOVE_BLOCK = { date: 'move.date', reason: 'move.reason' } as const;
const VALUE = 'value';

export function moveModal(input: { meta: MoveMetadata; itemLabel: string; locale: Locale }): types.ModalView {
  const { meta, locale } = input;
  return {
    type: 'modal',
    callback_id: REMINDER_VIEW.move,
    private_metadata: encodeValue(meta),
    title: plain(t(locale, 'scheduler.move.title'), LIMITS.modalTitle),
    submit: plain(t(locale, 'scheduler.move.submit'), LIMITS.modalButton),
    close: plain(t(locale, 'scheduler.move.cancel'), LIMITS.modalButton),
    blocks: [
      ...contexts(`*${escapeMrkdwn(input.itemLabel)}* — ${formatDate(locale, meta.d)}`),
      {
        type: 'input',
        block_id: MOVE_BLOCK.date,
        label: plain(t(locale, 'scheduler.move.date')),
        element: { type: 'datepicker', action_id: VALUE, initial_date: meta.d },
      },
      {
        type: 'input',
        block_id: MOVE_BLOCK.reason,
        label: plain(t(locale, 'scheduler.move.reason')),
        element: {
          type: 'plain_text_input',
          action_id: VALUE,
          max_length: MAX_REASON_LENGTH,
          placeholder: plain(t(locale, 'scheduler.move.reasonPlaceholder'), LIMITS.placeholder),
        },
      },
    ],
  };
}

const stateSchema = z.object({
  [MOVE_BLOCK.date]: z.object({ [VALUE]: z.object({ selected_date: z.string().nullish() }) }),
  [MOVE_BLOCK.reason]: z.object({ [VALUE]: z.object({ value: z.string().nullish() }) }),
});

/** The date and reason typed into the modal; undefined when the state is not the modal's. */
export function readMoveModal(values: unknown): { date: string; reason: string } | undefined {
  const parsed = stateSchema.safeParse(values);
  if (!parsed.success) return undefined;
  return {
    date: parsed.data[MOVE_BLOCK.date][VALUE].selected_date ?? '',
    reason: parsed.data[MOVE_BLOCK.reason][VALUE].value ?? '',
  };
}
