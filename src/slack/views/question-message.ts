// One question as one DM message: progress, the item text, its notes (注) and help, then the answer
// controls built from the item's AnswerSpec — buttons where a click is the whole answer, the 実施時期
// date picker for 実施予定, and a modal for anything that needs typing.
import { addYearsIso } from '../../dates/calendar-date.ts';
import type { Answer } from '../../flow/answer.ts';
import type { Flow } from '../../flow/model.ts';
import type { Prompt } from '../../engine/prompt.ts';
import { engineErrorText } from '../../i18n/engine-error-text.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { ACTION, encodeValue, type AnswerStep, type ItemStep, type Step } from '../action-values.ts';
import { answerText, describeItem, formatDate } from './answer-text.ts';
import {
  LIMITS,
  actions,
  button,
  contexts,
  escapeMrkdwn,
  fallback,
  plain,
  sections,
  type Block,
  type SlackMessage,
} from './block-kit.ts';
import { carriedQuestionBlocks, unchangedButton } from './carry-over-blocks.ts';
import { progressLine, progressText } from './progress.ts';
import { sectionHeadingBlocks } from './section-intro-message.ts';
import type { CarryOver } from '../../engine/carry-over.ts';

export interface QuestionMessageInput {
  flow: Flow;
  prompt: Extract<Prompt, { kind: 'question' }>;
  step: Step;
  locale: Locale;
  /** Today in the facility's time zone: the earliest 実施予定 date. */
  today: string;
  /** Show the 実施時期 date picker in place of the answer buttons. */
  planning?: { attempt?: string; done?: boolean } | undefined;
  /** In a re-assessment: last time's answer, with 変更なし when it can stand as it is. */
  carried?: Extract<CarryOver, { kind: 'question' }> | undefined;
}

export function questionMessage(input: QuestionMessageInput): SlackMessage {
  const { flow, prompt, locale } = input;
  const { item } = prompt;
  const blocks: Block[] = [
    ...(prompt.sectionStart ? sectionHeadingBlocks(locale, prompt.section, prompt.sectionStart) : []),
    ...contexts(escapeMrkdwn(progressLine(locale, prompt.section, prompt.progress))),
  ];
  if (prompt.editing) blocks.push(...contexts(t(locale, 'slack.question.editing')));

  const text = escapeMrkdwn(localize(item.text, locale));
  blocks.push(...sections(item.number ? `*${escapeMrkdwn(item.number)}* ${text}` : text));
  for (const note of item.notes) blocks.push(...contexts(`*${escapeMrkdwn(note.id)}* ${escapeMrkdwn(localize(note.text, locale))}`));
  if (item.help) blocks.push(...contexts(`ⓘ ${escapeMrkdwn(localize(item.help, locale))}`));
  if (prompt.current && !(prompt.current.kind === 'na' && prompt.current.auto))
    blocks.push(...contexts(escapeMrkdwn(t(locale, 'slack.question.current', { answer: answerText(locale, item.answer, prompt.current) }))));
  if (input.carried) blocks.push(...carriedQuestionBlocks(locale, item.answer, input.carried));
  if (prompt.error)
    blocks.push(...sections(`:warning: ${escapeMrkdwn(engineErrorText(locale, prompt.error, (id) => describeItem(flow, locale, id)))}`));

  const unchanged = input.planning ? [] : unchangedButton(locale, input.step, input.carried);
  if (unchanged.length > 0) blocks.push(actions(`q.${input.step.r}.carry`, unchanged));
  blocks.push(...answerControls(input), navigation(input));
  return { text: fallback(`${progressText(locale, prompt.section, prompt.progress)} ${localize(item.text, locale)}`), blocks };
}

function answerControls(input: QuestionMessageInput): Block[] {
  const { prompt, step, locale } = input;
  const spec = prompt.item.answer;
  const itemStep: ItemStep = { ...step, i: prompt.item.id };
  const answerButton = (text: string, v: Answer, n: number, style?: 'primary') =>
    button({ text, actionId: `${ACTION.answerPrefix}${n}`, value: encodeValue({ ...itemStep, v } satisfies AnswerStep), style });
  const blank = prompt.item.required ? [] : [{ text: t(locale, 'slack.question.leaveBlank'), v: { kind: 'blank' } as const }];

  switch (spec.type) {
    case 'status': {
      if (input.planning?.done) return doneDateControls(input, itemStep);
      if (input.planning) return planningControls(input, itemStep, spec.maxPlanYears);
      // A past 実施予定 asks 「実施できましたか？」: 実施済, or a new 実施時期.
      const pastPlanned = input.carried?.item.notConfirmable === 'pastPlanned';
      const elements = [
        // …and 実施済 asks on which day (the 実施日 picker) before it is recorded.
        pastPlanned
          ? button({ text: t(locale, 'carry.pastPlannedDone'), actionId: ACTION.doneOpen, value: encodeValue(itemStep) })
          : answerButton(t(locale, 'common.status.done'), { kind: 'done' }, 0),
        button({ text: t(locale, pastPlanned ? 'carry.pastPlannedNewDate' : 'slack.question.planned'), actionId: ACTION.planOpen, value: encodeValue(itemStep) }),
        ...(spec.notApplicable ? [answerButton(t(locale, 'common.status.na'), { kind: 'na' }, 1)] : []),
      ];
      return [actions(`q.${step.r}.answer`, elements)];
    }
    case 'yesno':
      return [
        actions(`q.${step.r}.answer`, [
          answerButton(localize(spec.yes, locale), { kind: 'yesno', value: true }, 0),
          answerButton(localize(spec.no, locale), { kind: 'yesno', value: false }, 1),
          ...blank.map((b) => answerButton(b.text, b.v, 2)),
        ]),
      ];
    case 'single': {
      const choices = [
        ...spec.options.map((o) => ({ text: localize(o.label, locale), v: { kind: 'single', value: o.id } as Answer })),
        ...blank,
      ];
      const blocks: Block[] = [];
      // Labels longer than a button can show are listed in full above the buttons.
      if (choices.some((c) => c.text.length > LIMITS.buttonText))
        blocks.push(...contexts(escapeMrkdwn(t(locale, 'slack.question.optionList', { options: choices.map((c, n) => `(${n + 1}) ${c.text}`).join(' ') }))));
      for (let from = 0; from < choices.length; from += LIMITS.actionsElements)
        blocks.push(
          actions(
            `q.${step.r}.answer.${from}`,
            choices.slice(from, from + LIMITS.actionsElements).map((c, k) => answerButton(c.text, c.v, from + k)),
          ),
        );
      return blocks;
    }
    default:
      // multi, text, number, date, grid: typed answers go through a modal built from the spec.
      return [
        actions(`q.${step.r}.answer`, [
          button({ text: t(locale, 'slack.question.openModal'), actionId: ACTION.openModal, value: encodeValue(itemStep), style: 'primary' }),
          ...blank.map((b) => answerButton(b.text, b.v, 0)),
        ]),
      ];
  }
}

function planningControls(input: QuestionMessageInput, itemStep: ItemStep, maxPlanYears: number): Block[] {
  const { prompt, locale, today } = input;
  const current = prompt.current?.kind === 'planned' ? prompt.current.date : undefined;
  const range = { today: formatDate(locale, today), latest: formatDate(locale, addYearsIso(today, maxPlanYears)) };
  return [
    ...sections(escapeMrkdwn(t(locale, 'slack.question.planPrompt', range))),
    {
      type: 'actions',
      // Date pickers carry no value, so the step travels in the block id; a new id per attempt makes
      // Slack show a fresh picker after a refused date.
      block_id: encodeValue({ ...itemStep, ...(input.planning?.attempt ? { n: input.planning.attempt } : {}) }),
      elements: [
        {
          type: 'datepicker',
          action_id: ACTION.planDate,
          ...(current ? { initial_date: current } : {}),
          placeholder: plain(t(locale, 'slack.question.planPlaceholder'), LIMITS.placeholder),
        },
        button({ text: t(locale, 'slack.question.planCancel'), actionId: ACTION.planClose, value: encodeValue(itemStep) }),
      ],
    },
  ];
}

/** The 実施日 of a past 実施予定 that was done: today or earlier. */
function doneDateControls(input: QuestionMessageInput, itemStep: ItemStep): Block[] {
  const { locale, today } = input;
  return [
    ...sections(escapeMrkdwn(t(locale, 'carry.doneOnPrompt', { today: formatDate(locale, today) }))),
    {
      type: 'actions',
      block_id: encodeValue({ ...itemStep, d: 1, ...(input.planning?.attempt ? { n: input.planning.attempt } : {}) }),
      elements: [
        { type: 'datepicker', action_id: ACTION.doneDate, initial_date: today, placeholder: plain(t(locale, 'slack.question.planPlaceholder'), LIMITS.placeholder) },
        button({ text: t(locale, 'slack.question.planCancel'), actionId: ACTION.planClose, value: encodeValue(itemStep) }),
      ],
    },
  ];
}

function navigation({ prompt, step, locale, carried }: QuestionMessageInput): Block {
  const value = encodeValue({ ...step, i: prompt.item.id });
  const nav = (type: string, text: string) => button({ text, actionId: `${ACTION.navPrefix}${type}`, value });
  return actions(
    `q.${step.r}.nav`,
    prompt.editing
      ? [nav('CANCEL', t(locale, 'slack.question.cancelEdit')), nav('PAUSE', t(locale, 'slack.question.pause'))]
      : [
          nav('BACK', t(locale, 'slack.question.back')),
          // A re-assessment may leave one item to confirm later; 提出 lists what is still open.
          ...(carried ? [nav('SKIP', t(locale, 'carry.later'))] : []),
          nav('PAUSE', t(locale, 'slack.question.pause')),
        ],
  );
}
