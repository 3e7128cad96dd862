// What our buttons, date pickers and modals carry back to us. Slack returns these strings verbatim in
// interaction payloads, so they are validated with zod before anything acts on them: a malformed or
// forged value is refused, never half-applied.
import { z } from 'zod';
import { answerSchema } from '../flow/answer.ts';
import { MalformedPayloadError } from './errors.ts';

/** action_ids; answer and edit buttons get an index suffix because ids must be unique within a block. */
export const ACTION = {
  start: 'kakunin.start',
  /** One button per facility in the facility choice before a start (src/slack/views/lead-replies.ts). */
  startAtPrefix: 'kakunin.startAt.',
  /** The two buttons of the offer to start a related assessment first (src/slack/views/related-offer.ts). */
  relatedFirst: 'kakunin.related.first',
  relatedSkip: 'kakunin.related.skip',
  resume: 'kakunin.resume',
  report: 'kakunin.report',
  navPrefix: 'kakunin.nav.',
  answerPrefix: 'kakunin.answer.',
  editPrefix: 'kakunin.edit.',
  revise: 'kakunin.revise',
  planOpen: 'kakunin.plan.open',
  planClose: 'kakunin.plan.close',
  planDate: 'kakunin.plan.date',
  openModal: 'kakunin.modal.open',
  /** Confirms a gate answer that hides answered items (src/slack/views/hide-confirmation.ts). */
  confirmHide: 'kakunin.gate.confirmHide',
  /** Re-assessment: start from last cycle's answers or blank (src/slack/views/carry-over-blocks.ts). */
  startCarried: 'kakunin.carry.start',
  startBlank: 'kakunin.carry.blank',
  /** 変更なし on a question; 「この分野はすべて変更なし」 on a section's list. */
  confirmCarried: 'kakunin.carry.confirm',
  confirmSection: 'kakunin.carry.section',
  /** 実施済 on a carried 実施予定 whose date has passed: the 実施日 picker. */
  doneOpen: 'kakunin.done.open',
  doneDate: 'kakunin.done.date',
} as const;

export const VIEW_CALLBACK = { answer: 'kakunin.answer' } as const;

export const ACTION_PATTERN = {
  nav: /^kakunin\.nav\.[A-Z]+$/,
  answer: /^kakunin\.answer\.\d+$/,
  edit: /^kakunin\.edit\.\d+$/,
  startAt: /^kakunin\.startAt\.\d+$/,
} as const;

/**
 * Navigation the buttons offer; REVIEW is an engine event with no button in Slack. SKIP only on a
 * re-assessment's questions (後で確認する), so one item can wait while the rest is confirmed.
 */
export const navTypeSchema = z.enum(['START', 'CONTINUE', 'BACK', 'PAUSE', 'RESUME', 'CANCEL', 'SUBMIT', 'SKIP']);
export type NavType = z.output<typeof navTypeSchema>;

/**
 * The view a button was rendered on: the assessment and the revision the person saw. Applying it
 * with compare-and-set makes double clicks, retries and old messages harmless.
 */
export const stepSchema = z.object({ a: z.string().min(1).max(100), r: z.number().int().nonnegative() }).strict();
export type Step = z.output<typeof stepSchema>;

/** Navigation from a question message also names the question, so it still applies after an unrelated change. */
export const navStepSchema = stepSchema.extend({ i: z.string().min(1).max(200).optional() }).strict();

export const itemStepSchema = stepSchema.extend({ i: z.string().min(1).max(200) }).strict();
export type ItemStep = z.output<typeof itemStepSchema>;

export const answerStepSchema = itemStepSchema.extend({ v: answerSchema }).strict();
export type AnswerStep = z.output<typeof answerStepSchema>;

/** The confirmed gate answer: sent again as the same ANSWER (`q`) or REVISE, now with confirmHide. */
export const confirmHideStepSchema = answerStepSchema.extend({ q: z.literal(1).optional() }).strict();
export type ConfirmHideStep = z.output<typeof confirmHideStepSchema>;

/** The 実施時期 picker's block id: the step, plus the refused date that made us re-render it. */
export const planBlockSchema = itemStepSchema.extend({ n: z.string().max(40).optional() }).strict();

/** The 実施日 picker's block id (a past 実施予定 answered 実施済): as the plan picker's, marked `d`. */
export const doneBlockSchema = planBlockSchema.extend({ d: z.literal(1) }).strict();

/** A flow to start; `s` when the person already chose to go on without the assessments it draws on. */
export const flowChoiceSchema = z
  .object({ f: z.string().min(1).max(200), s: z.literal(1).optional(), fac: z.string().min(1).max(100).optional() })
  .strict();
/** 「この分野はすべて変更なし」: the step the list was shown on, and the section. */
export const sectionStepSchema = stepSchema.extend({ s: z.string().min(1).max(200) }).strict();
export type SectionStep = z.output<typeof sectionStepSchema>;

export const assessmentRefSchema = z.object({ a: z.string().min(1).max(100) }).strict();

/** A modal remembers which message opened it, so that message can be closed after the answer. */
export const modalMetadataSchema = itemStepSchema
  .extend({ c: z.string().max(50).optional(), t: z.string().max(50).optional() })
  .strict();
export type ModalMetadata = z.output<typeof modalMetadataSchema>;

/** The message a modal was opened from, as its private_metadata carries it: `c` the channel, `t` the ts. */
export function originMetadata(origin: { channelId: string; messageTs: string } | undefined): { c?: string; t?: string } {
  return origin ? { c: origin.channelId, t: origin.messageTs } : {};
}

/** The message back from a modal's metadata, when it named one. */
export function originFromMetadata(meta: { c?: string | undefined; t?: string | undefined }): { channelId: string; messageTs: string } | undefined {
  return meta.c && meta.t ? { channelId: meta.c, messageTs: meta.t } : undefined;
}

export function encodeValue(value: object): string {
  return JSON.stringify(value);
}

export function decodeValue<S extends z.ZodType>(schema: S, raw: string | undefined, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    throw new MalformedPayloadError(what, 'not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new MalformedPayloadError(what, parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}
