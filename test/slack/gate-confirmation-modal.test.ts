// A 前提 answered in a modal (a multiple choice) that would hide answered items: the modal closes and the
// question message asks 変更する / やめる, as it does for buttons.
import { expect, test } from 'vitest';
import { parseFlow } from '../../src/flow/loader.ts';
import { startHarness } from './harness.ts';
import { buttonLabels, textOf } from './slack-user.ts';

const devicesFlow = parseFlow(
  `
id: devices
version: 1
title: { ja: 機器の点検, en: Devices }
sections:
  - id: scope
    kind: gates
    title: 前提の確認
    items:
      - id: scope.devices
        text: 利用している機器を選んでください
        answer: { type: multi, options: [{ id: pc, label: パソコン }, { id: tablet, label: タブレット }] }
  - id: org
    title: 組織的安全管理対策
    items:
      - id: org.1
        number: "1."
        text: タブレットの紛失に備えている。
        answer: { type: status }
        when: { condition: { item: scope.devices, includes: tablet }, reason: タブレットを利用していないため該当なし }
      - { id: org.2, number: "2.", text: 責任者を置いている。, answer: { type: status } }
`,
  'devices.yaml',
);

test('changing a modal-answered 前提 that hides an answer closes the modal and asks in the DM; 変更する applies it', async () => {
  const h = await startHarness({ flows: new Map([['devices', devicesFlow]]) });
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start devices');
  await sato.click('始める');
  await sato.click('回答を入力…');
  await sato.submitModal({ answer: { selected_options: [{ value: 'pc' }, { value: 'tablet' }] } });
  // The 前提 answered, the first question of 組織的安全管理対策 is there right away.
  await sato.click('実施済');
  expect(textOf(sato.last().blocks)).toContain('責任者を置いている');

  // Back to the 前提 and answer パソコン only: org.1 (answered 実施済) would be hidden.
  for (let n = 0; n < 4 && !buttonLabels(sato.last().blocks).includes('回答を入力…'); n++) await sato.click('戻る');
  await sato.click('回答を入力…');
  const result = await sato.submitModal({ answer: { selected_options: [{ value: 'pc' }] } });
  expect(result.status).toBe(200);
  expect(result.body).toBe(''); // the modal closes: no field error to hold a confirm button
  const asking = sato.last();
  expect(textOf(asking.blocks)).toContain('回答済みの1項目');
  expect(buttonLabels(asking.blocks)).toEqual(['変更する', 'やめる']);
  await sato.click('変更する', asking);
  expect(textOf(sato.last().blocks)).not.toContain('回答済みの1項目');
});
