// Every question of every flow in flows/ — the checklists and the disclosure forms — renders within
// Slack's Block Kit limits, as a message and (for typed answers) as a modal.
import { expect, test } from 'vitest';
import { promptFor } from '../../../src/engine/prompt.ts';
import { loadFlowsDir } from '../../../src/flow/loader.ts';
import { itemRefs } from '../../../src/flow/model.ts';
import { answerModal } from '../../../src/slack/views/answer-modal.ts';
import { questionMessage } from '../../../src/slack/views/question-message.ts';
import { blockKitProblems } from '../fake-slack-api.ts';

const flows = [...loadFlowsDir().values()];

test.each(flows.map((f) => [f.id, f] as const))('%s fits Block Kit', (_id, flow) => {
  const problems: string[] = [];
  for (const ref of itemRefs(flow)) {
    const context = { flowId: flow.id, flowHash: flow.hash, answers: {}, position: ref.index, resumeTo: 'question' as const, error: null, sectionIntroStep: false };
    const prompt = promptFor(flow, 'question', context);
    if (prompt.kind !== 'question') throw new Error('not a question');
    const step = { a: 'as_00000000-0000-0000-0000-000000000000', r: 999999 };
    for (const planning of [undefined, {}]) {
      const message = questionMessage({ flow, prompt, step, locale: 'ja', today: '2026-04-01', planning });
      problems.push(...blockKitProblems('message', message.blocks).map((p) => `${ref.item.id}: ${p}`));
    }
    if (!['status', 'yesno', 'single'].includes(ref.item.answer.type)) {
      const modal = answerModal({ flow, prompt, meta: { ...step, i: ref.item.id, c: 'D0SATO', t: '1700000000.000001' }, locale: 'ja' });
      problems.push(...blockKitProblems('view', modal.blocks).map((p) => `${ref.item.id} modal: ${p}`));
      expect(modal.private_metadata!.length).toBeLessThanOrEqual(3000);
    }
  }
  expect(problems).toEqual([]);
});
