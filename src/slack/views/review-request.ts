// What leads and respondents see of a review: the request posted on 提出 (facility, flow, respondent, when,
// counts, the 実施予定 items with dates, what changed since the last 差し戻し, and 承認 / 差し戻し / 詳細),
// the same message once decided (who decided, no buttons), the 差し戻し modal, 詳細, and the respondent's DMs.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import { findItem, itemRefs } from '../../flow/model.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { checklistRows } from '../../report/checklist-rows.ts';
import type { ReviewSubject } from '../../service/review.ts';
import { encodeValue, originMetadata } from '../action-values.ts';
import { answerText, describeItem, firstLine, formatDate, slackTime } from './answer-text.ts';
import { LIMITS, actions, button, clip, contexts, escapeMrkdwn, fallback, header, plain, sections, type Block, type SlackMessage } from './block-kit.ts';
import { comparisonBlocks } from './carry-over-blocks.ts';

export const REVIEW_ACTION = {
  approve: 'kakunin.review.approve',
  return: 'kakunin.review.return',
  detail: 'kakunin.review.detail',
  revise: 'kakunin.review.revise',
  /** In the 差し戻し modal: one more (item, comment) slot. */
  addFlag: 'kakunin.review.addFlag',
} as const;
export const REVIEW_MODAL = 'kakunin.review.returnModal';
export const APPROVE_MODAL = 'kakunin.review.approveModal';
/**
 * Items a lead can flag in one 差し戻し, each with its own comment: the modal opens with a slot per item for
 * FIRST_FLAG_SLOTS, and 「＋ 指摘する項目を追加」 adds one at a time up to MAX_FLAG_SLOTS (2 blocks each,
 * well inside a modal's 100).
 */
export const FIRST_FLAG_SLOTS = 5;
export const MAX_FLAG_SLOTS = 30;
const MAX_PLANNED_LINES = 15;
const MAX_CHANGE_LINES = 20;

/** A review button: the assessment and the round (第n回提出) the lead saw. */
export const reviewRefSchema = z.object({ a: z.string().min(1).max(100), n: z.number().int().min(1) }).strict();
export type ReviewRef = z.output<typeof reviewRefSchema>;
/** The modal's private_metadata: the review, the request message it came from (c, t), and how many slots it shows (s). */
export const reviewModalMetadataSchema = reviewRefSchema
  .extend({ c: z.string().max(50).optional(), t: z.string().max(50).optional(), s: z.number().int().min(1).max(MAX_FLAG_SLOTS).optional() })
  .strict();

const who = (name: string, slackId: string | null) => (slackId ? `<@${slackId}>` : escapeMrkdwn(name));

export function reviewRequestMessage(input: { subject: ReviewSubject; locale: Locale; now?: Date | undefined }): SlackMessage {
  const { subject, locale } = input;
  const { flow, assessment } = subject;
  const title = localize(flow.title, locale);
  const ref: ReviewRef = { a: assessment.id, n: subject.round };
  const submittedAt = assessment.submittedAt ? slackTime(new Date(assessment.submittedAt)) : '';
  const blocks: Block[] = [
    header(t(locale, 'review.request.title', { title: clip(title, 100) })),
    ...sections(
      [
        `*${t(locale, 'review.request.facility')}* ${escapeMrkdwn(subject.facilityName)}\u3000*${t(locale, 'review.request.respondent')}* ${who(subject.respondent.displayName, subject.respondent.slackUserId)}`,
        `*${t(locale, 'review.request.submitted')}* ${submittedAt}\u3000*${t(locale, 'review.request.roundN', { n: subject.round })}*`,
      ].join('\n'),
    ),
  ];
  if (flow.kind === 'checklist') {
    const rows = checklistRows(flow, subject.answers, locale);
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    blocks.push(...sections(t(locale, 'review.request.counts', { done: count('done'), planned: count('planned'), na: count('na') })));
    const planned = rows.filter((r) => r.status === 'planned').sort((a, b) => (a.plannedDate! < b.plannedDate! ? -1 : 1));
    if (planned.length) {
      const lines = planned
        .slice(0, MAX_PLANNED_LINES)
        .map((r) => `• ${escapeMrkdwn(`${describeItem(flow, locale, r.itemId)} ${clip(r.text.split('\n')[0]!, 40)}`)} — ${formatDate(locale, r.plannedDate!)}`);
      if (planned.length > MAX_PLANNED_LINES) lines.push(t(locale, 'review.request.more', { n: planned.length - MAX_PLANNED_LINES }));
      blocks.push(...sections([t(locale, 'review.request.planned', { n: planned.length }), ...lines].join('\n')));
    }
  }
  // A re-assessment: what changed since the previous cycle (改善, 後退, 時期変更…), before this round's own changes.
  if (subject.cycleComparison) blocks.push(...comparisonBlocks(locale, subject.cycleComparison, MAX_CHANGE_LINES));
  if (subject.round > 1) blocks.push(...changeBlocks(subject, locale));
  const decided = subject.decided;
  if (decided) {
    const key = decided.decision === 'approved' ? 'review.request.approvedBy' : 'review.request.returnedBy';
    blocks.push(...contexts(t(locale, key, { lead: who(decided.reviewerName, decided.reviewerSlackId), when: slackTime(new Date(decided.at)) })));
  } else
    blocks.push(
      actions(`review.${assessment.id}.${subject.round}`, [
        button({ text: t(locale, 'review.request.approve'), actionId: REVIEW_ACTION.approve, value: encodeValue(ref), style: 'primary' }),
        button({ text: t(locale, 'review.request.return'), actionId: REVIEW_ACTION.return, value: encodeValue(ref), style: 'danger' }),
        button({ text: t(locale, 'review.request.detail'), actionId: REVIEW_ACTION.detail, value: encodeValue(ref) }),
      ]),
    );
  return { text: fallback(`${t(locale, 'review.request.title', { title })} — ${subject.facilityName}`), blocks: blocks.slice(0, LIMITS.messageBlocks) };
}

function changeBlocks(subject: ReviewSubject, locale: Locale): Block[] {
  const { flow } = subject;
  const heading = t(locale, 'review.request.changes', { previous: subject.round - 1, n: subject.changes.length });
  if (subject.changes.length === 0) return sections(`${heading}\n${t(locale, 'review.request.noChanges')}`);
  const lines = subject.changes.slice(0, MAX_CHANGE_LINES).map((c) => {
    const spec = findItem(flow, c.itemId)?.item.answer;
    const text = (a: typeof c.before) => (spec ? answerText(locale, spec, a) : '');
    return `• ${escapeMrkdwn(describeItem(flow, locale, c.itemId))}: ${escapeMrkdwn(clip(text(c.before), 200))} → *${escapeMrkdwn(clip(text(c.after), 200))}*`;
  });
  if (subject.changes.length > MAX_CHANGE_LINES) lines.push(t(locale, 'review.request.more', { n: subject.changes.length - MAX_CHANGE_LINES }));
  return sections([heading, ...lines].join('\n'));
}

/**
 * The 差し戻し modal: the comment for the whole, then `slots` × (item, its comment), all optional but the
 * comment, and while there is room a button that adds a slot (the same block ids, so Slack keeps what was
 * already entered when the view is replaced).
 */
export function returnModal(input: {
  subject: ReviewSubject;
  locale: Locale;
  origin?: { channelId: string; messageTs: string } | undefined;
  slots?: number | undefined;
}): types.ModalView {
  const { subject, locale } = input;
  const slots = Math.min(Math.max(input.slots ?? FIRST_FLAG_SLOTS, 1), MAX_FLAG_SLOTS);
  const { flow } = subject;
  const groups = new Map<string, { label: string; options: { text: types.PlainTextElement; value: string }[] }>();
  for (const ref of itemRefs(flow)) {
    if (ref.section.kind === 'gates') continue;
    const label = clip(localize(ref.section.title, locale), LIMITS.optionText);
    const group = groups.get(ref.section.id) ?? { label, options: [] };
    group.options.push({ text: plain(`${ref.item.number ?? ''} ${firstLine(ref.item.text, locale, 60)}`.trim(), LIMITS.optionText), value: ref.item.id });
    groups.set(ref.section.id, group);
  }
  let budget = LIMITS.selectOptions;
  const optionGroups = [...groups.values()].flatMap((g) => {
    const options = g.options.slice(0, budget);
    budget -= options.length;
    return options.length ? [{ label: plain(g.label, LIMITS.optionText), options }] : [];
  });
  const blocks: types.KnownBlock[] = [
    ...(contexts(escapeMrkdwn(`${subject.facilityName}・${localize(flow.title, locale)}・${t(locale, 'review.request.roundN', { n: subject.round })}`)) as types.KnownBlock[]),
    {
      type: 'input',
      block_id: 'comment',
      label: plain(t(locale, 'review.modal.comment'), LIMITS.inputLabel),
      element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 1000 },
    },
  ];
  for (let i = 0; i < slots; i++)
    blocks.push(
      {
        type: 'input',
        block_id: `flag.${i}`,
        optional: true,
        label: plain(t(locale, 'review.modal.item', { n: i + 1 }), LIMITS.inputLabel),
        element: { type: 'static_select', action_id: 'value', placeholder: plain(t(locale, 'review.modal.pickItem'), LIMITS.placeholder), option_groups: optionGroups },
      },
      {
        type: 'input',
        block_id: `note.${i}`,
        optional: true,
        label: plain(t(locale, 'review.modal.itemComment', { n: i + 1 }), LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 300 },
      },
    );
  if (slots < MAX_FLAG_SLOTS)
    blocks.push(actions('flags.more', [button({ text: t(locale, 'review.modal.addItem'), actionId: REVIEW_ACTION.addFlag })]) as types.KnownBlock);
  const meta = { a: subject.assessment.id, n: subject.round, ...originMetadata(input.origin), s: slots };
  return {
    type: 'modal',
    callback_id: REVIEW_MODAL,
    private_metadata: JSON.stringify(meta),
    title: plain(t(locale, 'review.modal.title'), LIMITS.modalTitle),
    submit: plain(t(locale, 'review.modal.submit'), LIMITS.modalButton),
    close: plain(t(locale, 'review.request.cancel'), LIMITS.modalButton),
    blocks,
  };
}

const optionalText = z.object({ value: z.string().nullish() }).passthrough();
const optionalSelect = z.object({ selected_option: z.object({ value: z.string() }).passthrough().nullish() }).passthrough();
export const returnModalStateSchema = z.record(z.string(), z.object({ value: z.union([optionalSelect, optionalText]) }).passthrough());

/** The comment and the flagged items (in slot order, empty slots skipped) of a submitted 差し戻し modal. */
export function returnModalValues(state: z.output<typeof returnModalStateSchema>): { comment: string; flags: { itemId: string; comment: string }[]; orphanNotes: number[] } {
  const textOf = (block: string) => String((state[block]?.value as { value?: string | null } | undefined)?.value ?? '').trim();
  const flags: { itemId: string; comment: string }[] = [];
  const orphanNotes: number[] = [];
  for (let i = 0; i < MAX_FLAG_SLOTS; i++) {
    const itemId = (state[`flag.${i}`]?.value as { selected_option?: { value: string } | null } | undefined)?.selected_option?.value;
    const note = textOf(`note.${i}`);
    if (itemId) flags.push({ itemId, comment: note });
    else if (note) orphanNotes.push(i);
  }
  return { comment: textOf('comment'), flags, orphanNotes };
}

/** 承認: what is approved, and an optional comment for the respondent and the history. */
export function approveModal(input: { subject: ReviewSubject; locale: Locale; origin?: { channelId: string; messageTs: string } | undefined }): types.ModalView {
  const { subject, locale } = input;
  const meta = { a: subject.assessment.id, n: subject.round, ...originMetadata(input.origin) };
  return {
    type: 'modal',
    callback_id: APPROVE_MODAL,
    private_metadata: JSON.stringify(meta),
    title: plain(t(locale, 'review.request.confirmTitle'), LIMITS.modalTitle),
    submit: plain(t(locale, 'review.request.approve'), LIMITS.modalButton),
    close: plain(t(locale, 'review.request.cancel'), LIMITS.modalButton),
    blocks: [
      ...(sections(
        escapeMrkdwn(t(locale, 'review.request.confirmText', { facility: `${subject.facilityName}・${localize(subject.flow.title, locale)}・${t(locale, 'review.request.roundN', { n: subject.round })}` })),
      ) as types.KnownBlock[]),
      {
        type: 'input',
        block_id: 'comment',
        optional: true,
        label: plain(t(locale, 'review.modal.approveComment'), LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 1000 },
      },
    ],
  };
}

/** 詳細: the whole review history and the submission's facts, read-only. */
export function detailModal(input: { subject: ReviewSubject; locale: Locale }): types.ModalView {
  const { subject, locale } = input;
  const request = reviewRequestMessage({ subject: { ...subject, decided: subject.decided ?? undefined }, locale });
  const history: Block[] = [{ type: 'divider' }, ...sections(t(locale, 'review.detail.history'))];
  if (subject.history.length === 0) history.push(...contexts(t(locale, 'review.detail.none')));
  for (const d of subject.history) {
    const lines = [
      t(locale, d.decision === 'approved' ? 'review.detail.approvedLine' : 'review.detail.returnedLine', {
        n: d.round,
        lead: who(d.reviewerName, d.reviewerSlackId),
        when: slackTime(new Date(d.at)),
      }),
      ...(d.comment ? [`> ${escapeMrkdwn(clip(d.comment, 1000)).replace(/\n/g, '\n> ')}`] : []),
      ...d.flags.map((f) => `• ${escapeMrkdwn(describeItem(subject.flow, locale, f.itemId))}${f.comment ? ` — ${escapeMrkdwn(f.comment)}` : ''}`),
      ...(d.ownSubmission ? [t(locale, 'review.detail.ownSubmission')] : []),
    ];
    history.push(...sections(lines.join('\n')));
  }
  const blocks = [...request.blocks.filter((b) => b.type !== 'actions' && b.type !== 'header'), ...history].slice(0, LIMITS.viewBlocks);
  return {
    type: 'modal',
    title: plain(t(locale, 'review.detail.title'), LIMITS.modalTitle),
    close: plain(t(locale, 'review.detail.close'), LIMITS.modalButton),
    blocks: blocks as types.KnownBlock[],
  };
}

/** To the respondent: 承認 (with the lead's comment), or 差し戻し with the comments, the items and 修正する. */
export function decisionForRespondent(input: { subject: ReviewSubject; locale: Locale }): SlackMessage {
  const { subject, locale } = input;
  const d = subject.history.at(-1)!;
  const title = localize(subject.flow.title, locale);
  const lead = who(d.reviewerName, d.reviewerSlackId);
  const head = t(locale, d.decision === 'approved' ? 'review.respondent.approved' : 'review.respondent.returned', {
    title: escapeMrkdwn(title),
    facility: escapeMrkdwn(subject.facilityName),
    lead,
  });
  const lines = [head, ...(d.comment ? [`> ${escapeMrkdwn(clip(d.comment, 1000)).replace(/\n/g, '\n> ')}`] : [])];
  if (d.decision === 'returned' && d.flags.length) {
    lines.push(t(locale, 'review.respondent.flagged', { n: d.flags.length }));
    for (const f of d.flags) {
      const ref = findItem(subject.flow, f.itemId);
      lines.push(`• *${escapeMrkdwn(describeItem(subject.flow, locale, f.itemId))}* ${escapeMrkdwn(ref ? firstLine(ref.item.text, locale, 60) : '')}${f.comment ? `\n\u3000${escapeMrkdwn(f.comment)}` : ''}`);
    }
  }
  const blocks: Block[] = sections(lines.join('\n'));
  if (d.decision === 'returned')
    blocks.push(
      actions(`revise.${subject.assessment.id}.${d.round}`, [
        button({ text: t(locale, 'review.respondent.revise'), actionId: REVIEW_ACTION.revise, value: encodeValue({ a: subject.assessment.id }), style: 'primary' }),
      ]),
    );
  return { text: fallback(head.replace(/<@[A-Z0-9]+>/g, '')), blocks };
}
