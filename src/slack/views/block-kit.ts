// Block Kit building blocks and Slack's documented limits. Every builder in this folder goes through
// these helpers, so a long checklist item is split into several blocks instead of being rejected by
// Slack (invalid_blocks) or cut off mid-sentence.
import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;
export type Button = types.Button;

/** A message as chat.postMessage / chat.update take it: `text` is the notification fallback. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** The limits Slack enforces (docs.slack.dev/reference/block-kit); checked again by the fake API in tests. */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  text: 3000,
  headerText: 150,
  buttonText: 75,
  optionText: 75,
  optionValue: 150,
  actionId: 255,
  blockId: 255,
  value: 2000,
  placeholder: 150,
  contextElements: 10,
  actionsElements: 25,
  checkboxOptions: 10,
  radioOptions: 10,
  selectOptions: 100,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  callbackId: 255,
  /** Not a Slack limit: notification text beyond this is pointless. */
  fallbackText: 300,
} as const;

/** Slack mrkdwn treats only &, < and > specially in user text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Shortens to `max` characters with an ellipsis; for labels where the full text is shown elsewhere. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Splits text into pieces of at most `max` characters, preferring line ends, then sentence ends,
 * then clause ends (、), so each piece still reads as whole sentences.
 */
export function splitText(text: string, max: number = LIMITS.text): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut =
      lastBreak(window, ['\n']) ??
      lastBreak(window, ['。', '．', '. ', '！', '？', '；']) ??
      lastBreak(window, ['、', '，', ', ']) ??
      lastBreak(window, [' ']) ??
      max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n+/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function lastBreak(window: string, marks: string[]): number | undefined {
  let best = -1;
  for (const mark of marks) {
    const at = window.lastIndexOf(mark);
    if (at > best) best = at + mark.length;
  }
  // A break in the first fifth would leave a uselessly short piece; cut harder instead.
  return best > window.length / 5 ? best : undefined;
}

export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text };
}

export function plain(text: string, max: number = LIMITS.text): types.PlainTextElement {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

/** One or more section blocks holding `text` (already mrkdwn), split at the 3000-character limit. */
export function sections(text: string): types.SectionBlock[] {
  return splitText(text).map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
}

/** Context blocks (small grey text) holding `text`, split like sections. */
export function contexts(text: string): types.ContextBlock[] {
  return splitText(text).map((piece) => ({ type: 'context', elements: [mrkdwn(piece)] }));
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.headerText) };
}

export interface ButtonSpec {
  text: string;
  actionId: string;
  value?: string;
  style?: 'primary' | 'danger';
  confirm?: types.ConfirmationDialog;
}

export function button({ text, actionId, value, style, confirm }: ButtonSpec): types.Button {
  return {
    type: 'button',
    text: plain(text, LIMITS.buttonText),
    action_id: actionId,
    ...(value === undefined ? {} : { value }),
    ...(style ? { style } : {}),
    ...(confirm ? { confirm } : {}),
  };
}

export function actions(blockId: string, elements: types.ActionsBlockElement[]): types.ActionsBlock {
  return { type: 'actions', block_id: blockId, elements };
}

/**
 * The top-level `text` of a message (notifications, screen readers). Slack reads it as mrkdwn too, so
 * the raw text is escaped here, after clipping, so an escape is never cut in half.
 */
export function fallback(text: string): string {
  return escapeMrkdwn(clip(text.replace(/\s+/g, ' ').trim(), LIMITS.fallbackText));
}

/**
 * Splits a long list of blocks over several messages of at most `max` blocks. `frame(part, parts)`
 * returns the blocks each continuation starts with (a short heading), counted against the limit.
 */
export function chunkBlocks(blocks: Block[], max: number, frame: (part: number, parts: number) => Block[]): Block[][] {
  const room = max - frame(2, 2).length;
  if (blocks.length <= max) return [blocks];
  const chunks: Block[][] = [blocks.slice(0, max)];
  for (let i = max; i < blocks.length; i += room) chunks.push(blocks.slice(i, i + room));
  return chunks.map((chunk, i) => (i === 0 ? chunk : [...frame(i + 1, chunks.length), ...chunk]));
}
