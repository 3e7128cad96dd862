// Answers that need typing (multi, text, number, date, grid — the disclosure-form flows) are entered
// in a modal built generically from the item's AnswerSpec, and read back from the submitted view
// state. Pure both ways, so the mapping is tested without Slack.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Answer } from '../../flow/answer.ts';
import type { Flow } from '../../flow/model.ts';
import type { AnswerSpec, Option } from '../../flow/schema.ts';
import type { EngineError } from '../../engine/engine-error.ts';
import type { QuestionPrompt } from '../../engine/prompt.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { VIEW_CALLBACK, encodeValue, type ModalMetadata } from '../action-values.ts';
import { LIMITS, contexts, escapeMrkdwn, plain, sections, type Block } from './block-kit.ts';

export const ANSWER_BLOCK = 'answer';
const VALUE_ACTION = 'value';
const cellBlock = (row: number, column: number) => `cell.${row}.${column}`;
const rowBlock = (row: number) => `row.${row}`;

export function answerModal(input: { flow: Flow; prompt: QuestionPrompt; meta: ModalMetadata; locale: Locale }): types.ModalView {
  const { prompt, meta, locale } = input;
  const { item } = prompt;
  const text = escapeMrkdwn(localize(item.text, locale));
  const intro: Block[] = [
    ...sections(item.number ? `*${escapeMrkdwn(item.number)}* ${text}` : text),
    ...item.notes.flatMap((note) => contexts(`*${escapeMrkdwn(note.id)}* ${escapeMrkdwn(localize(note.text, locale))}`)),
    ...(item.help ? contexts(`ⓘ ${escapeMrkdwn(localize(item.help, locale))}`) : []),
  ];
  const inputs = modalInputs(item.answer, prompt.current, !item.required, locale, LIMITS.viewBlocks - intro.length);
  const base = {
    type: 'modal' as const,
    callback_id: VIEW_CALLBACK.answer,
    private_metadata: encodeValue(meta),
    title: plain(t(locale, 'slack.modal.title'), LIMITS.modalTitle),
    close: plain(t(locale, 'slack.modal.close'), LIMITS.modalButton),
  };
  if (inputs === 'too-large') {
    const cells = item.answer.type === 'grid' ? item.answer.rows.length * item.answer.columns.length : 0;
    return { ...base, blocks: [...intro, ...sections(`:warning: ${escapeMrkdwn(t(locale, 'slack.modal.tooLarge', { cells }))}`)] };
  }
  return { ...base, submit: plain(t(locale, 'slack.modal.submit'), LIMITS.modalButton), blocks: [...intro, ...inputs] };
}

function option(o: Pick<Option, 'id' | 'label'>, locale: Locale): types.PlainTextOption {
  return { text: plain(localize(o.label, locale), LIMITS.optionText), value: o.id };
}

function input(blockId: string, label: string, element: types.InputBlockElement, optional: boolean): types.InputBlock {
  return { type: 'input', block_id: blockId, label: plain(label, LIMITS.inputLabel), element, optional };
}

function modalInputs(spec: AnswerSpec, current: Answer | undefined, optional: boolean, locale: Locale, room: number): Block[] | 'too-large' {
  const label = t(locale, 'slack.modal.title');
  switch (spec.type) {
    case 'status':
      // Status items are answered with buttons and the 実施時期 picker in the message itself.
      return [];
    case 'yesno': {
      const options = [
        { id: 'yes', label: spec.yes },
        { id: 'no', label: spec.no },
      ].map((o) => option(o, locale));
      const initial = current?.kind === 'yesno' ? options[current.value ? 0 : 1] : undefined;
      return [input(ANSWER_BLOCK, label, { type: 'radio_buttons', action_id: VALUE_ACTION, options, ...(initial ? { initial_option: initial } : {}) }, optional)];
    }
    case 'single': {
      const options = spec.options.map((o) => option(o, locale));
      const initial = current?.kind === 'single' ? options.find((o) => o.value === current.value) : undefined;
      const element: types.InputBlockElement =
        options.length <= LIMITS.radioOptions
          ? { type: 'radio_buttons', action_id: VALUE_ACTION, options, ...(initial ? { initial_option: initial } : {}) }
          : { type: 'static_select', action_id: VALUE_ACTION, options: options.slice(0, LIMITS.selectOptions), ...(initial ? { initial_option: initial } : {}) };
      return [input(ANSWER_BLOCK, label, element, optional)];
    }
    case 'multi': {
      const options = spec.options.map((o) => option(o, locale));
      const initial = current?.kind === 'multi' ? options.filter((o) => current.values.includes(o.value ?? '')) : [];
      const element: types.InputBlockElement =
        options.length <= LIMITS.checkboxOptions
          ? { type: 'checkboxes', action_id: VALUE_ACTION, options, ...(initial.length ? { initial_options: initial } : {}) }
          : {
              type: 'multi_static_select',
              action_id: VALUE_ACTION,
              options: options.slice(0, LIMITS.selectOptions),
              ...(spec.max ? { max_selected_items: spec.max } : {}),
              ...(initial.length ? { initial_options: initial } : {}),
            };
      return [input(ANSWER_BLOCK, label, element, optional)];
    }
    case 'text':
      return [
        input(
          ANSWER_BLOCK,
          label,
          {
            type: 'plain_text_input',
            action_id: VALUE_ACTION,
            multiline: spec.multiline,
            max_length: spec.maxLength,
            ...(current?.kind === 'text' ? { initial_value: current.value } : {}),
            ...(spec.placeholder ? { placeholder: plain(localize(spec.placeholder, locale), LIMITS.placeholder) } : {}),
          },
          optional,
        ),
      ];
    case 'number':
      return [
        input(
          ANSWER_BLOCK,
          spec.unit ? `${label}（${localize(spec.unit, locale)}）` : label,
          {
            type: 'number_input',
            action_id: VALUE_ACTION,
            is_decimal_allowed: !spec.integer,
            ...(spec.min !== undefined ? { min_value: String(spec.min) } : {}),
            ...(spec.max !== undefined ? { max_value: String(spec.max) } : {}),
            ...(current?.kind === 'number' ? { initial_value: String(current.value) } : {}),
          },
          optional,
        ),
      ];
    case 'date':
      return [
        input(
          ANSWER_BLOCK,
          label,
          { type: 'datepicker', action_id: VALUE_ACTION, ...(current?.kind === 'date' ? { initial_date: current.value } : {}) },
          optional,
        ),
      ];
    case 'grid':
      return gridInputs(spec, current?.kind === 'grid' ? current.cells : {}, locale, room);
  }
}

type GridSpec = Extract<AnswerSpec, { type: 'grid' }>;

/** One input per cell (or, for check grids, one checkbox group per row), if Slack's 100 blocks allow. */
function gridInputs(spec: GridSpec, cells: Record<string, Record<string, unknown>>, locale: Locale, room: number): Block[] | 'too-large' {
  const cell = spec.cell;
  const rowLabel = (r: number) => localize(spec.rows[r]!.label, locale);
  const colLabel = (c: number) => localize(spec.columns[c]!.label, locale);
  if (cell.kind === 'check' && spec.columns.length <= LIMITS.checkboxOptions) {
    if (spec.rows.length > room) return 'too-large';
    const options = spec.columns.map((c) => option(c, locale));
    return spec.rows.map((row, r) => {
      const initial = options.filter((o) => cells[row.id]?.[o.value ?? ''] === true);
      return input(rowBlock(r), t(locale, 'slack.modal.rowChecks', { row: rowLabel(r) }), { type: 'checkboxes', action_id: VALUE_ACTION, options, ...(initial.length ? { initial_options: initial } : {}) }, true);
    });
  }
  if (spec.rows.length * spec.columns.length > room) return 'too-large';
  return spec.rows.flatMap((row, r) =>
    spec.columns.map((col, c) => {
      const label = t(locale, 'slack.modal.cell', { row: rowLabel(r), column: colLabel(c) });
      const value = cells[row.id]?.[col.id];
      if (cell.kind === 'check') {
        const only = option({ id: 'checked', label: col.label }, locale);
        return input(cellBlock(r, c), label, { type: 'checkboxes', action_id: VALUE_ACTION, options: [only], ...(value === true ? { initial_options: [only] } : {}) }, true);
      }
      if (cell.kind === 'number')
        return input(
          cellBlock(r, c),
          cell.unit ? `${label}（${localize(cell.unit, locale)}）` : label,
          {
            type: 'number_input',
            action_id: VALUE_ACTION,
            is_decimal_allowed: !cell.integer,
            min_value: String(cell.min),
            ...(cell.max !== undefined ? { max_value: String(cell.max) } : {}),
            ...(typeof value === 'number' ? { initial_value: String(value) } : {}),
          },
          true,
        );
      return input(
        cellBlock(r, c),
        label,
        { type: 'plain_text_input', action_id: VALUE_ACTION, max_length: cell.maxLength, ...(typeof value === 'string' ? { initial_value: value } : {}) },
        true,
      );
    }),
  );
}

/** The parts of `view.state.values` we read; anything else Slack sends is ignored. */
const elementStateSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
  /** multi_users_select (the leads' facility modal). */
  selected_users: z.array(z.string().max(255)).max(100).nullish(),
});
export const viewStateSchema = z.record(z.string(), z.record(z.string(), elementStateSchema));
export type ViewState = z.output<typeof viewStateSchema>;

export type ModalAnswer = { ok: true; answer: Answer } | { ok: false; blockId: string; message: string };

export function answerFromModal(spec: AnswerSpec, required: boolean, state: ViewState, locale: Locale): ModalAnswer {
  const el = (blockId: string) => state[blockId]?.[VALUE_ACTION];
  const blank: ModalAnswer = { ok: true, answer: { kind: 'blank' } };
  const text = (s: string | null | undefined) => (s === null || s === undefined ? '' : s);
  const number = (raw: string, blockId: string): number | ModalAnswer => {
    const n = Number(raw.replace(/[,，]/g, '').trim());
    return Number.isFinite(n) ? n : { ok: false, blockId, message: t(locale, 'slack.modal.notANumber') };
  };
  const answer = el(ANSWER_BLOCK);
  switch (spec.type) {
    case 'status':
      return blank;
    case 'yesno':
      return answer?.selected_option ? { ok: true, answer: { kind: 'yesno', value: answer.selected_option.value === 'yes' } } : blank;
    case 'single':
      return answer?.selected_option ? { ok: true, answer: { kind: 'single', value: answer.selected_option.value } } : blank;
    case 'multi': {
      const values = (answer?.selected_options ?? []).map((o) => o.value);
      return values.length === 0 && !required ? blank : { ok: true, answer: { kind: 'multi', values } };
    }
    case 'text': {
      const value = text(answer?.value);
      return value === '' && !required ? blank : { ok: true, answer: { kind: 'text', value } };
    }
    case 'number': {
      const raw = text(answer?.value);
      if (raw.trim() === '') return blank;
      const n = number(raw, ANSWER_BLOCK);
      return typeof n === 'number' ? { ok: true, answer: { kind: 'number', value: n } } : n;
    }
    case 'date':
      return answer?.selected_date ? { ok: true, answer: { kind: 'date', value: answer.selected_date } } : blank;
    case 'grid': {
      const cells: Record<string, Record<string, number | boolean | string | null>> = {};
      const perRow = spec.cell.kind === 'check' && spec.columns.length <= LIMITS.checkboxOptions;
      for (const [r, row] of spec.rows.entries()) {
        cells[row.id] = {};
        for (const [c, col] of spec.columns.entries()) {
          if (perRow) {
            cells[row.id]![col.id] = (el(rowBlock(r))?.selected_options ?? []).some((o) => o.value === col.id);
            continue;
          }
          const s = el(cellBlock(r, c));
          if (spec.cell.kind === 'check') cells[row.id]![col.id] = (s?.selected_options ?? []).length > 0;
          else if (text(s?.value).trim() === '') cells[row.id]![col.id] = null;
          else if (spec.cell.kind === 'text') cells[row.id]![col.id] = text(s?.value);
          else {
            const n = number(text(s?.value), cellBlock(r, c));
            if (typeof n !== 'number') return n;
            cells[row.id]![col.id] = n;
          }
        }
      }
      return { ok: true, answer: { kind: 'grid', cells } };
    }
  }
}

/** The input an engine refusal belongs to, so Slack shows the message under it. */
export function errorBlockId(spec: AnswerSpec, error: EngineError): string {
  if (spec.type !== 'grid') return ANSWER_BLOCK;
  const rowIndex = Math.max(0, spec.rows.findIndex((r) => r.id === error.params?.row || localize(r.label, 'ja') === error.params?.row));
  const colIndex = Math.max(0, spec.columns.findIndex((c) => c.id === error.params?.column || localize(c.label, 'ja') === error.params?.column));
  if (spec.cell.kind === 'check' && spec.columns.length <= LIMITS.checkboxOptions) return rowBlock(rowIndex);
  return cellBlock(rowIndex, colIndex);
}

