// The reminder DM: one per person per day. Cycle prompts with 始める and their own stop, one line per planned item with
// 実施済にした (or an earlier day), 時期を変更 and 詳細, 「今後このリマインドを止める」 per assessment,
// and for leads the week's summary per facility with 再開 for stopped reminders. Within 50 blocks:
// what does not fit is counted and pointed to.
import { formatDate } from '../../i18n/answer-text.ts';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import type { Digest, DigestCycle, DigestItem, LeadsFacilitySummary } from '../../scheduler/digest.ts';
import { cycleName, cycleText, itemText, leadsFacilityText } from '../../scheduler/digest-text.ts';
import { encodeValue } from '../action-values.ts';
import type { CycleStopRef, ReminderItemRef } from '../reminder-values.ts';
import { actions, button, clip, contexts, escapeMrkdwn, fallback, header, LIMITS, mrkdwn, type Block, type SlackMessage } from './block-kit.ts';

export const REMINDER_ACTION = {
  done: 'kakunin.remind.done',
  doneOn: 'kakunin.remind.doneOn',
  move: 'kakunin.remind.move',
  details: 'kakunin.remind.details',
  stop: 'kakunin.remind.stop',
  stopCycle: 'kakunin.remind.stopCycle',
  resume: 'kakunin.remind.resume',
  cycleStart: 'kakunin.remind.cycleStart',
} as const;

export const REMINDER_VIEW = { move: 'kakunin.remind.move' } as const;

const MAX_CYCLES = 4;
const MAX_ITEMS = 10;
const MAX_FACILITIES = 8;
const MAX_RESUME = 5;

/** What the person just did to an item, said better than the stored state can (the day, the reason). */
export type ItemRecords = ReadonlyMap<string, string>;
export const itemKey = (assessmentId: string, itemId: string) => `${assessmentId}|${itemId}`;

/** The record an item's line becomes once it is done, moved or its reminders stopped. */
export function closedRecord(locale: Locale, item: DigestItem): string | undefined {
  const label = escapeMrkdwn(item.itemLabel);
  switch (item.closed?.kind) {
    case undefined:
      return undefined;
    case 'done':
      return item.closed.on
        ? t(locale, 'scheduler.record.done', { label, date: formatDate(locale, item.closed.on) })
        : `✅ *${label}* ${t(locale, 'common.status.done')}`;
    case 'moved':
      return `📅 *${label}* ${formatDate(locale, item.plannedDate)} → ${formatDate(locale, item.closed.to)}`;
    case 'stopped':
      return t(locale, 'scheduler.record.stoppedItem', { label });
  }
}

function itemBlocks(locale: Locale, item: DigestItem, today: string, record: string | undefined): Block[] {
  const ref: ReminderItemRef = { a: item.assessmentId, i: item.itemId, d: item.plannedDate };
  const text = clip(escapeMrkdwn(itemText(locale, item)), LIMITS.text);
  const closed = record ?? closedRecord(locale, item);
  if (closed !== undefined) return [{ type: 'context', block_id: `ri:${item.assessmentId}:${item.itemId}`.slice(0, 255), elements: [mrkdwn(clip(closed, LIMITS.text))] }];
  return [
    { type: 'section', block_id: `ri:${item.assessmentId}:${item.itemId}`.slice(0, 255), text: mrkdwn(text) },
    actions(`ra:${encodeValue(ref)}`.slice(0, LIMITS.blockId), [
      button({ text: t(locale, 'scheduler.item.done'), actionId: REMINDER_ACTION.done, value: encodeValue(ref), style: 'primary' }),
      {
        type: 'datepicker',
        action_id: REMINDER_ACTION.doneOn,
        initial_date: today,
        placeholder: { type: 'plain_text', text: t(locale, 'scheduler.item.doneEarlier') },
      },
      button({ text: t(locale, 'scheduler.item.move'), actionId: REMINDER_ACTION.move, value: encodeValue(ref) }),
      button({ text: t(locale, 'scheduler.item.details'), actionId: REMINDER_ACTION.details, value: encodeValue(ref) }),
    ]),
  ];
}

const stopConfirm = (locale: Locale, text: string) => ({
  title: { type: 'plain_text' as const, text: t(locale, 'scheduler.item.stopConfirmTitle') },
  text: { type: 'plain_text' as const, text },
  confirm: { type: 'plain_text' as const, text: t(locale, 'scheduler.item.stopConfirmYes') },
  deny: { type: 'plain_text' as const, text: t(locale, 'scheduler.item.stopConfirmNo') },
});

/** A cycle prompt: what is due, 始める while nothing was started, and its own 「今後このリマインドを止める」. */
function cycleBlocks(locale: Locale, cycle: DigestCycle): Block[] {
  const blocks: Block[] = [{ type: 'section', text: mrkdwn(clip(escapeMrkdwn(cycleText(locale, cycle)), LIMITS.text)) }];
  const ref: CycleStopRef = { fac: cycle.facilityId, f: cycle.flowId, c: cycle.cycleKey };
  const elements = [];
  if (cycle.step !== 'not_submitted')
    elements.push(button({ text: t(locale, 'scheduler.cycle.start'), actionId: REMINDER_ACTION.cycleStart, value: encodeValue({ f: cycle.flowId, fac: cycle.facilityId }), style: 'primary' }));
  if (!cycle.stopped)
    elements.push(
      button({
        text: t(locale, 'scheduler.item.stop'),
        actionId: REMINDER_ACTION.stopCycle,
        value: encodeValue(ref),
        confirm: stopConfirm(locale, t(locale, 'scheduler.cycle.stopConfirmText', { cycle: cycleName(locale, cycle.fiscalYear) })),
      }),
    );
  if (elements.length) blocks.push(actions(`rc:${cycle.facilityId}:${cycle.flowId}`.slice(0, 255), elements));
  if (cycle.stopped) blocks.push(...contexts(t(locale, 'scheduler.record.stoppedCycle')));
  return blocks;
}

/** 再開する for each stop (an assessment's follow-up, or a cycle's prompts), the first few; undefined when none. */
export function resumeActions(locale: Locale, facilities: readonly Pick<LeadsFacilitySummary, 'facilityId' | 'facilityName' | 'stopped' | 'stoppedCycles'>[]): Block | undefined {
  const stopped = facilities
    .flatMap((f) => [
      ...f.stopped.map((s) => ({ facility: f.facilityName, value: encodeValue({ a: s.assessmentId }) })),
      ...f.stoppedCycles.map((s) => ({ facility: f.facilityName, value: encodeValue({ fac: f.facilityId, f: s.flowId, c: s.cycleKey } satisfies CycleStopRef) })),
    ])
    .slice(0, MAX_RESUME);
  if (!stopped.length) return undefined;
  return actions(
    'rl',
    stopped.map((s, n) => button({ text: clip(`${t(locale, 'scheduler.leads.resume')}: ${s.facility}`, LIMITS.buttonText), actionId: `${REMINDER_ACTION.resume}.${n}`, value: s.value })),
  );
}

export function reminderDigestMessage(digest: Digest, records: ItemRecords = new Map()): SlackMessage {
  const { locale } = digest;
  const title = t(locale, 'scheduler.digest.title', { date: formatDate(locale, digest.localDate) });
  const blocks: Block[] = [header(title)];
  for (const cycle of digest.cycles.slice(0, MAX_CYCLES)) blocks.push(...cycleBlocks(locale, cycle));
  if (digest.items.length) {
    blocks.push({ type: 'section', text: mrkdwn(t(locale, 'scheduler.digest.itemsHeader', { count: digest.items.length })) });
    for (const item of digest.items.slice(0, MAX_ITEMS))
      blocks.push(...itemBlocks(locale, item, digest.localDate, records.get(itemKey(item.assessmentId, item.itemId))));
    const hidden = digest.items.length + Math.max(0, digest.cycles.length - MAX_CYCLES) - Math.min(digest.items.length, MAX_ITEMS);
    if (hidden > 0) blocks.push(...contexts(t(locale, 'scheduler.digest.more', { count: hidden })));
    const assessments = [...new Set(digest.items.filter((i) => i.closed?.kind !== 'stopped').map((i) => i.assessmentId))].slice(0, LIMITS.actionsElements);
    if (assessments.length) blocks.push(
      actions(
        'rs',
        assessments.map((a, n) => ({
          ...button({
            text: assessments.length > 1 ? `${t(locale, 'scheduler.item.stop')}（${digest.items.find((i) => i.assessmentId === a)!.flowTitle.slice(0, 20)}）` : t(locale, 'scheduler.item.stop'),
            actionId: `${REMINDER_ACTION.stop}.${n}`,
            value: encodeValue({ a }),
            confirm: stopConfirm(locale, t(locale, 'scheduler.item.stopConfirmText')),
          }),
        })),
      ),
    );
  }
  if (digest.leads) {
    blocks.push({ type: 'section', text: mrkdwn(t(locale, 'scheduler.leads.title')) });
    if (!digest.leads.length) blocks.push(...contexts(t(locale, 'scheduler.leads.none')));
    for (const f of digest.leads.slice(0, MAX_FACILITIES))
      blocks.push({ type: 'section', text: mrkdwn(clip(escapeMrkdwn(leadsFacilityText(locale, f)), LIMITS.text)) });
    if (digest.leads.length > MAX_FACILITIES) blocks.push(...contexts(t(locale, 'scheduler.digest.more', { count: digest.leads.length - MAX_FACILITIES })));
    const resume = resumeActions(locale, digest.leads);
    if (resume) blocks.push(resume);
  }
  const text = t(locale, 'scheduler.digest.fallback', { items: digest.items.length, cycles: digest.cycles.length });
  return { text: fallback(`${title} ${text}`), blocks };
}
