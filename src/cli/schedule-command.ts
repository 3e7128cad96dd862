// `kakunin schedule preview [--from D] [--to D] [--facility F]`: what the reminders runner would send.
// `kakunin schedule tick --now 2027-04-01T09:00+09:00`: one tick as of that instant, through Slack
// when SLACK_BOT_TOKEN is set, else printing each DM. Also the operator's handle on time in tests.
import { z } from 'zod';
import { bootstrap } from '../app/bootstrap.ts';
import { todayIn } from '../dates/calendar-date.ts';
import { formatDate } from '../i18n/answer-text.ts';
import type { Locale } from '../i18n/locale.ts';
import { isoDateSchema } from '../flow/answer.ts';
import { consoleSender } from '../scheduler/console-sender.ts';
import { addDays } from '../scheduler/iso-days.ts';
import { previewSchedule } from '../scheduler/preview.ts';
import type { Reminder } from '../scheduler/reminders-repo.ts';
import { DEFAULT_SLACK_API_URL } from '../slack/settings.ts';

export class ScheduleCommandError extends Error {
  override readonly name = 'ScheduleCommandError';
}

/** An instant with its offset; minutes are enough (2027-04-01T09:00+09:00). */
const instantSchema = z
  .string()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
    'an ISO date-time with its offset, such as 2027-04-01T09:00+09:00',
  );

export const previewArgsSchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  facility: z.string().min(1).optional(),
  now: instantSchema.optional(),
});

export const tickArgsSchema = z.object({
  now: instantSchema,
});

function describe(r: Reminder, locale: Locale, facilityName: (id: string | null) => string): string {
  const where = facilityName(r.facilityId);
  if (r.kind === 'leads_weekly') return locale === 'ja' ? '責任者向け 今週のまとめ' : "leads' weekly digest";
  if (r.kind === 'cycle') return `${where} ${r.flowId} ${r.cycleKey} ${r.step}`;
  return `${where} ${r.itemId} 実施時期 ${formatDate(locale, r.targetDate)} (${r.step})`;
}

export async function runSchedulePreview(args: z.output<typeof previewArgsSchema>, log: (l: string) => void): Promise<number> {
  const now = args.now ? new Date(args.now) : new Date();
  const app = bootstrap(process.env, () => now);
  try {
    const locale = app.env.KAKUNIN_LOCALE;
    const today = todayIn(app.scheduler.settings.timeZone, now);
    const from = args.from ?? today;
    const to = args.to ?? addDays(from, 30);
    if (to < from) throw new ScheduleCommandError(`--to ${to} は --from ${from} より前です / --to is before --from`);
    // Today's cycles and leads' digests exist once the runner's daily pass has run; run it here too.
    await app.scheduler.sync.syncAll();
    const facilities = app.store.db
      .prepare('SELECT id, name FROM facilities')
      .all() as { id: string; name: string }[];
    const facility = args.facility ? facilities.find((f) => f.id === args.facility || f.name === args.facility) : undefined;
    if (args.facility && !facility) throw new ScheduleCommandError(`拠点「${args.facility}」はありません / no facility "${args.facility}"`);
    const nameOf = (id: string | null) => facilities.find((f) => f.id === id)?.name ?? '';
    const dms = previewSchedule(
      { store: app.store, reminders: app.scheduler.reminders, digests: app.scheduler.digests, settings: app.scheduler.settings },
      { from, to, facilityId: facility?.id },
    );
    if (!dms.length) log(locale === 'ja' ? `${from}〜${to} に送るリマインドはありません。` : `Nothing to send from ${from} to ${to}.`);
    for (const dm of dms) {
      const time = new Intl.DateTimeFormat('en-GB', { timeZone: dm.reminders[0]!.timeZone, hour: '2-digit', minute: '2-digit' }).format(dm.at);
      log(`${dm.day} ${time} → ${dm.personName}${dm.slackUserId ? ` <${dm.slackUserId}>` : ''}`);
      for (const r of dm.reminders) log(`  • ${describe(r, locale, nameOf)}`);
    }
    return 0;
  } finally {
    app.store.close();
  }
}

export async function runScheduleTick(args: z.output<typeof tickArgsSchema>, log: (l: string) => void): Promise<number> {
  const now = new Date(args.now);
  const app = bootstrap(process.env, () => now);
  try {
    const token = app.env.SLACK_BOT_TOKEN;
    let sender;
    if (token) {
      const { createReminderClient, slackReminderSender } = await import('../slack/reminder-sender.ts');
      const pino = (await import('pino')).default;
      sender = slackReminderSender(createReminderClient(token, app.env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL, pino({ level: app.env.LOG_LEVEL })));
    } else sender = consoleSender(process.stdout);
    const report = await app.scheduler.runner(sender).tick(now);
    log(`tick ${now.toISOString()}: sent ${report.sent}, recovered ${report.recovered}, failed ${report.failed}, deferred ${report.deferred}, dropped ${report.dropped}`);
    return report.failed ? 1 : 0;
  } finally {
    app.store.close();
  }
}
