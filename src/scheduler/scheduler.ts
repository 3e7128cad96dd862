// The scheduler wired over one store: its repositories, the sync that keeps reminders in step with
// answers and cadences, the digest builder, the service adapters call and (given a sender) the runner.
import type { Logger } from 'pino';
import type { Flow } from '../flow/model.ts';
import type { Store } from '../store/store.ts';
import { createCycleProgress } from './cycle-progress.ts';
import { createDigestBuilder } from './digest.ts';
import { createLifecycleService } from '../service/lifecycle-service.ts';
import { lifecycleFollowUp, type FollowUpEvents } from './follow-up-port.ts';
import { createRecipients } from './recipients.ts';
import { createRemindersRepo } from './reminders-repo.ts';
import { createRunner, type RunnerJob } from './runner.ts';
import { createScheduleService } from './schedule-service.ts';
import { defaultScheduleSettings, type ScheduleSettings } from './schedule-settings.ts';
import { createScheduleSync } from './schedule-sync.ts';
import type { ReminderSender } from './sender.ts';

export interface SchedulerOptions {
  store: Store;
  flows: Map<string, Flow>;
  clock: () => Date;
  settings?: ScheduleSettings;
  followUp?: FollowUpEvents;
}

export type Scheduler = ReturnType<typeof createScheduler>;

export function createScheduler(options: SchedulerOptions) {
  const { store, flows, clock } = options;
  const settings = options.settings ?? defaultScheduleSettings;
  const reminders = createRemindersRepo(store.db, clock);
  const recipients = createRecipients(store.db);
  const progress = createCycleProgress(store.db);
  const sync = createScheduleSync({ store, reminders, recipients, progress, settings, flows, clock });
  const digests = createDigestBuilder({ store, reminders, progress, sync, settings, flows });
  const service = createScheduleService({ store, reminders, recipients, sync, followUp: options.followUp ?? lifecycleFollowUp(createLifecycleService({ store, clock })), digests, settings, flows, clock });
  return {
    settings,
    reminders,
    sync,
    digests,
    service,
    runner: (sender: ReminderSender, opts: { logger?: Logger; owner?: string; jobs?: readonly RunnerJob[] } = {}) =>
      createRunner({ store, reminders, digests, sync, sender, settings, logger: opts.logger, ...(opts.owner ? { owner: opts.owner } : {}), ...(opts.jobs ? { jobs: opts.jobs } : {}) }),
  };
}
