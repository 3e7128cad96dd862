// Every list or lookup a click or an App Home view does, in one database holding 100 assessments and
// in one holding 10,000 (same organization, same flows; the person asked about has the same ten
// assessments in both, the others belong to colleagues). What a person waits for should not grow with
// how many assessments the clinic group has stored over the years.
//
//   node bench/list-queries.bench.ts [--small 100] [--large 10000] [--reps 200]
//
// Target (issue 14): each lookup at 10,000 ≤ 2× its time at 100.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFlowsDir } from '../src/flow/loader.ts';
import { createAssessmentService } from '../src/service/assessment-service.ts';
import type { Participant } from '../src/service/interaction.ts';
import { createWorkspaceDirectory } from '../src/service/workspace-directory.ts';
import { createStore } from '../src/store/store.ts';
import { printFigures, type Figure } from './lib/figure-table.ts';
import { median, numberArg } from './lib/stats.ts';

const small = numberArg('--small', 100);
const large = numberArg('--large', 10_000);
const reps = numberArg('--reps', 200);
const PER_PERSON = 10;
const FACILITIES = 10;
const flows = loadFlowsDir();
const flowIds = ['mhlw-minimum-5.2', 'online-qualification-measures'].filter((id) => flows.has(id));
const clock = () => new Date('2026-11-22T00:30:00Z');

type Lookup = [name: string, run: () => unknown];

/** Builds a database with `total` assessments and returns the lookups, timed against it. */
function database(dir: string, total: number) {
  const store = createStore(join(dir, `k${total}.sqlite`), { now: clock });
  const service = createAssessmentService({ store, flows, clock });
  const directory = createWorkspaceDirectory({ store, channel: 'slack', clock });
  const org = store.organizations.ensureForSlackTeam('T0BENCH', 'ベンチ医療グループ');
  const facilities = Array.from({ length: FACILITIES }, (_, i) => store.facilities.ensure(org.id, `拠点${i}`));
  const submit = store.db.prepare(
    `UPDATE assessments SET status = 'submitted', submitted_at = ?, updated_at = ? WHERE id = ?`,
  );
  let person = store.people.ensureForSlackUser(org.id, 'U0ME', 'me', { locale: 'ja' });
  const me = person;
  store.db.transaction(() => {
    for (let n = 0; n < total; n++) {
      if (n > 0 && n % PER_PERSON === 0) person = store.people.ensureForSlackUser(org.id, `U0P${n}`, `p${n}`, { locale: 'ja' });
      const facility = facilities[n % FACILITIES]!;
      const flowId = flowIds[n % flowIds.length]!;
      const a = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: person.id, flowId }).assessment;
      // Most of a clinic group's history is submitted; the newest of each person's is still open.
      if (n % PER_PERSON < PER_PERSON - 2) {
        const at = new Date(Date.UTC(2020, 0, 1) + n * 3_600_000).toISOString();
        submit.run(at, at, a.id);
      }
    }
  })();
  const who: Participant = { organizationId: org.id, personId: me.id, channel: 'slack' };
  const open = directory.currentAssessment(org.id, me.id)!;
  const lookups: Lookup[] = [
    ['App Home: directory.overview (person)', () => directory.overview(org.id, me.id)],
    ['/kakunin: directory.currentAssessment', () => directory.currentAssessment(org.id, me.id)],
    ['/kakunin: directory.latestSubmitted (person)', () => directory.latestSubmitted(org.id, me.id)],
    ['terminal: directory.resumableAt', () => directory.resumableAt(org.id, me.id, facilities[0]!.id)],
    ['related: latestSubmitted in organization', () => store.assessments.latestSubmitted(org.id, flowIds[0]!)],
    ['related: latestSubmitted at facility', () => store.assessments.latestSubmitted(org.id, flowIds[0]!, facilities[1]!.id)],
    ['click: service.view', () => service.view(org.id, open.id)],
    ['click: directory.enter', () => directory.enter({ teamId: 'T0BENCH', slackUserId: 'U0ME' })],
  ];
  void who;
  return { store, lookups };
}

/** Median time of one call, in ms, after a warm-up. */
function time(run: () => unknown): number {
  for (let i = 0; i < 20; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const dir = mkdtempSync(join(tmpdir(), 'kakunin-bench-lists-'));
try {
  const a = database(dir, small);
  const b = database(dir, large);
  const figures: Figure[] = a.lookups.map(([name, run], i) => ({
    name,
    kakunin: time(b.lookups[i]![1]) * 1000,
    floor: time(run) * 1000,
    unit: 'µs',
    better: 'lower',
    target: 2,
    note: `at ${large} vs at ${small}; median of ${reps}`,
  }));
  a.store.close();
  b.store.close();
  printFigures(`list and lookup queries — the same person's ${PER_PERSON} assessments among ${small} and ${large}`, figures);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
