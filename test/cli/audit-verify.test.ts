// An inspector takes a printed report and asks whether the answers behind it were changed since:
// `kakunin audit verify --hash` finds the report's hash in the history, and after someone edits the
// database by hand, `audit verify` names the row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PDFDocument } from 'pdf-lib';
import { expect, test } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { createStore } from '../../src/store/store.ts';
import { runEntry } from '../helpers/run-cli.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import { readPdfText } from '../report/helpers/pdf-text.ts';

const tempDir = useTempDir('kakunin-audit-');

function submittedAssessment(db: string) {
  const flows = loadFlowsDir();
  const store = createStore(db);
  const service = createAssessmentService({ store, flows });
  const org = store.organizations.ensureLocal();
  const facility = store.facilities.ensure(org.id, '本院');
  const manager = store.people.ensureLocal(org.id, '山田');
  const { assessment } = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: manager.id, flowId: 'mhlw-minimum-5.2' });
  submitThroughService(service, { organizationId: org.id, personId: manager.id, channel: 'terminal' }, assessment.id, mixedAnswers(flows.get('mhlw-minimum-5.2')!));
  const rows = store.answers.history(assessment.id).length;
  const events = store.lifecycleEvents.list(assessment.id).length;
  store.close();
  return { id: assessment.id, rows, events };
}

test('a report’s hash is found in the history; a hand edit afterwards is named by row', { timeout: 60_000 }, async () => {
  const dir = tempDir();
  const db = join(dir, 'kakunin.sqlite');
  const env = { KAKUNIN_DB: db };
  const { id, rows, events } = submittedAssessment(db);

  const json = await runEntry('src/cli/main.ts', ['export', id, '--format', 'json'], '', env);
  expect(json.code).toBe(0);
  const head = (JSON.parse(json.stdout) as { historyHead: string }).historyHead;
  expect(head).toMatch(/^[0-9a-f]{64}$/);

  const pdfFile = join(dir, 'report.pdf');
  expect((await runEntry('src/cli/main.ts', ['report', id, '--out', pdfFile], '', env)).code).toBe(0);
  const pages = await readPdfText(new Uint8Array(readFileSync(pdfFile)));
  const printed = head.slice(0, 16);
  for (const page of pages) expect(page.pieces.map((p) => p.str).join(' ')).toContain(`履歴 ${printed}`);
  const meta = await PDFDocument.load(readFileSync(pdfFile), { updateMetadata: false });
  expect(meta.getKeywords()).toBe(`kakunin-history-head:${head}`);

  const clean = await runEntry('src/cli/main.ts', ['audit', 'verify'], '', env);
  expect(clean.stdout).toContain(`改ざんは検出されませんでした（${rows + events}件）`);
  expect(clean.code).toBe(0);

  const byHash = await runEntry('src/cli/main.ts', ['audit', 'verify', '--hash', printed], '', env);
  expect(byHash.stdout).toContain(`このハッシュは点検 ${id} の履歴 ${rows}件目`);
  expect(byHash.stdout).toContain('その後の変更はありません。');
  expect(byHash.code).toBe(0);

  // Someone with the file changes one answer and fixes the answers table to match.
  const raw = new Database(db);
  raw.exec('DROP TRIGGER answer_history_no_update');
  const target = raw.prepare("SELECT id FROM answer_history WHERE item_id = 'technical.1'").pluck().get() as number;
  raw.exec(`UPDATE answer_history SET new_answer_json = '{"kind":"not_done"}' WHERE id = ${target}`);
  raw.close();

  const tampered = await runEntry('src/cli/main.ts', ['audit', 'verify', '--assessment', id], '', env);
  expect(tampered.code).toBe(1);
  expect(tampered.stderr).toContain('改ざんを検出しました');
  expect(tampered.stderr).toContain(`answer_history 点検 ${id}`);
  expect(tampered.stderr).toContain(`（id ${target}）: 書き込み後に内容が変更されています`);
  expect(tampered.stderr).toContain('項目 technical.1: 現在の回答が履歴と一致しません');

  const unknown = await runEntry('src/cli/main.ts', ['audit', 'verify', '--hash', 'f'.repeat(16)], '', env);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('このハッシュは履歴にありません');
});
