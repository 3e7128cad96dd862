// One tick of the scheduler: hand over deliveries whose lease expired, claim what fell due (grouped
// into one DM per person per local day), send, record the Slack ts. Claims are transactions with a
// lease, so two processes on one database never send the same DM; a DM whose send may or may not
// have happened is looked up by its key before it is sent again. See README "Reminders, exactly once".
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { todayIn } from '../dates/calendar-date.ts';
import type { Store } from '../store/store.ts';
import { isSendTime, nextSendInstant } from './business-calendar.ts';
import type { DigestBuilder } from './digest.ts';
import { addDays } from './iso-days.ts';
import type { Delivery, RemindersRepo } from './reminders-repo.ts';
import type { ScheduleSettings } from './schedule-settings.ts';
import type { ScheduleSync } from './schedule-sync.ts';
import { SendFailedError, type ReminderSender } from './sender.ts';

export interface TickReport {
  sent: number;
  recovered: number;
  failed: number;
  deferred: number;
  dropped: number;
}

/**
 * Other work that is due by the day rather than by a reminder row, done on the runner's ticks (so on the
 * injected clock, once at start and then each minute): the daily backup. Each decides from durable
 * state whether it is due; a failing job is logged and does not hold up the reminders.
 */
export interface RunnerJob {
  name: string;
  run(now: Date): Promise<void>;
}

export interface RunnerDeps {
  store: Store;
  reminders: RemindersRepo;
  digests: DigestBuilder;
  sync: ScheduleSync;
  sender: ReminderSender;
  settings: ScheduleSettings;
  logger?: Logger | undefined;
  /** Names this process's leases (tests give two runners on one file different names). */
  owner?: string;
  jobs?: readonly RunnerJob[];
}

/** Rows handled per tick; the rest wait for the next minute. */
const BATCH = 500;

export type Runner = ReturnType<typeof createRunner>;

export function createRunner(deps: RunnerDeps) {
  const { store, reminders, digests, sender, settings } = deps;
  const owner = deps.owner ?? `runner-${randomUUID()}`;
  const leaseUntil = (now: Date) => new Date(now.getTime() + settings.leaseMs);

  async function deliver(delivery: Delivery, now: Date, report: TickReport): Promise<void> {
    // One transaction builds the message from the current state and, on a first attempt, counts it.
    const { digest, dropped, started } = store.transaction(() => {
      const built = digests.build(delivery.id, now);
      for (const d of built.dropped) reminders.finish(d.id, d.verdict.state, d.verdict.reason);
      if (!built.digest || !sender.canReach(built.digest)) {
        reminders.recordEmpty(delivery.id);
        return { ...built, digest: undefined, started: false };
      }
      return { ...built, started: delivery.attempts === 0 && reminders.startAttempt(delivery.id, owner) };
    });
    report.dropped += dropped.length;
    if (!digest) return;
    if (delivery.attempts > 0) {
      // A previous attempt may have reached Slack before its answer was lost: look before sending again.
      const since = new Date(Date.parse(delivery.firstAttemptAt ?? now.toISOString()) - 60_000);
      const found = await sender.findDelivered(digest, since);
      if (found) {
        store.transaction(() => reminders.recordSent(delivery.id, found.channelId, found.ts));
        report.recovered++;
        return;
      }
      if (!store.transaction(() => reminders.startAttempt(delivery.id, owner))) return;
    } else if (!started) return; // another runner took the lease meanwhile
    try {
      const sent = await sender.send(digest);
      store.transaction(() => reminders.recordSent(delivery.id, sent.channelId, sent.ts));
      report.sent++;
    } catch (err) {
      const retryAfter = err instanceof SendFailedError && err.retryAfterMs !== undefined ? err.retryAfterMs : 60_000 * Math.min(delivery.attempts + 1, 10);
      store.transaction(() => reminders.recordFailure(delivery.id, owner, err instanceof Error ? err.message : String(err), new Date(now.getTime() + retryAfter)));
      report.failed++;
      deps.logger?.warn({ err, delivery: delivery.key, retryInMs: retryAfter }, 'reminder DM failed; it will be retried');
    }
  }

  /** Deliveries another attempt left behind (a crash, a failure): take them over, or give their reminders back. */
  async function recover(now: Date, report: TickReport): Promise<void> {
    for (const stale of reminders.expiredDeliveries(now, BATCH)) {
      const taken = store.transaction(() => reminders.takeOver(stale.id, owner, leaseUntil(now), now));
      if (!taken) continue;
      const delivery = reminders.deliveryById(stale.id);
      const carried = reminders.ofDelivery(delivery.id);
      const timeZone = carried[0]?.timeZone ?? settings.timeZone;
      if (delivery.localDate < todayIn(timeZone, now)) {
        // Its day is over. If it did reach the person, record that; otherwise today's DM carries it.
        if (delivery.attempts > 0) {
          const person = store.people.get(delivery.organizationId, delivery.personId);
          const found = sender.canReach({ person }) ? await sender.findDelivered({ deliveryKey: delivery.key, person }, new Date(Date.parse(delivery.firstAttemptAt ?? now.toISOString()) - 60_000)) : undefined;
          if (found) {
            store.transaction(() => reminders.recordSent(delivery.id, found.channelId, found.ts));
            report.recovered++;
            continue;
          }
        }
        store.transaction(() => reminders.release(delivery.id, now));
        continue;
      }
      if (!isSendTime(now, timeZone, settings.sendWindow)) {
        store.transaction(() => reminders.recordFailure(delivery.id, owner, 'outside the send window', nextSendInstant(now, todayIn(timeZone, now), timeZone, settings.sendWindow)));
        continue;
      }
      await deliver(delivery, now, report);
    }
  }

  /** Groups what fell due into today's DM per person, claiming each DM with a lease. */
  function claim(now: Date, report: TickReport): Delivery[] {
    // Most ticks find nothing: look before taking the write lock.
    if (!reminders.due(now, 1).length) return [];
    return store.transaction(() => {
      const mine = new Map<number, Delivery>();
      for (const r of reminders.due(now, BATCH)) {
        const v = digests.verdict(r);
        if (v) {
          reminders.finish(r.id, v.state, v.reason);
          report.dropped++;
          continue;
        }
        if (!isSendTime(now, r.timeZone, settings.sendWindow)) {
          reminders.defer(r.id, nextSendInstant(now, r.dueDate, r.timeZone, settings.sendWindow));
          report.deferred++;
          continue;
        }
        const localDate = todayIn(r.timeZone, now);
        const key = `digest:${r.organizationId}:${r.recipientId}:${localDate}`;
        const existing = reminders.delivery(key);
        let delivery: Delivery;
        if (!existing) {
          delivery = reminders.claimNewDelivery({ key, organizationId: r.organizationId, personId: r.recipientId, localDate, owner, leaseUntil: leaseUntil(now) });
          mine.set(delivery.id, delivery);
        } else if (mine.has(existing.id) || (existing.state === 'claimed' && existing.leaseOwner === owner)) {
          // This tick's DM for the person, or one of ours waiting to be retried: it carries this too.
          delivery = existing;
        } else if (existing.state === 'claimed') {
          continue; // Another runner is sending this person's DM right now; the next tick decides.
        } else {
          // Today's DM already went out: one reminder DM per person per day, so this waits for the next business day.
          reminders.defer(r.id, nextSendInstant(now, addDays(localDate, 1), r.timeZone, settings.sendWindow));
          report.deferred++;
          continue;
        }
        reminders.attach(r.id, delivery.id);
      }
      return [...mine.values()];
    });
  }

  let lastSyncDay: string | undefined;

  return {
    owner,
    /**
     * One tick as of `now`. Missed minutes are not replayed: whatever fell due while the app was down
     * is simply due now, and goes out once.
     */
    async tick(now: Date): Promise<TickReport> {
      const report: TickReport = { sent: 0, recovered: 0, failed: 0, deferred: 0, dropped: 0 };
      const day = todayIn(settings.timeZone, now);
      if (lastSyncDay !== day && reminders.stateValue('synced_on') !== day) {
        await deps.sync.syncAll();
        store.transaction(() => reminders.setStateValue('synced_on', day));
      }
      lastSyncDay = day;
      await recover(now, report);
      for (const delivery of claim(now, report)) await deliver(delivery, now, report);
      for (const job of deps.jobs ?? [])
        await job.run(now).catch((err: unknown) => deps.logger?.error({ err, job: job.name }, 'scheduled job failed; the next tick tries again'));
      return report;
    },
  };
}
