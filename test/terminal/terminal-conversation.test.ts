import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { createStore } from '../../src/store/store.ts';
import { runEntry } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const checklist = loadFlowsDir().get('mhlw-minimum-5.2')!;
const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** Typed answers for every section after the gates, all gates answered 「いいえ」 (11 items 該当なし). */
function answersAfterGates(): string[] {
  const gated = new Set(['technical.18', 'technical.19', 'technical.20', 'technical.21', 'technical.22', 'technical.23', 'technical.24', 'contractors.1', 'contractors.2', 'contractors.3', 'takeout.10']);
  const out: string[] = [];
  for (const section of checklist.sections.filter((s) => s.kind !== 'gates')) {
    const items = section.items.filter((i) => !gated.has(i.id));
    if (items.length === 0) continue;
    out.push(''); // the section's introduction
    for (const item of items) out.push(item.id === 'physical.5' ? '2 2027-03-31' : item.id === 'external.12' ? '2 令和9年6月30日' : '1');
  }
  return out;
}

describe('terminal conversation as a child process', () => {
  const tempDir = useTempDir();

  it('manager starts, pauses, resumes in a second process and submits; the summary and PDF follow', async () => {
    const dir = tempDir();
    const env = { KAKUNIN_DB: join(dir, 'k.sqlite'), KAKUNIN_OUT_DIR: join(dir, 'out'), KAKUNIN_TIME_ZONE: 'Asia/Tokyo' };
    const rest = answersAfterGates();
    // First process: choose the checklist, answer the gates and the first section's first question, pause.
    const first = await runEntry('src/main.ts', [], lines('本院', '山田太郎', '1', '', '', '2', '2', '2', '2', rest[0]!, rest[1]!, 'p'), env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('中断しました。回答は保存されています。');

    // Second process: the paused assessment is offered first; it resumes at the next question.
    const second = await runEntry('src/main.ts', [], lines('本院', '山田太郎', '1', ...rest.slice(2), 'submit'), env);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/続きから再開できる点検\n {2}1\) 医療情報システムの安全管理に関するガイドライン 第5\.2版 最低限のガイドライン遵守チェックリスト（本院・\d{4}年\d{1,2}月\d{1,2}日開始・回答 12\/90）/);
    expect(second.stdout).toContain('━━ 組織的安全管理対策 2/5・全体 2/90');
    expect(second.stdout).toContain('提出しました。');
    expect(second.stdout).toContain('技術的安全管理対策: 実施済 17・実施予定 0・該当なし 7・未回答 0');
    expect(second.stdout).toMatch(/実施予定の項目:\n {2}2027年3月31日 {2}物理的安全管理対策 5\. .*\n {2}2027年6月30日 {2}外部と個人情報を含む医療情報を交換する場合の安全管理 12\./);
    const pdfPath = /チェックリストのPDFを書き出しました: (.+\.pdf)/.exec(second.stdout)?.[1];
    expect(pdfPath && existsSync(pdfPath)).toBe(true);
    expect(readFileSync(pdfPath!).subarray(0, 5).toString()).toBe('%PDF-');

    // Every answer is in the SQLite file.
    const store = createStore(env.KAKUNIN_DB);
    const [assessment] = store.assessments.listForPerson('local', store.people.ensureLocal('local', '山田太郎').id);
    expect(assessment?.status).toBe('submitted');
    expect(Object.keys(store.answers.current(assessment!.id))).toHaveLength(94);
    store.close();
  });

  it('end of input in the middle pauses the assessment; no answer is lost', async () => {
    const dir = tempDir();
    const env = { KAKUNIN_DB: join(dir, 'k.sqlite'), KAKUNIN_OUT_DIR: join(dir, 'out') };
    const r = await runEntry('src/main.ts', [], lines('本院', '佐藤', '2', '', '', '1', '', '2'), env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('実施時期を入力してください');
    expect(r.stdout).toContain('入力が終わったため中断しました。回答は保存されています。');
    const store = createStore(env.KAKUNIN_DB);
    const [a] = store.assessments.listForPerson('local', store.people.ensureLocal('local', '佐藤').id);
    expect(a?.status).toBe('paused');
    expect(store.answers.current(a!.id)['scope.wireless-lan']).toEqual({ kind: 'yesno', value: true });
    store.close();
  });

  it('an unreadable or past date is explained and asked again; nothing is stored', async () => {
    const dir = tempDir();
    const env = { KAKUNIN_DB: join(dir, 'k.sqlite'), KAKUNIN_OUT_DIR: join(dir, 'out') };
    const r = await runEntry('src/main.ts', [], lines('本院', '佐藤', '2', '', '', '1', '', '2 2026/13/01', '2020-01-01', 'p'), env);
    expect(r.stdout).toContain('「2026/13/01」は日付として読み取れません。');
    expect(r.stdout).toContain('実施時期に過去の日付（2020年1月1日）は指定できません。');
    const store = createStore(env.KAKUNIN_DB);
    const [a] = store.assessments.listForPerson('local', store.people.ensureLocal('local', '佐藤').id);
    expect(store.answers.current(a!.id)['measures.1']).toBeUndefined();
    store.close();
  });

  it('an invalid setting stops start-up with one line naming the variable', async () => {
    const r = await runEntry('src/main.ts', [], '', { KAKUNIN_TIME_ZONE: 'Mars/Base', KAKUNIN_DB: join(tempDir(), 'k.sqlite') });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('設定エラー / config error: KAKUNIN_TIME_ZONE="Mars/Base" — expected an IANA time zone such as Asia/Tokyo');
  });
});

describe('terminal conversation with a form flow', () => {
  const tempDir = useTempDir();

  it('a pharmacy fills in the security policy and gets the policy PDF in its own wording', async () => {
    const dir = tempDir();
    const env = { KAKUNIN_DB: join(dir, 'k.sqlite'), KAKUNIN_OUT_DIR: join(dir, 'out') };
    const input = lines(
      'さくら薬局 本店', '山田', '5',
      '', '', '3', 'さくら薬局', '山田 一郎', // intro, 施設: 種類 薬局, 名称, 施設の長
      '', '1', '副薬局長 鈴木 花子', '事務長 高橋 次郎', // 管理体制
      '', '2', // ２要素認証 なし
      '', '2026/12/01', // 適用年月日
      'submit',
    );
    const r = await runEntry('src/main.ts', [], input, env);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('提出しました。');
    const pdfPath = /PDFを書き出しました: (.+\.pdf)/.exec(r.stdout)?.[1];
    const { readPdfText, squash } = await import('../report/helpers/pdf-text.ts');
    const text = squash((await readPdfText(new Uint8Array(readFileSync(pdfPath!)))).flatMap((p) => p.pieces.map((x) => x.str)).join(''));
    expect(text).toContain('さくら薬局（以下「当薬局」という。）');
    expect(text).toContain('薬局長をもって、これに充てる');
    expect(text).toContain('令和8年12月1日より適用する');
    expect(text).toContain('最長でも２か月以内に変更する');
  });

  it('the agency form with no checklist yet says so and offers the checklist first; 2 goes on with the form', async () => {
    const dir = tempDir();
    const env = { KAKUNIN_DB: join(dir, 'k.sqlite'), KAKUNIN_OUT_DIR: join(dir, 'out') };
    const first = await runEntry('src/main.ts', [], lines('本社', '山田', '3', '1'), env);
    expect(first.stdout).toContain('まだ提出されたチェックリストがありません。');
    expect(first.stdout).toContain('  1) 先に「医療情報システムの安全管理に関するガイドライン 第5.2版 最低限のガイドライン遵守チェックリスト」を始める\n  2) このまま始める');
    expect(first.stdout).toContain('━━ 医療情報システムの安全管理に関するガイドライン 第5.2版 最低限のガイドライン遵守チェックリスト ━━');

    const second = await runEntry('src/main.ts', [], lines('本社', '山田', '4', '2'), env);
    expect(second.stdout).toContain('━━ 事業運営上開示すべき重要事項の概要[代行機関] ━━');
    // Offered again (still nothing submitted): 1 continues the checklist already under way.
    const third = await runEntry('src/main.ts', [], lines('本社', '山田', '5', '1'), env);
    expect(third.stdout).toContain('━━ 医療情報システムの安全管理に関するガイドライン 第5.2版 最低限のガイドライン遵守チェックリスト ━━');
    const store = createStore(env.KAKUNIN_DB);
    const person = store.people.ensureLocal('local', '山田');
    expect(store.assessments.listForPerson('local', person.id).map((a) => a.flowId).sort()).toEqual(['agency-disclosure', 'mhlw-minimum-5.2']);
    store.close();
  });
});
