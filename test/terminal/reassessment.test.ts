// At the terminal, a year after the first submission: the clinic starts from last year's answers, confirms
// the 前提 and eight areas unchanged at once, answers the two past 実施予定 and the regressed item, is refused
// 提出 while one item is unconfirmed, then submits. The PDF's 「前回との比較」 and the CSV export say what changed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { createReassessmentService } from '../../src/service/reassessment-service.ts';
import { createWorkspaceDirectory } from '../../src/service/workspace-directory.ts';
import { createStore } from '../../src/store/store.ts';
import { runTerminal } from '../../src/terminal/start-terminal.ts';
import { writeSubmittedReport } from '../../src/terminal/submitted-report.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { FIRST_SUBMISSION, ONE_YEAR_LATER, lastYearAnswers } from '../helpers/reassessment-story.ts';
import { runEntry } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { readPdfText, squash } from '../report/helpers/pdf-text.ts';

const flows = loadFlowsDir();
const flow = flows.get('mhlw-minimum-5.2')!;
const tempDir = useTempDir();

it('re-assessment at the terminal, one year later', async () => {
  const dir = tempDir();
  const dbFile = join(dir, 'k.sqlite');
  let now = FIRST_SUBMISSION;
  const clock = () => now;
  const store = createStore(dbFile, { now: clock });
  const service = createAssessmentService({ store, flows, clock });
  const reassessment = createReassessmentService({ store, service, clock });
  const directory = createWorkspaceDirectory({ store, channel: 'terminal', clock, defaultTimeZone: 'Asia/Tokyo' });

  const { organization, person, facility, participant } = directory.enterLocal({ facilityName: '本院', respondentName: '山田' });
  const lastYear = service.start({ organizationId: organization.id, facilityId: facility.id, respondentId: person.id, flowId: flow.id });
  submitThroughService(service, participant, lastYear.assessment.id, lastYearAnswers(flow));
  now = ONE_YEAR_LATER;

  const typed = [
    '本院',
    '山田',
    '1', // the checklist
    '1', // 前回の回答を引き継いで始める
    '', // intro
    '', // 前提の確認: the list, then one by one
    '0', '0', '0', '0', // each 前提: 変更なし
    '', // 組織的安全管理対策: two past dates, one item at a time
    '2 2027-06-30', // organizational.1 regressed
    '1', // organizational.2: planned for 2026-03-31, done…
    '2027-01-10', // …not in the future: refused
    '1',
    '2026-05-10', // …on 2026-05-10
    '0', // organizational.3 unchanged
    '2 2027-03-31', // organizational.4: planned for 2026-06-30, postponed
    's', // organizational.5 left for later
    ...Array.from({ length: 9 }, () => 'a'), // every other area: この分野はすべて変更なし
    'submit', // refused: organizational.5 is unconfirmed
    'e 1',
    '0',
    'submit',
  ];
  const output = new PassThrough();
  let transcript = '';
  output.on('data', (d: Buffer) => (transcript += d.toString('utf8')));
  const outDir = mkdtempSync(join(tmpdir(), 'kakunin-out-'));
  const end = await runTerminal({
    directory,
    service,
    reassessment,
    locale: 'ja',
    input: Readable.from([`${typed.join('\n')}\n`]),
    output,
    onSubmitted: (turn) => writeSubmittedReport({ directory, outDir, locale: 'ja' }, turn),
  });
  expect(end, transcript).toBe('submitted');

  expect(transcript).toContain('1) 前回（令和7年度・2025年12月1日提出）の回答を引き継いで始める');
  expect(transcript).toContain('2) 白紙から始める');
  expect(transcript).toContain('無線LANを利用していますか');
  expect(transcript).toContain('前回: 利用している');
  expect(transcript).toContain('2026年3月31日に実施予定でした。実施できましたか？');
  expect(transcript).toMatch(/2026年6月30日に実施予定でした。実施できましたか？\n.*\n.*\n {2}1\) 実施済\n {2}2\) 新しい実施時期…\n\[b\]/);
  expect(transcript).toContain('前回の回答（6項目）\n  1. 個人情報が保存されている機器の設置場所及び記録媒体の保存場所には施錠している。 — 実施済');
  expect(transcript).toContain('  【実施予定日が経過】2. 個人情報参照可能な場所においては');
  expect(transcript).toContain('a) この分野はすべて変更なし');
  expect(transcript).toContain('⚠ まだ確認していない項目が1件あるため提出できません。前回の回答のままなら「変更なし」を押してください：組織的安全管理対策 5.');
  expect(transcript).toContain('前回との比較（3件）:');
  expect(transcript).toMatch(/組織的安全管理対策 1\. .* — 後退（実施済 → 実施予定 2027年6月30日）/);
  expect(transcript).toContain('⚠ 実施日に未来の日付（2027年1月10日）は指定できません。今日（2026年12月1日）以前の日付を指定してください。');
  expect(transcript).toMatch(/組織的安全管理対策 2\. .* — 改善（2026年3月31日 → 実施済 2026年5月10日）/);
  expect(transcript).toMatch(/組織的安全管理対策 4\. .* — 時期変更（2026年6月30日 → 2027年3月31日、9か月後ろ倒し）/);
  expect(transcript).toContain('提出しました。');

  // The history: 80 items confirmed via the section steps by this person, at this moment.
  const current = store.assessments.listForFacility(organization.id, facility.id).find((a) => a.id !== lastYear.assessment.id)!;
  const bulk = store.reassessments.confirmations(current.id).filter((c) => c.via === 'section');
  expect(bulk).toHaveLength(80);
  expect(new Set(bulk.map((c) => `${c.personId} ${c.channel} ${c.at}`))).toEqual(new Set([`${person.id} terminal ${ONE_YEAR_LATER.toISOString()}`]));
  store.close();

  // The PDF written at 提出: its 「前回との比較」 page lists exactly the three changes.
  const pdfPath = /チェックリストのPDFを書き出しました: (.+\.pdf)/.exec(transcript)![1]!;
  const pages = await readPdfText(new Uint8Array(readFileSync(pdfPath)));
  const comparison = pages.map((p) => squash(p.pieces.map((x) => x.str).join(''))).find((text) => text.includes('前回との比較'))!;
  expect(comparison).toContain(squash('改善 1件　後退 1件　時期変更 1件'));
  expect(comparison.match(/(改善|後退|時期変更)（/g)).toEqual(['後退（', '改善（', '時期変更（']);

  // The CSV export (the CLI, as an operator runs it) has 前回の回答 and 変化.
  const csv = await runEntry('src/cli/main.ts', ['export', current.id, '--format', 'csv'], '', { KAKUNIN_DB: dbFile });
  expect(csv.stderr).toBe('');
  const records: string[][] = parse(csv.stdout, { bom: true, relax_column_count: false });
  expect(records[0]!.slice(-2)).toEqual(['前回の回答', '変化']);
  const changed = records.slice(1).filter((r) => r.at(-1) !== '');
  expect(changed.map((r) => [r[2], r.at(-2), r.at(-1)])).toEqual([
    ['organizational.1', '実施済', '後退（実施済 → 実施予定 2027年6月30日）'],
    ['organizational.2', '実施予定（2026年3月31日）', '改善（2026年3月31日 → 実施済 2026年5月10日）'],
    ['organizational.4', '実施予定（2026年6月30日）', '時期変更（2026年6月30日 → 2027年3月31日、9か月後ろ倒し）'],
  ]);
  expect(records).toHaveLength(91);
});
