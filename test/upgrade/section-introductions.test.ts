// The upgrade that shows a section's introduction with its first question: people the previous release
// (machine version 2) left at an introduction, paused there or simply gone away from Slack, find that
// section's first question with the introduction above it, every answer intact. A re-assessment carrying
// answers over still stops at the introduction, where it lists them.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { bootstrap } from '../../src/app/bootstrap.ts';
import { MACHINE_VERSION } from '../../src/engine/position.ts';
import { createWorkspaceDirectory } from '../../src/service/workspace-directory.ts';
import { promptMessages } from '../../src/slack/views/prompt-messages.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const fixturesDir = join(import.meta.dirname, '..', 'fixtures', 'db');
const expected = z
  .object({
    paused: z.object({ assessmentId: z.string(), respondent: z.string(), atItem: z.string() }),
    leftAtSectionIntro: z.object({ assessmentId: z.string(), respondent: z.string(), atItem: z.string(), previousSection: z.string() }),
    carriedAtSectionIntro: z.object({ assessmentId: z.string(), respondent: z.string(), atSection: z.string() }),
  })
  .parse(JSON.parse(readFileSync(join(fixturesDir, 'release-b2a8fcc.json'), 'utf8')));

const clock = () => new Date('2026-12-08T01:00:00Z');

describe('release-b2a8fcc.sqlite: people left at a section introduction', () => {
  const tempDir = useTempDir();

  function open() {
    const file = join(tempDir(), 'kakunin.sqlite');
    copyFileSync(join(fixturesDir, 'release-b2a8fcc.sqlite'), file);
    const app = bootstrap({ KAKUNIN_DB: file }, clock);
    onTestFinished(() => app.store.close());
    const directory = createWorkspaceDirectory({ store: app.store, channel: 'terminal', clock });
    return { app, directory, org: app.store.organizations.ensureLocal() };
  }

  it('left at 物理的安全管理対策 in Slack: the DM shows its first question under the section title; answering moves on', () => {
    const { app, directory, org } = open();
    const { assessmentId, respondent, atItem } = expected.leftAtSectionIntro;
    const who = directory.enterLocal({ facilityName: '港北診療所', respondentName: respondent }).participant;
    const answersBefore = app.service.answers(org.id, assessmentId);
    const turn = app.service.view(org.id, assessmentId);
    expect(turn.prompt).toMatchObject({
      kind: 'question',
      item: { id: atItem },
      sectionStart: { previous: { section: { id: expected.leftAtSectionIntro.previousSection } } },
    });
    const [question, ...more] = promptMessages({ flow: turn.flow, prompt: turn.prompt, step: { a: assessmentId, r: turn.assessment.revision }, locale: 'ja', today: '2026-12-08' });
    expect(more).toEqual([]);
    expect(question!.blocks[0]).toMatchObject({ type: 'header', text: { text: expect.stringMatching(/^物理的安全管理対策（\d+項目）$/) } });

    const answered = app.service.interact(who, assessmentId, { type: 'ANSWER', itemId: atItem, answer: { kind: 'done' } }, { expectedRevision: turn.assessment.revision });
    expect(answered.prompt).toMatchObject({ kind: 'question', item: { id: 'physical.2' } });
    expect(answered.prompt).not.toHaveProperty('sectionStart');
    expect(app.service.answers(org.id, assessmentId)).toEqual({ ...answersBefore, [atItem]: { kind: 'done' } });
    expect(JSON.parse(app.store.assessments.get(org.id, assessmentId).snapshotJson!)).toMatchObject({ machineVersion: MACHINE_VERSION, mode: 'question' });
  });

  it('paused at 組織的安全管理対策: 再開 asks its first question with the introduction', () => {
    const { app, directory, org } = open();
    const { assessmentId, respondent, atItem } = expected.paused;
    const who = directory.enterLocal({ facilityName: '港北診療所', respondentName: respondent }).participant;
    expect(app.service.view(org.id, assessmentId).prompt).toMatchObject({ kind: 'paused', resumeTo: 'question' });
    const resumed = app.service.interact(who, assessmentId, { type: 'RESUME' });
    // After the 前提 (gates) there is no tally to show, only the section's own introduction.
    expect(resumed.prompt).toMatchObject({ kind: 'question', item: { id: atItem }, sectionStart: { previous: { section: { isGates: true } } } });
    // 戻る from there goes to the last 前提 question, not to an introduction.
    expect(app.service.interact(who, assessmentId, { type: 'BACK' }).prompt).toMatchObject({ kind: 'question', item: { id: 'scope.byod' } });
  });

  it('a re-assessment carrying answers over still stops at the introduction, which lists the carried answers', () => {
    const { app, directory, org } = open();
    const { assessmentId, respondent, atSection } = expected.carriedAtSectionIntro;
    const who = directory.enterLocal({ facilityName: '横浜中央クリニック', respondentName: respondent }).participant;
    const turn = app.service.view(org.id, assessmentId);
    expect(turn.prompt).toMatchObject({ kind: 'section-intro', section: { id: atSection } });
    expect(turn.carryOver).toMatchObject({ kind: 'section', section: { sectionId: atSection } });
    const first = app.service.interact(who, assessmentId, { type: 'CONTINUE' });
    expect(first.prompt).toMatchObject({ kind: 'question', item: { id: 'organizational.1' } });
    expect(first.prompt).not.toHaveProperty('sectionStart');
    expect(first.carryOver).toMatchObject({ kind: 'question', item: { itemId: 'organizational.1', previous: { kind: 'done' } } });
  });
});
