// `/kakunin schedule` for a lead: each facility's cadence, then what reminders are stopped (an
// assessment's follow-up, a cycle's prompts) with 再開する, so a stop can be seen and undone any day,
// not only in Monday's digest.
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { stoppedLines } from '../../scheduler/digest-text.ts';
import type { StoppedAtFacility } from '../../scheduler/schedule-service.ts';
import { clip, escapeMrkdwn, LIMITS, mrkdwn, type Block, type SlackMessage } from './block-kit.ts';
import { plainMessage } from './command-replies.ts';
import { resumeActions } from './reminder-digest.ts';

export function scheduleOverviewMessage(locale: Locale, input: { cadenceText: string; stopped: readonly StoppedAtFacility[] }): SlackMessage {
  const message = plainMessage(input.cadenceText);
  const lines = input.stopped.flatMap((f) => stoppedLines(locale, f).map((line) => t(locale, 'scheduler.stops.line', { facility: f.facilityName, line })));
  if (!lines.length) return message;
  const blocks: Block[] = [
    ...(message.blocks ?? []),
    { type: 'section', text: mrkdwn(t(locale, 'scheduler.stops.title', { count: lines.length })) },
    { type: 'section', text: mrkdwn(clip(escapeMrkdwn(lines.join('\n')), LIMITS.text)) },
  ];
  const resume = resumeActions(locale, input.stopped);
  if (resume) blocks.push(resume);
  return { text: message.text, blocks };
}
