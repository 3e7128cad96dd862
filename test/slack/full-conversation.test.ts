// 佐藤さん, the clinic manager, goes through the whole 90-item checklist in her DM with kakunin: from
// `/kakunin start` to the filled PDF arriving in the same DM.
import { expect, test } from 'vitest';
import { startHarness } from './harness.ts';
import { buttonLabels, elementsOf, textOf, type HttpResult } from './slack-user.ts';

test('a clinic manager answers all 90 items in a DM and receives the filled PDF there', async () => {
  const h = await startHarness();
  const sato = h.user('U0SATO', 'sato');
  const acks: HttpResult[] = [];
  const act = async (r: Promise<HttpResult>) => {
    const result = await r;
    expect(result.status).toBe(200);
    acks.push(result);
    return result;
  };

  // She starts from the slash command; the conversation itself happens in her DM with the app.
  const started = await act(sato.command('start mhlw-minimum-5.2'));
  expect(JSON.parse(started.body)).toMatchObject({ response_type: 'ephemeral', text: 'kakunin とのDMでお送りしました。' });
  expect(sato.last().channel).toBe('D0SATO');
  expect(textOf(sato.last().blocks)).toContain('最低限のガイドライン遵守チェックリスト');
  expect(textOf(sato.last().blocks)).toContain('全90項目・10分野');

  await act(sato.click('始める')); // the introduction
  // The first scope question comes right away, under the section's heading.
  expect(textOf(sato.last().blocks)).toContain('前提の確認（4項目）');

  // Scope questions are buttons too: wireless LAN and IoT are in use, no contractors, no personal devices.
  for (const label of ['利用している', '取り扱っている', '採用していない', 'ない']) {
    expect(textOf(sato.last().blocks)).toMatch(/前提の確認 \d\/4/);
    await act(sato.click(label));
  }

  let answered = 0;
  let planned = 0;
  let sawTechnical3 = false;
  let sawNote = false;
  const sectionsOpened: string[] = [];
  for (let guard = 0; guard < 400; guard++) {
    const message = sato.last();
    const labels = buttonLabels(message.blocks);
    const text = textOf(message.blocks);
    if (labels.includes('提出する')) break;
    if (labels.includes('実施済')) {
      expect(labels).toEqual(['実施済', '実施予定…', '戻る', '後で続ける']);
      // A section's first question carries its heading; from the second section on, the record of the
      // answer just before it (the one that finished the section) ends with that section's tally.
      const heading = message.blocks.find((b) => b.type === 'header');
      if (heading) {
        sectionsOpened.push(textOf([heading]));
        const record = sato.dm().at(-2)!.blocks;
        if (sectionsOpened.length === 1) expect(textOf(record)).not.toContain('が終わりました');
        else {
          expect(textOf(record)).toContain('<@U0SATO>'); // the record: who answered, when
          expect(textOf(record.slice(-1))).toMatch(/^:checkered_flag: 「.+」が終わりました — /);
        }
      } else expect(text).not.toMatch(/（\d+項目）/);
      if (text.includes('技術的安全管理対策 3/24・全体 14/90')) {
        sawTechnical3 = true;
        expect(text).toMatch(/技術的安全管理対策 3\/24・全体 14\/90\u3000[▓░]{12}/);
      }
      if (/\*注\d+\*/.test(text)) sawNote = true;
      answered++;
      if (answered % 10 === 0) {
        planned++;
        await act(sato.click('実施予定…'));
        expect(textOf(sato.last().blocks)).toContain('実施時期を選んでください（2026年4月1日から2029年4月1日まで）。');
        await act(sato.pickDate('2027-03-31'));
        expect(textOf(sato.message(message.ts).blocks)).toContain('実施予定（2027年3月31日）');
      } else {
        await act(sato.click('実施済'));
        // The question became a compact record: what, who, when — and no live buttons.
        const record = sato.message(message.ts);
        expect(elementsOf(record.blocks)).toEqual([]);
        expect(textOf(record.blocks)).toMatch(/:white_check_mark: \*実施済\*・<@U0SATO>・<!date\^\d+\^/);
      }
      continue;
    }
    throw new Error(`Unexpected message: ${text} ${JSON.stringify(labels)}`);
  }
  expect(sawTechnical3).toBe(true);
  expect(sawNote).toBe(true);
  // 90 checklist items, minus contractors 1–3 and take-out 10 that the scope answers rule out.
  expect(answered).toBe(86);
  expect(sectionsOpened).toHaveLength(10);
  expect(sectionsOpened[0]).toBe('組織的安全管理対策（5項目）');

  // Sections end with their summary (under the record of the answer that finished them), each once.
  const summaries = sato.dm().map((m) => textOf(m.blocks)).filter((t) => t.includes('が終わりました'));
  expect(summaries[0]).toContain('「組織的安全管理対策」が終わりました — 実施済 5・実施予定 0・該当なし 0・未回答 0');
  expect(summaries.some((s) => /該当なし 3/.test(s))).toBe(true);
  expect(summaries).toHaveLength(9);

  // The review: counts per section, and each 実施予定 item with a button to change it.
  const review = sato.last();
  expect(textOf(review.blocks)).toContain('確認画面');
  expect(textOf(review.blocks)).toContain('• 組織的安全管理対策: 実施済 5・実施予定 0・該当なし 0・未回答 0');
  expect(buttonLabels(review.blocks).filter((l) => l === '変更')).toHaveLength(planned);
  await act(sato.click('変更', review));
  expect(textOf(sato.last().blocks)).toContain('確認画面から修正中です。');
  expect(textOf(sato.last().blocks)).toContain('現在の回答: 実施予定（2027年3月31日）');
  await act(sato.click('実施済'));
  const secondReview = sato.last();
  expect(buttonLabels(secondReview.blocks).filter((l) => l === '変更')).toHaveLength(planned - 1);

  // 提出: the assessment is submitted and the PDF is uploaded into the DM with files.uploadV2.
  await act(sato.click('提出する', secondReview));
  const assessment = h.store.assessments.listForPerson(h.store.organizations.ensureForSlackTeam('T0CLINIC').id, h.store.people.ensureForSlackUser(h.store.organizations.ensureForSlackTeam('T0CLINIC').id, 'U0SATO').id)[0]!;
  expect(assessment.status).toBe('submitted');
  expect(Object.keys(h.store.answers.current(assessment.id))).toHaveLength(94);
  expect(textOf(sato.dm().at(-1)!.blocks)).toContain('を提出しました');

  const uploadCalls = h.fake.calls.map((c) => c.method).filter((m) => m.startsWith('files.') || m.startsWith('upload:'));
  expect(uploadCalls).toEqual(['files.getUploadURLExternal', `upload:${h.fake.uploads[0]!.fileId}`, 'files.completeUploadExternal']);
  const upload = h.fake.uploads[0]!;
  expect(upload.channelId).toBe('D0SATO');
  expect(upload.filename).toBe('mhlw-minimum-5.2-2026-04-01.pdf');
  expect(upload.bytes!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(upload.title).toContain('さくら内科クリニック');
  // Uploads go through their own client (same token), never the one answering clicks.
  expect(h.fake.callsTo('files.completeUploadExternal')[0]!.token).toBe('xoxb-test-bot-token');

  // Nothing live is left behind, nothing broke Block Kit limits, every request was acknowledged fast.
  expect(sato.dm().filter((m) => elementsOf(m.blocks).length > 0)).toEqual([]);
  expect(h.fake.invalidBlocks).toEqual([]);
  expect(Math.max(...acks.map((a) => a.ms))).toBeLessThan(3000);
  expect(h.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  // History: one row per answer given by hand, one per automatic 該当なし, one for the change.
  expect(h.store.answers.history(assessment.id)).toHaveLength(94 + 1);
}, 120_000);
