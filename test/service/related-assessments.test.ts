// An agency group fills in its 事業運営上開示すべき重要事項の概要. Its 「ガイドラインの遵守」 box comes from the
// organisation's latest submitted 最低限のガイドライン遵守チェックリスト, whichever site submitted it; before there is
// one, the adapters can say so and offer to start it. The security policy's 別表 looks at the same site only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answersSchema, type Answers } from '../../src/flow/answer.ts';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { reportSource } from '../../src/service/report-source.ts';
import { missingRelatedAssessments, relatedAssessments } from '../../src/service/related-assessments.ts';
import { createStore } from '../../src/store/store.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import { readPdfText, squash } from '../report/helpers/pdf-text.ts';

const flows = loadFlowsDir();
const agencyAnswers = answersSchema.parse(
  parse(readFileSync(new URL('../fixtures/agency-disclosure-sample.yaml', import.meta.url), 'utf8')).answers,
);
const withPlanned = mixedAnswers(flows.get('mhlw-minimum-5.2')!);
const allDone: Answers = Object.fromEntries(Object.entries(withPlanned).map(([id, a]) => [id, a.kind === 'planned' ? { kind: 'done' as const } : a]));

function open(dir: string) {
  let now = new Date('2026-10-01T01:00:00Z');
  const clock = () => now;
  const store = createStore(join(dir, 'kakunin.sqlite'), { now: clock });
  const service = createAssessmentService({ store, flows, clock });
  const org = store.organizations.ensureLocal('けんしんデータサービス');
  const headOffice = store.facilities.ensure(org.id, '本社');
  const dataCentre = store.facilities.ensure(org.id, 'データセンター');
  const person = store.people.ensureLocal(org.id, '山田');
  const who = { organizationId: org.id, personId: person.id, channel: 'terminal' as const };
  const start = (facilityId: string, flowId: string) =>
    service.start({ organizationId: org.id, facilityId, respondentId: person.id, flowId }).assessment.id;
  const later = (days: number) => {
    now = new Date(now.getTime() + days * 86_400_000);
  };
  return { store, service, org, headOffice, dataCentre, who, start, later };
}

describe('the related assessments of a flow', () => {
  const tempDir = useTempDir();

  it('before any checklist: nothing to draw on, and one missing with the flow’s message and an offer to start it', () => {
    const app = open(tempDir());
    const agency = flows.get('agency-disclosure')!;
    const where = { organizationId: app.org.id, facilityId: app.dataCentre.id };
    expect(relatedAssessments(app.store, agency, where)).toEqual({});
    const missing = missingRelatedAssessments(app.store, flows, agency, where);
    expect(missing).toEqual([
      {
        relatedId: 'guideline-checklist',
        flowId: 'mhlw-minimum-5.2',
        flowTitle: flows.get('mhlw-minimum-5.2')!.title,
        message: agency.related![0]!.missing,
        canStart: true,
      },
    ]);
    // An optional related flow (the policy's 別表) is never reported missing.
    expect(missingRelatedAssessments(app.store, flows, flows.get('security-policy')!, where)).toEqual([]);
    app.store.close();
  });

  it('a checklist started but not submitted does not count', () => {
    const app = open(tempDir());
    app.start(app.headOffice.id, 'mhlw-minimum-5.2');
    const where = { organizationId: app.org.id, facilityId: app.dataCentre.id };
    expect(missingRelatedAssessments(app.store, flows, flows.get('agency-disclosure')!, where)).toHaveLength(1);
    app.store.close();
  });

  it('uses the latest checklist submitted anywhere in the organisation, and the form’s PDF says which', async () => {
    const app = open(tempDir());
    const first = app.start(app.headOffice.id, 'mhlw-minimum-5.2');
    submitThroughService(app.service, app.who, first, withPlanned);
    app.later(30);
    const second = app.start(app.headOffice.id, 'mhlw-minimum-5.2');
    submitThroughService(app.service, app.who, second, allDone);
    app.later(1);

    const agency = app.start(app.dataCentre.id, 'agency-disclosure');
    submitThroughService(app.service, app.who, agency, agencyAnswers);
    const source = reportSource(app.store, app.org.id, agency);
    expect(source.related['guideline-checklist']).toMatchObject({ assessmentId: second, facilityName: '本社', submittedOn: '2026-10-31' });
    expect(missingRelatedAssessments(app.store, flows, source.flow, { organizationId: app.org.id, facilityId: app.dataCentre.id })).toEqual([]);

    const pdf = await renderReport({ ...source, locale: 'ja' });
    const text = squash((await readPdfText(pdf)).flatMap((p) => p.pieces.map((piece) => piece.str)).join(''));
    expect(text).toContain(squash('■最低限のガイドラインを遵守済 □最低限のガイドラインを遵守していない'));
    expect(text).toContain(squash(`（2026年10月31日提出・回答ID ${second}）による。`));
    app.store.close();
  });

  it('the policy’s 別表 looks only at the same facility', () => {
    const app = open(tempDir());
    const measures: Answers = {
      'scope.wireless-lan': { kind: 'yesno', value: false },
      ...Object.fromEntries([1, 2, 3, 4, 5, 6, 8].map((n) => [`measures.${n}`, { kind: 'done' as const }])),
    };
    submitThroughService(app.service, app.who, app.start(app.headOffice.id, 'online-qualification-measures'), measures);
    const policy = flows.get('security-policy')!;
    expect(relatedAssessments(app.store, policy, { organizationId: app.org.id, facilityId: app.dataCentre.id })).toEqual({});
    expect(relatedAssessments(app.store, policy, { organizationId: app.org.id, facilityId: app.headOffice.id }).measures).toMatchObject({
      facilityName: '本社',
    });
    app.store.close();
  });
});
