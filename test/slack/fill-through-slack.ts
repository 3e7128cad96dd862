// Answers a whole assessment the way a person does in Slack: 始める on each introduction that asks for it, the answer
// button that carries the wanted answer, the 実施時期 picker for 実施予定, a modal (filled from the modal the
// app actually opened) for anything typed, 提出する at the end. Which question is being asked is read
// from the service; everything else goes through signed requests and the fake Web API.
import { isDeepStrictEqual } from 'node:util';
import type { Answer, Answers } from '../../src/flow/answer.ts';
import type { AnswerSpec } from '../../src/flow/schema.ts';
import type { Harness } from './harness.ts';
import { elementsOf, type SlackUser } from './slack-user.ts';
import type { Block } from './fake-slack-api.ts';

export async function fillThroughSlack(h: Harness, user: SlackUser, organizationId: string, assessmentId: string, answers: Answers): Promise<string[]> {
  const asked: string[] = [];
  for (let step = 0; step < 2000; step++) {
    const { prompt } = h.service.view(organizationId, assessmentId);
    if (prompt.kind === 'submitted') return asked;
    if (prompt.kind === 'intro' || prompt.kind === 'section-intro') await user.click('始める');
    else if (prompt.kind === 'review') await user.click('提出する');
    else if (prompt.kind === 'question') {
      const { item } = prompt;
      asked.push(item.id);
      const answer = answers[item.id] ?? (item.required ? undefined : { kind: 'blank' as const });
      if (!answer) throw new Error(`no answer for the required item "${item.id}"`);
      await answerQuestion(h, user, item.answer, answer);
    } else throw new Error(`unexpected prompt ${prompt.kind}`);
  }
  throw new Error('did not reach the end');
}

async function answerQuestion(h: Harness, user: SlackUser, spec: AnswerSpec, answer: Answer): Promise<void> {
  const blocks = user.last().blocks;
  const button = elementsOf(blocks).find((c) => c.element.type === 'button' && isDeepStrictEqual(valueOf(c.element)?.v, answer));
  if (button) return void (await user.click(String((button.element.text as { text: string }).text)));
  if (answer.kind === 'planned') {
    await user.click('実施予定…');
    return void (await user.pickDate(answer.date));
  }
  await user.click('回答を入力…');
  const modal = h.fake.openedViews.at(-1)!.view;
  const result = await user.submitModal(modalState(spec, answer, (modal.blocks as Block[]).map((b) => String(b.block_id ?? ''))));
  if (result.body.includes('response_action')) throw new Error(`the modal refused ${JSON.stringify(answer)}: ${result.body}`);
}

function valueOf(element: Record<string, unknown>): { v?: unknown } | undefined {
  try {
    return JSON.parse(String(element.value)) as { v?: unknown };
  } catch {
    return undefined;
  }
}

/** The view state Slack would send for `answer` typed into the app's modal. */
function modalState(spec: AnswerSpec, answer: Answer, blockIds: string[]): Record<string, Record<string, unknown>> {
  switch (answer.kind) {
    case 'multi':
      return { answer: { selected_options: answer.values.map((value) => ({ value })) } };
    case 'text':
      return { answer: { value: answer.value } };
    case 'number':
      return { answer: { value: String(answer.value) } };
    case 'date':
      return { answer: { selected_date: answer.value } };
    case 'grid': {
      if (spec.type !== 'grid') throw new Error('a grid answer for a non-grid item');
      const state: Record<string, Record<string, unknown>> = {};
      spec.rows.forEach((row, r) => {
        const cells = answer.cells[row.id] ?? {};
        if (blockIds.includes(`row.${r}`)) {
          state[`row.${r}`] = { selected_options: spec.columns.filter((c) => cells[c.id] === true).map((c) => ({ value: c.id })) };
          return;
        }
        spec.columns.forEach((col, c) => {
          const value = cells[col.id];
          state[`cell.${r}.${c}`] =
            spec.cell.kind === 'check' ? { selected_options: value === true ? [{ value: 'checked' }] : [] } : { value: value === null || value === undefined ? '' : String(value) };
        });
      });
      return state;
    }
    default:
      throw new Error(`no button and no modal for ${JSON.stringify(answer)}`);
  }
}
