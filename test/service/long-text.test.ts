// 10,000 characters typed into every text field of every shipped flow: refused at input with a message in
// the person's language, never stored, never a stack trace. And the longest text each field accepts, in
// every field at once, still renders the flow's PDF (rows split across pages with 「（続く）」).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { answersSchema, type Answer, type Answers } from '../../src/flow/answer.ts';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { itemRefs, type Flow } from '../../src/flow/model.ts';
import { engineErrorText } from '../../src/i18n/engine-error-text.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { createWorkspaceDirectory } from '../../src/service/workspace-directory.ts';
import { createStore } from '../../src/store/store.ts';
import { runTerminal } from '../../src/terminal/start-terminal.ts';
import { fillThroughEngine } from '../helpers/fill-through-engine.ts';
import { readPdfText } from '../report/helpers/pdf-text.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const flows = loadFlowsDir();
const clock = () => new Date('2026-11-22T00:30:00Z');
const TEN_THOUSAND = '確'.repeat(10_000);

type TextField = { itemId: string; kind: 'text' | 'grid'; answer: (text: string) => Answer; max: number; pattern: boolean };

/** Every place a person types free text: text items, and each text cell of a grid. */
function textFields(flow: Flow): TextField[] {
  return itemRefs(flow).flatMap(({ item }): TextField[] => {
    const spec = item.answer;
    if (spec.type === 'text')
      return [{ itemId: item.id, kind: 'text', answer: (value) => ({ kind: 'text', value }), max: spec.maxLength, pattern: !!spec.pattern }];
    if (spec.type === 'grid' && spec.cell.kind === 'text') {
      const cell = spec.cell;
      return spec.rows.flatMap((row) =>
        spec.columns.map((column) => ({
          itemId: item.id,
          kind: 'grid' as const,
          answer: (value: string) => ({ kind: 'grid' as const, cells: { [row.id]: { [column.id]: value } } }),
          max: cell.maxLength,
          pattern: false,
        })),
      );
    }
    return [];
  });
}

const shipped = [...flows.values()];

describe('10,000 characters in every text field', () => {
  const tempDir = useTempDir();

  it('every shipped flow is checked, and the forms have text fields', () => {
    expect(shipped.map((f) => f.id).sort()).toEqual([
      'agency-disclosure',
      'health-guidance-disclosure',
      'mhlw-minimum-5.2',
      'online-qualification-measures',
      'security-policy',
    ]);
    for (const id of ['agency-disclosure', 'health-guidance-disclosure', 'security-policy']) expect(textFields(flows.get(id)!).length).toBeGreaterThan(0);
  });

  it.each(shipped.map((f) => [f.id, f] as const))('%s: refused with the limit, in Japanese and English; nothing stored', (_id, flow) => {
    const store = createStore(join(tempDir(), 'k.sqlite'), { now: clock });
    const service = createAssessmentService({ store, flows, clock });
    const org = store.organizations.ensureLocal();
    const facility = store.facilities.ensure(org.id, '本院');
    const person = store.people.ensureLocal(org.id, '山田');
    const who = { organizationId: org.id, personId: person.id, channel: 'slack' as const };
    const id = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: person.id, flowId: flow.id }).assessment.id;
    for (const field of textFields(flow)) {
      const turn = service.interact(who, id, { type: 'REVISE', itemId: field.itemId, answer: field.answer(TEN_THOUSAND) });
      expect(turn.accepted, field.itemId).toBe(false);
      const error = turn.prompt.error!;
      expect(error.code).toBe(field.kind === 'text' ? 'text.tooLong' : 'grid.textTooLong');
      const ja = engineErrorText('ja', error, (x) => x);
      const en = engineErrorText('en', error, (x) => x);
      expect(ja).toContain(`${field.max}文字以内`);
      expect(ja).toContain('現在10000文字');
      expect(en).toContain(`at most ${field.max} characters`);
      for (const text of [ja, en]) expect(text).not.toMatch(/\{\w+\}/);
    }
    expect(service.answers(org.id, id)).toEqual({});
    store.close();
  });
});

const fixture = (file: string) =>
  z.object({ answers: answersSchema }).parse(parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', file), 'utf8'))).answers;
const samples: Record<string, Answers> = {
  'agency-disclosure': fixture('agency-disclosure-sample.yaml'),
  'health-guidance-disclosure': fixture('health-guidance-yokohama-chuo.yaml'),
  'security-policy': {
    'facility.type': { kind: 'single', value: 'pharmacy' },
    'roles.system-admin': { kind: 'single', value: 'designated' },
    'auth.two-factor': { kind: 'yesno', value: true },
    'policy.effective-date': { kind: 'date', value: '2026-12-01' },
  },
};

/** The sample with every free-text field filled to its limit (wide characters: the hardest to fit). */
function longest(flow: Flow, sample: Answers): Answers {
  const answers: Answers = { ...sample };
  for (const { item } of itemRefs(flow)) {
    const spec = item.answer;
    if (spec.type === 'text' && !spec.pattern) answers[item.id] = { kind: 'text', value: '漢'.repeat(spec.maxLength) };
    if (spec.type === 'grid' && spec.cell.kind === 'text') {
      const value = '漢'.repeat(spec.cell.maxLength);
      answers[item.id] = {
        kind: 'grid',
        cells: Object.fromEntries(spec.rows.map((r) => [r.id, Object.fromEntries(spec.columns.map((c) => [c.id, value]))])),
      };
    }
  }
  return answers;
}

describe('the longest text every field accepts renders', () => {
  it.each(Object.keys(samples))('%s: every text field at its limit, accepted and printed', async (flowId) => {
    const flow = flows.get(flowId)!;
    const { answers } = fillThroughEngine(flow, longest(flow, samples[flowId]!));
    const pdf = await renderReport({
      flow,
      answers,
      facilityName: '漢'.repeat(100),
      respondentName: '山田',
      updatedOn: '2026-11-22',
      assessmentId: 'as_long',
    });
    const pages = await readPdfText(pdf);
    const text = pages.flatMap((p) => p.pieces.map((x) => x.str)).join('');
    expect(text).toContain('漢'.repeat(20));
  });
});

describe('the terminal’s names', () => {
  const tempDir = useTempDir();

  it('a 10,000-character facility name is refused with the limit and asked again', async () => {
    const dir = tempDir();
    const store = createStore(join(dir, 'k.sqlite'), { now: clock });
    const service = createAssessmentService({ store, flows, clock });
    const directory = createWorkspaceDirectory({ store, channel: 'terminal', clock });
    let out = '';
    const output = new Writable({ write: (chunk: Buffer, _e, done) => ((out += chunk.toString()), done()) });
    const input = Readable.from([`${TEN_THOUSAND}\n`, '本院\n', `${TEN_THOUSAND}\n`, '山田\n']);
    await runTerminal({ directory, service, locale: 'ja', input, output });
    expect(out).toContain('施設（拠点）名は100文字以内で入力してください（現在10000文字）。');
    expect(out).toContain('お名前は100文字以内で入力してください（現在10000文字）。');
    expect(store.facilities.list('local').map((f) => f.name)).toEqual(['本院']);
    store.close();
  });
});
