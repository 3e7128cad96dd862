// Disclosure-form flows ask more than 実施済/実施予定: yes/no and single choices are buttons, and
// everything typed (multi, text, number, date, grid) goes through a modal built from the flow's
// AnswerSpec — with refusals shown under the input, in the modal.
import { expect, test } from 'vitest';
import { parseFlow } from '../../src/flow/loader.ts';
import { startHarness } from './harness.ts';
import { buttonLabels, textOf } from './slack-user.ts';

const formFlow = parseFlow(
  `
id: form-sample
version: 1
kind: form
title: 届出様式サンプル
sections:
  - id: basics
    title: 基本情報
    items:
      - id: officer
        number: "1."
        text: 安全管理責任者を置いている
        answer: { type: status, notApplicable: true }
      - id: has-server
        text: 院内にサーバーがありますか
        answer: { type: yesno }
      - id: vendor
        text: 電子カルテの提供形態
        answer:
          type: single
          options:
            - { id: onprem, label: オンプレミス }
            - { id: cloud, label: クラウド }
      - id: backups
        text: バックアップの方法（該当するものすべて）
        answer:
          type: multi
          options:
            - { id: disk, label: 外付けディスク }
            - { id: tape, label: テープ }
            - { id: cloud, label: クラウド }
            - { id: none, label: 特に無し, exclusive: true }
      - id: terminals
        text: 端末の台数
        answer: { type: number, unit: 台, min: 0, max: 500 }
      - id: remarks
        text: 備考
        required: false
        answer: { type: text, maxLength: 200, multiline: true }
      - id: next-audit
        text: 次回の点検予定日
        answer: { type: date, notPast: true }
      - id: staff
        text: 職種ごとの人数
        answer:
          type: grid
          rows: [{ id: doctor, label: 医師 }, { id: nurse, label: 看護師 }]
          columns: [{ id: full, label: 常勤 }, { id: part, label: 非常勤 }]
          cell: { kind: number, unit: 人 }
`,
  'form-sample.yaml',
);

test('typed answers go through modals generated from the flow, with refusals shown in the modal', async () => {
  const h = await startHarness({ flows: new Map([[formFlow.id, formFlow]]), renderReport: async () => new Uint8Array(Buffer.from('%PDF-1.7 test')) });
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start');
  await sato.click('始める');

  // The first question comes right after the introduction.
  expect(buttonLabels(sato.last().blocks)).toEqual(['実施済', '実施予定…', '該当なし', '戻る', '後で続ける']);
  await sato.click('該当なし');
  expect(buttonLabels(sato.last().blocks)).toEqual(['有', '無', '戻る', '後で続ける']);
  await sato.click('有');
  expect(buttonLabels(sato.last().blocks)).toEqual(['オンプレミス', 'クラウド', '戻る', '後で続ける']);
  await sato.click('クラウド');

  // multi → checkboxes in a modal
  await sato.click('回答を入力…');
  const multi = h.fake.openedViews.at(-1)!.view;
  expect((multi.blocks as { type: string; element?: { type: string } }[]).filter((b) => b.type === 'input').map((b) => b.element!.type)).toEqual(['checkboxes']);
  const exclusive = await sato.submitModal({ answer: { selected_options: [{ value: 'disk' }, { value: 'none' }] } });
  expect(JSON.parse(exclusive.body)).toEqual({ response_action: 'errors', errors: { answer: '「特に無し」は他の選択肢と同時に選べません。' } });
  await sato.submitModal({ answer: { selected_options: [{ value: 'disk' }, { value: 'cloud' }] } });
  expect(textOf(sato.dm().at(-2)!.blocks)).toContain('外付けディスク、クラウド');

  // number → number_input; out of range is refused under the input
  await sato.click('回答を入力…');
  const tooMany = await sato.submitModal({ answer: { value: '501' } });
  expect(JSON.parse(tooMany.body)).toEqual({ response_action: 'errors', errors: { answer: '500以下の数値を入力してください。' } });
  await sato.submitModal({ answer: { value: '12' } });

  // optional text → may be left blank with a button
  expect(buttonLabels(sato.last().blocks)).toEqual(['回答を入力…', '空欄のまま進む', '戻る', '後で続ける']);
  await sato.click('空欄のまま進む');

  // date → datepicker; a past date is refused
  await sato.click('回答を入力…');
  const past = await sato.submitModal({ answer: { selected_date: '2026-03-01' } });
  expect(JSON.parse(past.body).errors.answer).toContain('過去の日付');
  await sato.submitModal({ answer: { selected_date: '2026-10-01' } });

  // grid → one input per cell
  await sato.click('回答を入力…');
  const grid = h.fake.openedViews.at(-1)!.view;
  expect((grid.blocks as { type: string; block_id?: string }[]).filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual([
    'cell.0.0',
    'cell.0.1',
    'cell.1.0',
    'cell.1.1',
  ]);
  await sato.submitModal({ 'cell.0.0': { value: '2' }, 'cell.0.1': { value: '' }, 'cell.1.0': { value: '5' }, 'cell.1.1': { value: '3' } });

  const organizationId = h.store.organizations.ensureForSlackTeam('T0CLINIC').id;
  const assessment = h.store.assessments.listForPerson(organizationId, h.store.people.ensureForSlackUser(organizationId, 'U0SATO').id)[0]!;
  expect(h.store.answers.current(assessment.id)).toEqual({
    officer: { kind: 'na' },
    'has-server': { kind: 'yesno', value: true },
    vendor: { kind: 'single', value: 'cloud' },
    backups: { kind: 'multi', values: ['disk', 'cloud'] },
    terminals: { kind: 'number', value: 12 },
    remarks: { kind: 'blank' },
    'next-audit': { kind: 'date', value: '2026-10-01' },
    staff: { kind: 'grid', cells: { doctor: { full: 2, part: null }, nurse: { full: 5, part: 3 } } },
  });
  expect(textOf(sato.last().blocks)).toContain('確認画面');
  expect(h.fake.invalidBlocks).toEqual([]);
});
