// Every migration, oldest first. Append new ones (e.g. schedules and reminders) at the end.
import { initialSchema } from './0001-initial-schema.ts';
import { lifecycle } from './0002-lifecycle.ts';
import { leadsAndFacilities } from './0003-leads-and-facilities.ts';
import { historyHashChain } from './0004-history-hash-chain.ts';
import { listIndexes } from './0005-list-indexes.ts';
import { schedulerSchema } from './0006-scheduler.ts';
import { reassessments } from './0007-reassessments.ts';
import { cycleReminderStops } from './0008-cycle-reminder-stops.ts';
import type { Migration } from './migration.ts';

export const allMigrations: readonly Migration[] = [initialSchema, lifecycle, leadsAndFacilities, historyHashChain, listIndexes, schedulerSchema, reassessments, cycleReminderStops];
