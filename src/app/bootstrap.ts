// What every entry point needs: validated settings, the flows (refusing to start on a broken one),
// the store, and the assessment service over them.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readEnv, type Env } from '../config/env.ts';
import { defaultFlowsDir, loadFlowsDir } from '../flow/loader.ts';
import type { Flow } from '../flow/model.ts';
import { createAssessmentService, type AssessmentService } from '../service/assessment-service.ts';
import { createScheduler, type Scheduler } from '../scheduler/scheduler.ts';
import { scheduleSettingsFromEnv } from '../scheduler/schedule-settings.ts';
import { createStore, type Store } from '../store/store.ts';

export interface App {
  env: Env;
  flows: Map<string, Flow>;
  store: Store;
  service: AssessmentService;
  scheduler: Scheduler;
  clock: () => Date;
}

export function bootstrap(source: NodeJS.ProcessEnv = process.env, clock: () => Date = () => new Date()): App {
  const env = readEnv(source);
  const flows = loadFlowsDir(env.KAKUNIN_FLOWS_DIR ? resolve(env.KAKUNIN_FLOWS_DIR) : defaultFlowsDir);
  if (env.KAKUNIN_DB !== ':memory:') mkdirSync(dirname(resolve(env.KAKUNIN_DB)), { recursive: true });
  const store = createStore(env.KAKUNIN_DB, { now: clock });
  const scheduler = createScheduler({ store, flows, clock, settings: scheduleSettingsFromEnv(source) });
  const service = createAssessmentService({ store, flows, clock, afterChange: scheduler.service.afterAssessmentChange });
  return { env, flows, store, service, scheduler, clock };
}
