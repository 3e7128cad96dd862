// The two disclosure forms run in Slack with no form-specific code: the seed's filled examples, answered
// through the DM's buttons and modals, are stored exactly as the engine takes them and come back as the
// form's PDF in the DM.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { answersSchema, type Answers } from '../../src/flow/answer.ts';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { fillThroughEngine } from '../helpers/fill-through-engine.ts';
import { manualClock } from '../store/helpers/manual-clock.ts';
import { readPdfText, squash } from '../report/helpers/pdf-text.ts';
import { fillThroughSlack } from './fill-through-slack.ts';
import { startHarness } from './harness.ts';
import { sato as satoIds } from './helpers.ts';

const flows = loadFlowsDir();
const fixture = (name: string) =>
  z.object({ answers: answersSchema }).passthrough().parse(parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'))).answers;

/** A modal sends every cell of a grid, empty ones as false or null; the fixtures list only the filled ones. */
function sparse(answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers).map(([id, a]) => {
      if (a.kind !== 'grid') return [id, a];
      const rows = Object.entries(a.cells).map(([row, cells]) => [row, Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== false && v !== null))] as const);
      return [id, { kind: 'grid', cells: Object.fromEntries(rows.filter(([, cells]) => Object.keys(cells).length > 0)) }];
    }),
  );
}

test.each([
  ['health-guidance-disclosure', 'health-guidance-yokohama-chuo.yaml', ['独立行政法人 地域医療機能推進機構 横浜中央病院', '神奈川県横浜市中区山下町268番地']],
  ['agency-disclosure', 'agency-disclosure-sample.yaml', ['株式会社けんしんデータサービス']],
] as const)('%s: the example answered in Slack is stored as the engine takes it, and its PDF arrives in the DM', async (flowId, file, printed) => {
  const flow = flows.get(flowId)!;
  const answers = fixture(file);
  const h = await startHarness({ flows: new Map([[flowId, flow]]), clock: manualClock('2026-11-22T00:00:00Z') });
  const sato = h.user('U0SATO', 'sato');
  await sato.command(`start ${flowId}`);
  const ids = satoIds(h);
  await fillThroughSlack(h, sato, ids.organizationId, ids.assessmentId(), answers);

  expect(h.store.assessments.get(ids.organizationId, ids.assessmentId()).status).toBe('submitted');
  expect(sparse(h.store.answers.current(ids.assessmentId()))).toEqual(sparse(fillThroughEngine(flow, answers, '2026-11-22').answers));
  expect(h.fake.uploads).toHaveLength(1);
  const text = squash((await readPdfText(new Uint8Array(h.fake.uploads[0]!.bytes!))).flatMap((p) => p.pieces.map((x) => x.str)).join(''));
  expect(text).toContain(squash(flow.title.ja));
  for (const value of printed) expect(text).toContain(squash(value));
  expect(h.fake.invalidBlocks).toEqual([]);
});
