// Every database a released version wrote (test/fixtures/db/release-*.sqlite) opens with today's code: the
// paused checklist resumes at the same question and takes an answer, the form in progress continues, and the
// submitted checklist renders, with every answer the people gave still there.
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bootstrap } from '../../src/app/bootstrap.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { createLifecycleService } from '../../src/service/lifecycle-service.ts';
import { createWorkspaceDirectory } from '../../src/service/workspace-directory.ts';
import { readPdfText, squash } from '../report/helpers/pdf-text.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const fixturesDir = join(import.meta.dirname, '..', 'fixtures', 'db');
const fixtures = readdirSync(fixturesDir)
  .filter((f) => /^release-.*\.sqlite$/.test(f))
  .sort();

const expectedSchema = z.object({
  release: z.string(),
  paused: z.object({ assessmentId: z.string(), respondent: z.string(), atItem: z.string() }),
  submitted: z.object({ assessmentId: z.string(), planned: z.record(z.string(), z.string()) }),
  formInProgress: z.object({ assessmentId: z.string(), respondent: z.string(), atItem: z.string() }),
});

// A week after the fixtures were written; in Tokyo, where their facilities are.
const clock = () => new Date('2026-12-08T01:00:00Z');

/** What the old release stored as answers, read with plain SQL (the answers table is the truth). */
function rawAnswers(file: string): Map<string, Record<string, unknown>> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT assessment_id AS a, item_id AS i, answer_json AS j FROM answers').all() as { a: string; i: string; j: string }[];
    const byAssessment = new Map<string, Record<string, unknown>>();
    for (const r of rows) byAssessment.set(r.a, { ...byAssessment.get(r.a), [r.i]: JSON.parse(r.j) as unknown });
    return byAssessment;
  } finally {
    db.close();
  }
}

describe('databases written by earlier releases', () => {
  const tempDir = useTempDir();

  it('there is at least one release fixture', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  describe.each(fixtures)('%s', (fixture) => {
    const expected = expectedSchema.parse(JSON.parse(readFileSync(join(fixturesDir, fixture.replace(/\.sqlite$/, '.json')), 'utf8')));

    function openCopy() {
      const file = join(tempDir(), 'kakunin.sqlite');
      copyFileSync(join(fixturesDir, fixture), file);
      const before = rawAnswers(file);
      const app = bootstrap({ KAKUNIN_DB: file }, clock);
      const directory = createWorkspaceDirectory({ store: app.store, channel: 'terminal', clock });
      return { app, directory, before };
    }

    it('the paused checklist resumes at the same question, takes an answer, and keeps every earlier one', () => {
      const { app, directory, before } = openCopy();
      try {
        const org = app.store.organizations.ensureLocal();
        const { participant: who, facility } = directory.enterLocal({ facilityName: '港北診療所', respondentName: expected.paused.respondent });
        const id = expected.paused.assessmentId;
        expect(directory.resumableAt(org.id, who.personId, facility.id).map((a) => a.id)).toContain(id);

        const resumed = app.service.interact(who, id, { type: 'RESUME' });
        expect(resumed.accepted).toBe(true);
        expect(resumed.prompt).toMatchObject({ kind: 'question', item: { id: expected.paused.atItem } });

        const answered = app.service.interact(who, id, { type: 'ANSWER', itemId: expected.paused.atItem, answer: { kind: 'done' } });
        expect(answered.accepted).toBe(true);
        expect(answered.prompt.kind).toBe('question');

        const answers = app.service.answers(org.id, id);
        expect(answers[expected.paused.atItem]).toEqual({ kind: 'done' });
        for (const [itemId, answer] of Object.entries(before.get(id) ?? {})) expect(answers[itemId]).toEqual(answer);
      } finally {
        app.store.close();
      }
    });

    it('the form in progress continues where the input ended', () => {
      const { app, directory, before } = openCopy();
      try {
        const org = app.store.organizations.ensureLocal();
        const who = directory.enterLocal({ facilityName: '横浜中央クリニック', respondentName: expected.formInProgress.respondent }).participant;
        const id = expected.formInProgress.assessmentId;
        const resumed = app.service.interact(who, id, { type: 'RESUME' });
        expect(resumed.prompt).toMatchObject({ kind: 'question', item: { id: expected.formInProgress.atItem } });
        const answered = app.service.interact(who, id, { type: 'SKIP' });
        expect(answered.accepted).toBe(true);
        const answers = app.service.answers(org.id, id);
        for (const [itemId, answer] of Object.entries(before.get(id) ?? {})) expect(answers[itemId]).toEqual(answer);
      } finally {
        app.store.close();
      }
    });

    it('the submitted checklist renders its PDF with its 実施予定 items and their dates', async () => {
      const { app, directory, before } = openCopy();
      try {
        const org = app.store.organizations.ensureLocal();
        const id = expected.submitted.assessmentId;
        const source = directory.reportSource(org.id, id, 'ja');
        expect(source.assessment.status).toBe('submitted');
        expect(source.answers).toEqual(before.get(id));
        const pages = await readPdfText(await renderReport(source));
        const text = squash(pages.map((p) => p.pieces.map((x) => x.str).join('')).join('\n'));
        expect(text).toContain(squash('最低限のガイドライン遵守チェックリスト'));
        expect(text).toContain('横浜中央クリニック');
        for (const date of Object.values(expected.submitted.planned)) {
          const [y, m, d] = date.split('-').map(Number);
          expect(text).toContain(`${y}年${m}月${d}日`);
        }
      } finally {
        app.store.close();
      }
    });

    it('the submitted checklist takes a follow-up: one 実施予定 item is now 実施済', () => {
      const { app, directory } = openCopy();
      try {
        const org = app.store.organizations.ensureLocal();
        const id = expected.submitted.assessmentId;
        const who = directory.enterLocal({ facilityName: '横浜中央クリニック', respondentName: '山田花子' }).participant;
        const lifecycle = createLifecycleService({ store: app.store, clock });
        const [itemId] = Object.keys(expected.submitted.planned);
        const done = lifecycle.markDone(who, id, itemId!);
        expect(done.assessment.status).toBe('submitted');
        // The submission the old release made is in the history (recorded by the migration), then the follow-up.
        expect(lifecycle.history(org.id, id).map((e) => e.kind)).toEqual(['submit', 'followup.done']);
      } finally {
        app.store.close();
      }
    });
  });
});
