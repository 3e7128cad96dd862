// The leads' App Home control for periodic re-assessment: which facility (or all), and how often the
// minimum-guideline checklist comes round — the same choices as `/kakunin schedule`.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { LIMITS, plain } from './block-kit.ts';

export const CADENCE_MODAL = 'kakunin.cadence.modal';
/** The facility option that sets every facility at once. */
export const ALL_FACILITIES = '*';
/** What each choice means, in `/kakunin schedule`'s own words (parseCadence reads them). */
const CHOICES = ['年度', '6か月', '12か月', 'なし'] as const;

export function cadenceModal(input: { locale: Locale; facilities: { id: string; name: string; cadence: string }[] }): types.ModalView {
  const { locale } = input;
  const option = (text: string, value: string) => ({ text: plain(text, LIMITS.optionText), value });
  return {
    type: 'modal',
    callback_id: CADENCE_MODAL,
    private_metadata: '',
    title: plain(t(locale, 'scheduler.cadence.modalTitle'), 24),
    submit: plain(t(locale, 'scheduler.cadence.modalSubmit'), 24),
    close: plain(t(locale, 'scheduler.cadence.modalClose'), 24),
    blocks: [
      {
        type: 'input',
        block_id: 'facility',
        label: plain(t(locale, 'scheduler.cadence.modalFacility'), LIMITS.inputLabel),
        element: {
          type: 'static_select',
          action_id: 'value',
          initial_option: option(t(locale, 'scheduler.cadence.modalAll'), ALL_FACILITIES),
          options: [
            option(t(locale, 'scheduler.cadence.modalAll'), ALL_FACILITIES),
            ...input.facilities.slice(0, 99).map((f) => option(`${f.name}（${f.cadence}）`, f.id)),
          ],
        },
      },
      {
        type: 'input',
        block_id: 'cadence',
        label: plain(t(locale, 'scheduler.cadence.modalCadence'), LIMITS.inputLabel),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: CHOICES.map((c) => option(t(locale, `scheduler.cadence.choice.${c}`), c)),
        },
      },
    ],
  };
}

const selected = z.object({ value: z.object({ selected_option: z.object({ value: z.string().min(1).max(100) }).passthrough() }).passthrough() }).passthrough();
export const cadenceModalStateSchema = z.object({ facility: selected, cadence: selected }).passthrough();

export function cadenceModalValues(state: z.output<typeof cadenceModalStateSchema>): { facilityId: string | undefined; cadence: string } {
  const facility = state.facility.value.selected_option.value;
  return { facilityId: facility === ALL_FACILITIES ? undefined : facility, cadence: state.cadence.value.selected_option.value };
}
