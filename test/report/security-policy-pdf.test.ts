// A pharmacy and a clinic answer the policy questions and each gets its own policy as a PDF: the model's ten
// articles and 別表 in its wording, under its name, applying from the day it chose (in 令和).
import { beforeAll, describe, expect, test } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import { loadFlowFile } from '../../src/flow/loader.ts';
import type { Flow } from '../../src/flow/model.ts';
import { renderReport } from '../../src/report/render-report.ts';
import type { RelatedAssessments } from '../../src/report/related-assessment.ts';
import type { ReportApproval } from '../../src/report/report-input.ts';
import { fillThroughEngine } from '../helpers/fill-through-engine.ts';
import { readPdfText, squash, type PdfPage } from './helpers/pdf-text.ts';

let flow: Flow;
let measuresFlow: Flow;
beforeAll(() => {
  flow = loadFlowFile(new URL('../../flows/security-policy.yaml', import.meta.url).pathname);
  measuresFlow = loadFlowFile(new URL('../../flows/online-qualification-measures.yaml', import.meta.url).pathname);
});

const pharmacy: Answers = {
  'facility.type': { kind: 'single', value: 'pharmacy' },
  'facility.name': { kind: 'text', value: '株式会社さくら さくら調剤薬局' },
  'facility.head-name': { kind: 'text', value: '山田 太郎' },
  'roles.system-admin': { kind: 'single', value: 'designated' },
  'roles.system-admin-name': { kind: 'text', value: '事務長 佐藤 一郎' },
  'roles.information-manager': { kind: 'text', value: '薬剤師 鈴木 花子' },
  'roles.operations-manager': { kind: 'text', value: '事務員 高橋 次郎' },
  'auth.two-factor': { kind: 'yesno', value: true },
  'policy.effective-date': { kind: 'date', value: '2026-12-01' },
};
const clinic: Answers = {
  ...pharmacy,
  'facility.type': { kind: 'single', value: 'clinic' },
  'facility.name': { kind: 'text', value: '医療法人社団 さくら会 さくら内科医院' },
  'roles.system-admin': { kind: 'single', value: 'head' },
  'auth.two-factor': { kind: 'yesno', value: false },
  'policy.effective-date': { kind: 'date', value: '2027-04-01' },
};

async function render(answers: Answers, related: RelatedAssessments = {}, approval?: ReportApproval | null): Promise<{ pages: PdfPage[]; text: string }> {
  const filled = fillThroughEngine(flow, answers);
  const pdf = await renderReport({
    flow,
    answers: filled.answers,
    facilityName: '',
    respondentName: '',
    updatedOn: '2026-11-22',
    assessmentId: 'as_policy',
    related,
    ...(approval !== undefined ? { approval } : {}),
  });
  const pages = await readPdfText(pdf);
  return { pages, text: squash(pages.flatMap((p) => p.pieces.map((piece) => piece.str)).join('')) };
}

describe('a pharmacy’s policy', () => {
  let text: string;
  let pages: PdfPage[];
  beforeAll(async () => {
    ({ text, pages } = await render(pharmacy));
  });

  test('is titled as its own policy, with its name', () => {
    expect(text).toContain(squash('オンライン資格確認等システム及びレセプトのオンライン請求システムに係る安全対策の規程株式会社さくら さくら調剤薬局'));
    expect(text).not.toContain('規程例');
  });

  test('speaks of 当薬局 and 薬局長, never of a 医院', () => {
    expect(text).toContain(squash('本規程は、株式会社さくら さくら調剤薬局（以下「当薬局」という。）'));
    expect(text).toContain(squash('当薬局に、オンライン資格確認等システム管理者（以下「システム管理者」という。）を置き、薬局長をもって、これに充てる。'));
    expect(text).not.toMatch(/医院/);
  });

  test('has all ten articles and 別表, with the roles, the two-factor clause and the start date filled', () => {
    for (const heading of ['１目的', '２組織・体制', '３システム管理者の責務', '４情報管理責任者の責務', '５運用責任者の責務', '６利用者の責務', '７規程に対する違反への対応', '８評価・見直し', '９その他', '10適用年月日', '別表：本システム導入のために特に留意すべきセキュリティ対策'])
      expect(text).toContain(heading);
    expect(text).toContain(squash('システム管理者 事務長 佐藤 一郎（薬局長が指名）'));
    expect(text).toContain(squash('２要素認証を採用している場合を除き、利用者は、パスワードを定期的に変更する。'));
    expect(text).toContain('本規程は令和8年12月1日より適用する。');
    expect(text).not.toMatch(/[○〇]|\{\w+\}/);
  });

  test('numbers its pages "n / N"', () => {
    pages.forEach((page, i) => expect(page.pieces.map((p) => p.str)).toContain(`${i + 1} / ${pages.length}`));
  });
});

describe('a clinic’s policy', () => {
  test('speaks of 当医院 and 医院長, and asks for password changes without two-factor authentication', async () => {
    const { text } = await render(clinic);
    expect(text).toContain(squash('本規程は、医療法人社団 さくら会 さくら内科医院（以下「当医院」という。）'));
    expect(text).toContain(squash('システム管理者 医院長 山田 太郎'));
    expect(text).toContain(squash('利用者は、パスワードを定期的に変更する。（最長でも２か月以内に変更する）'));
    expect(text).toContain('本規程は令和9年4月1日より適用する。');
    expect(text).not.toMatch(/薬局/);
  });

  test('shows the status of each 別表 measure when the clinic has submitted that self-assessment', async () => {
    const measures: Answers = {
      'scope.wireless-lan': { kind: 'yesno', value: true },
      ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((n) => [`measures.${n}`, { kind: 'done' as const }])),
      'measures.8': { kind: 'planned', date: '2027-03-31' },
    };
    const { text } = await render(clinic, {
      measures: { flow: measuresFlow, answers: measures, assessmentId: 'as_measures', facilityName: 'さくら内科医院', submittedOn: '2026-11-20' },
    });
    expect(text).toContain(squash('No 対策 実施状況 1 本システムへのアクセスについては、利用者の識別と認証を行うこと。 実施済'));
    expect(text).toContain(squash('医療機関間の通信を制限する仕組みを導入していることを確認すること。 実施予定（2027年3月31日）'));
    expect(text).toContain('回答IDas_measures');
  });
});

describe('the approval box under the policy’s name', () => {
  test('says who approved the policy and when, once a lead has', async () => {
    const { text, pages } = await render(clinic, {}, { approverName: '田中 院長', approvedOn: '2026-11-25' });
    expect(text).toContain(squash('医療法人社団 さくら会 さくら内科医院 承認 承認者 田中 院長 承認日 2026年11月25日 １目的'));
    expect(pages[0]!.pieces.map((p) => p.str).join('')).toContain('田中 院長');
  });

  test('says 未承認 while the policy waits for a lead, and is left out where the report has no approval to show', async () => {
    expect((await render(clinic, {}, null)).text).toContain(squash('さくら内科医院 承認 未承認 １目的'));
    expect((await render(clinic)).text).not.toContain('承認者');
    expect((await render(clinic)).text).not.toContain('未承認');
  });
});
