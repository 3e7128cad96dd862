// SQL of the scheduler's tables (migration 0006): reminders, the DMs that carry them, stops and
// cadences. Nothing here decides what is due; it only stores and claims.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { isoNow, type Clock } from '../store/clock.ts';
import { readStored } from '../store/stored-record.ts';

export const reminderKindSchema = z.enum(['plan', 'cycle', 'leads_weekly']);
export type ReminderKind = z.output<typeof reminderKindSchema>;
export const reminderStateSchema = z.enum(['pending', 'claimed', 'sent', 'cancelled', 'skipped']);

export const reminderSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  organizationId: z.string(),
  facilityId: z.string().nullable(),
  recipientId: z.string(),
  kind: reminderKindSchema,
  step: z.string(),
  assessmentId: z.string().nullable(),
  itemId: z.string().nullable(),
  flowId: z.string().nullable(),
  cycleKey: z.string().nullable(),
  targetDate: z.string(),
  timeZone: z.string(),
  dueDate: z.string(),
  dueAt: z.string(),
  state: reminderStateSchema,
  outcome: z.string().nullable(),
  deliveryId: z.number().int().nullable(),
});
export type Reminder = z.output<typeof reminderSchema>;

export type NewReminder = Omit<Reminder, 'id' | 'state' | 'outcome' | 'deliveryId'>;

export const deliverySchema = z.object({
  id: z.number().int(),
  key: z.string(),
  organizationId: z.string(),
  personId: z.string(),
  localDate: z.string(),
  state: z.enum(['claimed', 'sent', 'empty', 'released']),
  leaseOwner: z.string().nullable(),
  leaseUntil: z.string().nullable(),
  attempts: z.number().int(),
  firstAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  channelId: z.string().nullable(),
  messageTs: z.string().nullable(),
});
export type Delivery = z.output<typeof deliverySchema>;

export const cadenceRowSchema = z.object({
  cadence: z.enum(['fiscal_year', 'months', 'none']),
  fiscalYearStart: z.string().nullable(),
  everyMonths: z.number().int().nullable(),
});

export const stopSchema = z.object({
  organizationId: z.string(),
  assessmentId: z.string(),
  stoppedBy: z.string(),
  stoppedAt: z.string(),
});
export type ReminderStop = z.output<typeof stopSchema>;

/** A cycle's prompts stopped: that facility's flow, that cycle only (the next cycle prompts again). */
export const cycleStopSchema = z.object({
  organizationId: z.string(),
  facilityId: z.string(),
  flowId: z.string(),
  cycleKey: z.string(),
  stoppedBy: z.string(),
  stoppedAt: z.string(),
});
export type CycleStop = z.output<typeof cycleStopSchema>;
export interface CycleRef {
  facilityId: string;
  flowId: string;
  cycleKey: string;
}

const reminderColumns = `id, reminder_key AS key, organization_id AS organizationId, facility_id AS facilityId,
  recipient_id AS recipientId, kind, step, assessment_id AS assessmentId, item_id AS itemId, flow_id AS flowId,
  cycle_key AS cycleKey, target_date AS targetDate, time_zone AS timeZone, due_date AS dueDate, due_at AS dueAt,
  state, outcome, delivery_id AS deliveryId`;
const deliveryColumns = `id, delivery_key AS key, organization_id AS organizationId, person_id AS personId,
  local_date AS localDate, state, lease_owner AS leaseOwner, lease_until AS leaseUntil, attempts,
  first_attempt_at AS firstAttemptAt, last_error AS lastError, channel_id AS channelId, message_ts AS messageTs`;

export type RemindersRepo = ReturnType<typeof createRemindersRepo>;

export function createRemindersRepo(db: Database.Database, clock: Clock) {
  const insert = db.prepare(
    `INSERT INTO reminders (reminder_key, organization_id, facility_id, recipient_id, kind, step, assessment_id, item_id,
       flow_id, cycle_key, target_date, time_zone, due_date, due_at, state, created_at, updated_at)
     VALUES (@key, @organizationId, @facilityId, @recipientId, @kind, @step, @assessmentId, @itemId,
       @flowId, @cycleKey, @targetDate, @timeZone, @dueDate, @dueAt, 'pending', @now, @now)
     ON CONFLICT (reminder_key) DO UPDATE SET state = 'pending', outcome = NULL, delivery_id = NULL, due_date = excluded.due_date,
       due_at = excluded.due_at, target_date = excluded.target_date, updated_at = excluded.updated_at
     WHERE reminders.state = 'cancelled'`,
  );
  const byKey = db.prepare<[string]>(`SELECT ${reminderColumns} FROM reminders WHERE reminder_key = ?`);
  const byId = db.prepare<[number]>(`SELECT ${reminderColumns} FROM reminders WHERE id = ?`);
  const pendingOfAssessment = db.prepare<[string]>(
    `SELECT ${reminderColumns} FROM reminders WHERE assessment_id = ? AND kind = 'plan' AND state = 'pending'`,
  );
  const pendingOfCycle = db.prepare<[string, string]>(
    `SELECT ${reminderColumns} FROM reminders WHERE facility_id = ? AND flow_id = ? AND kind = 'cycle' AND state = 'pending'`,
  );
  const due = db.prepare<[string, number]>(
    `SELECT ${reminderColumns} FROM reminders WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?`,
  );
  const pendingBetween = db.prepare<[string, string]>(
    `SELECT ${reminderColumns} FROM reminders WHERE state = 'pending' AND due_at >= ? AND due_at < ? ORDER BY due_at, id`,
  );
  const ofDelivery = db.prepare<[number]>(`SELECT ${reminderColumns} FROM reminders WHERE delivery_id = ? ORDER BY kind, due_date, id`);
  const setState = db.prepare<[string, string | null, string, number]>(
    'UPDATE reminders SET state = ?, outcome = ?, updated_at = ? WHERE id = ?',
  );
  const defer = db.prepare<[string, string, number]>("UPDATE reminders SET due_at = ?, updated_at = ? WHERE id = ? AND state = 'pending'");
  const attach = db.prepare<[number, string, number]>(
    "UPDATE reminders SET state = 'claimed', delivery_id = ?, updated_at = ? WHERE id = ? AND state = 'pending'",
  );
  const finishOfDelivery = db.prepare<[string, string, number]>(
    "UPDATE reminders SET state = ?, updated_at = ? WHERE delivery_id = ? AND state = 'claimed'",
  );
  const releaseOfDelivery = db.prepare<[string, string, number]>(
    "UPDATE reminders SET state = 'pending', delivery_id = NULL, due_at = ?, updated_at = ? WHERE delivery_id = ? AND state = 'claimed'",
  );

  const deliveryByKey = db.prepare<[string]>(`SELECT ${deliveryColumns} FROM reminder_deliveries WHERE delivery_key = ?`);
  const deliveryById = db.prepare<[number]>(`SELECT ${deliveryColumns} FROM reminder_deliveries WHERE id = ?`);
  const deliveryByMessage = db.prepare<[string, string]>(
    `SELECT ${deliveryColumns} FROM reminder_deliveries WHERE channel_id = ? AND message_ts = ?`,
  );
  const insertDelivery = db.prepare(
    `INSERT INTO reminder_deliveries (delivery_key, organization_id, person_id, local_date, state, lease_owner, lease_until, created_at)
     VALUES (@key, @organizationId, @personId, @localDate, 'claimed', @owner, @leaseUntil, @now)`,
  );
  const expired = db.prepare<[string, number]>(
    `SELECT ${deliveryColumns} FROM reminder_deliveries WHERE state = 'claimed' AND lease_until <= ? ORDER BY lease_until LIMIT ?`,
  );
  const takeOver = db.prepare<[string, string, number, string]>(
    "UPDATE reminder_deliveries SET lease_owner = ?, lease_until = ? WHERE id = ? AND state = 'claimed' AND lease_until <= ?",
  );
  const startAttempt = db.prepare<[string, number, string]>(
    `UPDATE reminder_deliveries SET attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, ?)
     WHERE id = ? AND state = 'claimed' AND lease_owner = ?`,
  );
  const markSent = db.prepare<[string, string, string, number]>(
    `UPDATE reminder_deliveries SET state = 'sent', channel_id = ?, message_ts = ?, sent_at = ?, lease_owner = NULL,
       lease_until = NULL, last_error = NULL WHERE id = ? AND state = 'claimed'`,
  );
  const markFinished = db.prepare<[string, number]>(
    "UPDATE reminder_deliveries SET state = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND state = 'claimed'",
  );
  const markFailed = db.prepare<[string, string, number, string]>(
    "UPDATE reminder_deliveries SET last_error = ?, lease_until = ? WHERE id = ? AND state = 'claimed' AND lease_owner = ?",
  );

  const cadence = db.prepare<[string, string, string]>(
    `SELECT cadence, fiscal_year_start AS fiscalYearStart, every_months AS everyMonths FROM schedule_cadences
     WHERE organization_id = ? AND facility_id = ? AND flow_id = ?`,
  );
  const upsertCadence = db.prepare(
    `INSERT INTO schedule_cadences (organization_id, facility_id, flow_id, cadence, fiscal_year_start, every_months, set_by, set_at)
     VALUES (@organizationId, @facilityId, @flowId, @cadence, @fiscalYearStart, @everyMonths, @setBy, @now)
     ON CONFLICT (organization_id, facility_id, flow_id) DO UPDATE SET cadence = excluded.cadence,
       fiscal_year_start = excluded.fiscal_year_start, every_months = excluded.every_months,
       set_by = excluded.set_by, set_at = excluded.set_at`,
  );
  const cadencedFlows = db.prepare<[string, string]>(
    "SELECT flow_id FROM schedule_cadences WHERE organization_id = ? AND facility_id = ? AND cadence <> 'none'",
  ).pluck();

  const anyCadence = db.prepare<[string, string]>('SELECT flow_id FROM schedule_cadences WHERE organization_id = ? AND facility_id = ?').pluck();
  const insertStop = db.prepare(
    `INSERT INTO reminder_stops (organization_id, assessment_id, stopped_by, stopped_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (assessment_id) DO NOTHING`,
  );
  const deleteStop = db.prepare<[string, string]>('DELETE FROM reminder_stops WHERE organization_id = ? AND assessment_id = ?');
  const stopOf = db.prepare<[string]>(
    `SELECT organization_id AS organizationId, assessment_id AS assessmentId, stopped_by AS stoppedBy, stopped_at AS stoppedAt
     FROM reminder_stops WHERE assessment_id = ?`,
  );
  const stopsOf = db.prepare<[string]>(
    `SELECT organization_id AS organizationId, assessment_id AS assessmentId, stopped_by AS stoppedBy, stopped_at AS stoppedAt
     FROM reminder_stops WHERE organization_id = ? ORDER BY stopped_at`,
  );
  const cycleStopColumns = `organization_id AS organizationId, facility_id AS facilityId, flow_id AS flowId, cycle_key AS cycleKey,
    stopped_by AS stoppedBy, stopped_at AS stoppedAt`;
  const insertCycleStop = db.prepare(
    `INSERT INTO reminder_cycle_stops (organization_id, facility_id, flow_id, cycle_key, stopped_by, stopped_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (facility_id, flow_id, cycle_key) DO NOTHING`,
  );
  const deleteCycleStop = db.prepare<[string, string, string, string]>(
    'DELETE FROM reminder_cycle_stops WHERE organization_id = ? AND facility_id = ? AND flow_id = ? AND cycle_key = ?',
  );
  const cycleStopOf = db.prepare<[string, string, string]>(
    `SELECT ${cycleStopColumns} FROM reminder_cycle_stops WHERE facility_id = ? AND flow_id = ? AND cycle_key = ?`,
  );
  const cycleStopsOf = db.prepare<[string]>(`SELECT ${cycleStopColumns} FROM reminder_cycle_stops WHERE organization_id = ? ORDER BY stopped_at`);
  const stateGet = db.prepare<[string]>('SELECT value FROM scheduler_state WHERE name = ?').pluck();
  const stateSet = db.prepare<[string, string]>(
    'INSERT INTO scheduler_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );

  const reminder = (row: unknown) => readStored(reminderSchema, row, { table: 'reminders', key: {} });
  const delivery = (row: unknown) => readStored(deliverySchema, row, { table: 'reminder_deliveries', key: {} });
  const now = () => isoNow(clock);

  return {
    /**
     * Inserts unless a reminder with that key exists: re-syncing never duplicates, and what was sent or
     * skipped stays so. One that was cancelled (a 差し戻し, a cadence set to なし) and is wanted again
     * (the 再提出 with the same 実施時期) is pending again, due when the sync now says.
     */
    add(r: NewReminder): boolean {
      return insert.run({ ...r, now: now() }).changes === 1;
    },
    byKey: (key: string) => {
      const row = byKey.get(key);
      return row === undefined ? undefined : reminder(row);
    },
    get: (id: number) => reminder(byId.get(id)),
    pendingOfAssessment: (assessmentId: string) => pendingOfAssessment.all(assessmentId).map(reminder),
    pendingOfCycle: (facilityId: string, flowId: string) => pendingOfCycle.all(facilityId, flowId).map(reminder),
    /** Pending reminders whose send instant has come: the runner's one query per tick. */
    due: (at: Date, limit: number) => due.all(at.toISOString(), limit).map(reminder),
    pendingBetween: (from: Date, to: Date) => pendingBetween.all(from.toISOString(), to.toISOString()).map(reminder),
    ofDelivery: (deliveryId: number) => ofDelivery.all(deliveryId).map(reminder),
    finish(id: number, state: 'cancelled' | 'skipped' | 'sent', outcome: string | null) {
      setState.run(state, outcome, now(), id);
    },
    defer(id: number, dueAt: Date) {
      defer.run(dueAt.toISOString(), now(), id);
    },
    attach(reminderId: number, deliveryId: number): boolean {
      return attach.run(deliveryId, now(), reminderId).changes === 1;
    },

    delivery: (key: string) => {
      const row = deliveryByKey.get(key);
      return row === undefined ? undefined : delivery(row);
    },
    deliveryById: (id: number) => delivery(deliveryById.get(id)),
    deliveryOfMessage: (channelId: string, ts: string) => {
      const row = deliveryByMessage.get(channelId, ts);
      return row === undefined ? undefined : delivery(row);
    },
    claimNewDelivery(input: { key: string; organizationId: string; personId: string; localDate: string; owner: string; leaseUntil: Date }): Delivery {
      const info = insertDelivery.run({ ...input, leaseUntil: input.leaseUntil.toISOString(), now: now() });
      return delivery(deliveryById.get(Number(info.lastInsertRowid)));
    },
    expiredDeliveries: (at: Date, limit: number) => expired.all(at.toISOString(), limit).map(delivery),
    /** Compare-and-set on the lease: true when this runner now owns the delivery. */
    takeOver(id: number, owner: string, leaseUntil: Date, at: Date): boolean {
      return takeOver.run(owner, leaseUntil.toISOString(), id, at.toISOString()).changes === 1;
    },
    /** Counts an attempt; false when another runner has taken the lease meanwhile. */
    startAttempt(id: number, owner: string): boolean {
      return startAttempt.run(now(), id, owner).changes === 1;
    },
    recordSent(id: number, channelId: string, ts: string) {
      markSent.run(channelId, ts, now(), id);
      finishOfDelivery.run('sent', now(), id);
    },
    /** Nothing was left to say (every item done or stopped since it fell due): no DM. */
    recordEmpty(id: number) {
      markFinished.run('empty', id);
      finishOfDelivery.run('skipped', now(), id);
    },
    /** Gives the reminders back (pending again, due at `dueAt`), e.g. when the day of the DM has passed. */
    release(id: number, dueAt: Date) {
      releaseOfDelivery.run(dueAt.toISOString(), now(), id);
      markFinished.run('released', id);
    },
    recordFailure(id: number, owner: string, error: string, retryAt: Date) {
      markFailed.run(error.slice(0, 500), retryAt.toISOString(), id, owner);
    },

    cadence(organizationId: string, facilityId: string, flowId: string) {
      const row = cadence.get(organizationId, facilityId, flowId);
      return row === undefined ? undefined : readStored(cadenceRowSchema, row, { table: 'schedule_cadences', key: { facilityId, flowId } });
    },
    setCadence(input: {
      organizationId: string;
      facilityId: string;
      flowId: string;
      cadence: 'fiscal_year' | 'months' | 'none';
      fiscalYearStart: string | null;
      everyMonths: number | null;
      setBy: string | null;
    }) {
      upsertCadence.run({ ...input, now: now() });
    },
    flowsWithCadence: (organizationId: string, facilityId: string) => cadencedFlows.all(organizationId, facilityId) as string[],
    /** Flows a lead set anything for, 'none' included. */
    flowsWithAnyCadence: (organizationId: string, facilityId: string) => anyCadence.all(organizationId, facilityId) as string[],

    stop(organizationId: string, assessmentId: string, personId: string): boolean {
      return insertStop.run(organizationId, assessmentId, personId, now()).changes === 1;
    },
    resume: (organizationId: string, assessmentId: string) => deleteStop.run(organizationId, assessmentId).changes === 1,
    stopOf: (assessmentId: string) => {
      const row = stopOf.get(assessmentId);
      return row === undefined ? undefined : readStored(stopSchema, row, { table: 'reminder_stops', key: { assessmentId } });
    },
    stopsOf: (organizationId: string) =>
      stopsOf.all(organizationId).map((row) => readStored(stopSchema, row, { table: 'reminder_stops', key: { organizationId } })),

    stopCycle(organizationId: string, ref: CycleRef, personId: string): boolean {
      return insertCycleStop.run(organizationId, ref.facilityId, ref.flowId, ref.cycleKey, personId, now()).changes === 1;
    },
    resumeCycle: (organizationId: string, ref: CycleRef) => deleteCycleStop.run(organizationId, ref.facilityId, ref.flowId, ref.cycleKey).changes === 1,
    cycleStopOf: (ref: CycleRef) => {
      const row = cycleStopOf.get(ref.facilityId, ref.flowId, ref.cycleKey);
      return row === undefined ? undefined : readStored(cycleStopSchema, row, { table: 'reminder_cycle_stops', key: { ...ref } });
    },
    cycleStopsOf: (organizationId: string) =>
      cycleStopsOf.all(organizationId).map((row) => readStored(cycleStopSchema, row, { table: 'reminder_cycle_stops', key: { organizationId } })),

    stateValue: (name: string) => {
      const v = stateGet.get(name);
      return typeof v === 'string' ? v : undefined;
    },
    setStateValue: (name: string, value: string) => void stateSet.run(name, value),
  };
}
