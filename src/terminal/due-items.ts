// On start, the terminal tells the person what is due (「期限が近い実施予定 3件」) and lets them mark
// items done (today or on a day they give) or move them, through the same schedule service as Slack's
// buttons. An empty line goes on to the usual menu.
import { parseJapaneseDate } from '../dates/japanese-date.ts';
import { formatDate } from '../i18n/answer-text.ts';
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { whenText } from '../scheduler/digest-text.ts';
import { daysBetween } from '../scheduler/iso-days.ts';
import { refusalText } from '../scheduler/schedule-refusal.ts';
import type { DueItem, ScheduleService } from '../scheduler/schedule-service.ts';
import type { Participant } from '../service/interaction.ts';
import type { LineReader } from './line-reader.ts';

const toHalfWidth = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/** `1 d`, `1 d 2027-02-10`, `1 m 2027-06-30 業者の納期`. */
export function parseDueCommand(line: string): { n: number; action: 'done'; date?: string | undefined } | { n: number; action: 'move'; date: string; reason: string } | { invalid: true } {
  const match = /^(\d+)\s*([dm])(?:\s+(\S+))?(?:\s+(.+))?$/i.exec(toHalfWidth(line.trim()));
  if (!match) return { invalid: true };
  const n = Number(match[1]);
  const date = match[3] === undefined ? undefined : parseJapaneseDate(match[3]);
  if (match[3] !== undefined && date === undefined) return { invalid: true };
  if (match[2]!.toLowerCase() === 'd') return match[4] === undefined ? { n, action: 'done', date } : { invalid: true };
  if (!date) return { invalid: true };
  return { n, action: 'move', date, reason: match[4] ?? '' };
}

export async function reviewDueItems(o: {
  schedule: ScheduleService;
  participant: Participant;
  locale: Locale;
  reader: LineReader;
  write: (line: string) => void;
  today: () => string;
}): Promise<'done' | 'input-ended'> {
  const { schedule, participant, locale, write } = o;
  for (;;) {
    const due = schedule.dueFor(participant.organizationId, participant.personId, locale);
    if (!due.length) return 'done';
    write(t(locale, 'scheduler.terminal.dueTitle', { count: due.length }));
    due.forEach((item, i) => write(`  ${line(locale, item, i + 1, o.today())}`));
    write(t(locale, 'scheduler.terminal.dueHelp'));
    const input = await o.reader.next('> ');
    if (input === null) return 'input-ended';
    if (!input.trim()) return 'done';
    const command = parseDueCommand(input);
    const item = 'invalid' in command ? undefined : due[command.n - 1];
    if ('invalid' in command || !item) {
      write(t(locale, 'scheduler.terminal.badCommand', { input: input.trim() }));
      continue;
    }
    try {
      const target = { assessmentId: item.assessmentId, itemId: item.itemId, shownDate: item.plannedDate };
      if (command.action === 'done') {
        const doneOn = command.date ?? o.today();
        schedule.markDone(participant, { ...target, doneOn });
        write(t(locale, 'scheduler.terminal.done', { label: item.itemLabel, date: formatDate(locale, doneOn) }));
      } else {
        schedule.move(participant, { ...target, newDate: command.date, reason: command.reason });
        write(t(locale, 'scheduler.terminal.moved', { label: item.itemLabel, date: formatDate(locale, command.date) }));
      }
    } catch (err) {
      const text = refusalText(err, locale);
      if (text === undefined) throw err;
      write(text);
    }
  }
}

function line(locale: Locale, item: DueItem, n: number, today: string): string {
  return t(locale, 'scheduler.terminal.dueLine', {
    n,
    label: item.itemLabel,
    facility: item.facilityName,
    date: formatDate(locale, item.plannedDate),
    when: whenText(locale, daysBetween(today, item.plannedDate)),
  });
}
