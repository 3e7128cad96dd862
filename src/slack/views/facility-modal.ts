// The App Home's modals for facilities: add one (name, time zone, respondents) or edit one (the same, plus
// archive). What comes back is read with zod; the service decides whether the lead may do it.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { LIMITS, plain } from './block-kit.ts';

export const FACILITY_MODAL = { add: 'kakunin.facility.add', edit: 'kakunin.facility.edit' } as const;
export const FACILITY_NAME_MAX = 80;

export interface FacilityModalInput {
  locale: Locale;
  /** Absent: a new facility. */
  facility?: { id: string; name: string; timeZone: string } | undefined;
  managerSlackIds: string[];
  defaultTimeZone: string;
}

export function facilityModal(input: FacilityModalInput): types.ModalView {
  const { locale, facility } = input;
  const blocks: types.KnownBlock[] = [
    {
      type: 'input',
      block_id: 'name',
      label: plain(t(locale, 'facilityModal.name'), LIMITS.inputLabel),
      element: { type: 'plain_text_input', action_id: 'value', max_length: FACILITY_NAME_MAX, ...(facility ? { initial_value: facility.name } : {}) },
    },
    {
      type: 'input',
      block_id: 'tz',
      label: plain(t(locale, 'facilityModal.timeZone'), LIMITS.inputLabel),
      hint: plain(t(locale, 'facilityModal.timeZoneHint')),
      element: { type: 'plain_text_input', action_id: 'value', max_length: 64, initial_value: facility?.timeZone ?? input.defaultTimeZone },
    },
    {
      type: 'input',
      block_id: 'managers',
      optional: true,
      label: plain(t(locale, 'facilityModal.managers'), LIMITS.inputLabel),
      element: { type: 'multi_users_select', action_id: 'value', ...(input.managerSlackIds.length ? { initial_users: input.managerSlackIds } : {}) },
    },
  ];
  if (facility)
    blocks.push({
      type: 'input',
      block_id: 'archive',
      optional: true,
      label: plain(t(locale, 'facilityModal.archive'), LIMITS.inputLabel),
      element: { type: 'checkboxes', action_id: 'value', options: [{ text: plain(t(locale, 'facilityModal.archiveOption'), LIMITS.optionText), value: 'archive' }] },
    });
  return {
    type: 'modal',
    callback_id: facility ? FACILITY_MODAL.edit : FACILITY_MODAL.add,
    private_metadata: JSON.stringify(facility ? { fac: facility.id } : {}),
    title: plain(t(locale, facility ? 'facilityModal.editTitle' : 'facilityModal.addTitle'), LIMITS.modalTitle),
    submit: plain(t(locale, 'facilityModal.submit'), LIMITS.modalButton),
    close: plain(t(locale, 'facilityModal.close'), LIMITS.modalButton),
    blocks,
  };
}

const text = z.object({ value: z.string().nullish() }).passthrough();
export const facilityModalStateSchema = z.object({
  name: z.object({ value: text }),
  tz: z.object({ value: text }),
  managers: z.object({ value: z.object({ selected_users: z.array(z.string()).nullish() }).passthrough() }).optional(),
  archive: z.object({ value: z.object({ selected_options: z.array(z.object({ value: z.string() }).passthrough()).nullish() }).passthrough() }).optional(),
});

export interface FacilityModalValues {
  name: string;
  timeZone: string;
  managers: string[];
  archive: boolean;
}

export function facilityModalValues(state: z.output<typeof facilityModalStateSchema>): FacilityModalValues {
  return {
    name: (state.name.value.value ?? '').trim(),
    timeZone: (state.tz.value.value ?? '').trim(),
    managers: state.managers?.value.selected_users ?? [],
    archive: (state.archive?.value.selected_options ?? []).some((o) => o.value === 'archive'),
  };
}

export const facilityModalMetadataSchema = z.object({ fac: z.string().min(1).max(100).optional() }).strict();
