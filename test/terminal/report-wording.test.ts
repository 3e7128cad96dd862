// Each kind of report is called by its name: a policy is 規程, a disclosure is 様式, only a checklist is チェックリスト.
import { describe, expect, it } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { createWorkspaceDirectory } from '../../src/service/workspace-directory.ts';
import { submittedMessage } from '../../src/slack/views/submitted-message.ts';
import { writeSubmittedReport } from '../../src/terminal/submitted-report.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { openTempStore } from '../store/helpers/temp-store.ts';

const flows = loadFlowsDir();
const clock = () => new Date('2026-11-22T00:30:00Z');

describe('the message after a policy is submitted', () => {
  const tempDir = useTempDir();

  it('says the 規程 PDF was written, in the terminal and in Slack', async () => {
    const store = openTempStore(undefined, { now: clock });
    const service = createAssessmentService({ store, flows, clock });
    const directory = createWorkspaceDirectory({ store, channel: 'terminal', clock });
    const org = store.organizations.ensureLocal();
    const facility = store.facilities.ensure(org.id, '本院');
    const person = store.people.ensureLocal(org.id, '山田');
    const who = { organizationId: org.id, personId: person.id, channel: 'terminal' as const };
    const id = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: person.id, flowId: 'security-policy' }).assessment.id;
    const turn = submitThroughService(service, who, id, {
      'facility.type': { kind: 'single', value: 'clinic' },
      'facility.name': { kind: 'text', value: 'さくら内科' },
      'facility.head-name': { kind: 'text', value: '山田 太郎' },
      'roles.system-admin': { kind: 'single', value: 'head' },
      'roles.information-manager': { kind: 'text', value: '副院長 鈴木' },
      'roles.operations-manager': { kind: 'text', value: '医事課長 高橋' },
      'auth.two-factor': { kind: 'yesno', value: true },
      'policy.effective-date': { kind: 'date', value: '2026-12-01' },
    });
    const [line] = await writeSubmittedReport({ directory, outDir: tempDir(), locale: 'ja' }, turn);
    expect(line).toMatch(/^規程のPDFを書き出しました: /);
    if (turn.prompt.kind !== 'submitted') throw new Error('not submitted');
    expect(submittedMessage({ flow: turn.flow, prompt: turn.prompt, locale: 'ja' }).text).toContain('規程のPDFを作成して');
  });

  it('a disclosure form is a 様式, the checklist a チェックリスト', () => {
    const prompt = { kind: 'submitted' as const, tallies: [] };
    expect(submittedMessage({ flow: flows.get('health-guidance-disclosure')!, prompt, locale: 'ja' }).text).toContain('様式のPDF');
    expect(submittedMessage({ flow: flows.get('mhlw-minimum-5.2')!, prompt, locale: 'ja' }).text).toContain('チェックリストのPDF');
  });
});

describe('a form flow without a report template', () => {
  it('is still called a 様式 (naming it never fails)', async () => {
    const { parseFlow } = await import('../../src/flow/loader.ts');
    const form = parseFlow('id: bare\nversion: 1\nkind: form\ntitle: 小さな様式\nsections:\n  - id: s\n    title: S\n    items:\n      - { id: s.1, text: 名前, answer: { type: text, maxLength: 10 } }\n', 'bare.yaml');
    expect(submittedMessage({ flow: form, prompt: { kind: 'submitted', tallies: [] }, locale: 'ja' }).text).toContain('様式のPDF');
  });
});
