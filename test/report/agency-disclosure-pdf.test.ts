// An agency fills in its 事業運営上開示すべき重要事項の概要. It is never asked 「ガイドラインの遵守」: the PDF ticks
// 遵守済 or 遵守していない from the organisation's latest submitted checklist and says which one, or leaves both
// boxes empty and says there is none yet.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { answersSchema, type Answers } from '../../src/flow/answer.ts';
import { loadFlowFile } from '../../src/flow/loader.ts';
import type { Flow } from '../../src/flow/model.ts';
import type { RelatedAssessments } from '../../src/report/related-assessment.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { fillThroughEngine } from '../helpers/fill-through-engine.ts';
import { mixedAnswers } from './fixtures/mixed-answers.ts';
import { readPdfText, squash } from './helpers/pdf-text.ts';

const fixture = z
  .object({ updatedOn: z.string(), answers: answersSchema })
  .parse(parse(readFileSync(new URL('../fixtures/agency-disclosure-sample.yaml', import.meta.url), 'utf8')));
const checklist = loadFlowFile(new URL('../../flows/mhlw-minimum-5.2.yaml', import.meta.url).pathname);
const withPlanned = mixedAnswers(checklist);
const allDone: Answers = Object.fromEntries(
  Object.entries(withPlanned).map(([id, a]) => [id, a.kind === 'planned' ? { kind: 'done' as const } : a]),
);

let flow: Flow;
let answers: Answers;
beforeAll(() => {
  flow = loadFlowFile(new URL('../../flows/agency-disclosure.yaml', import.meta.url).pathname);
  ({ answers } = fillThroughEngine(flow, fixture.answers));
});

async function formText(related: RelatedAssessments): Promise<string> {
  const pdf = await renderReport({
    flow,
    answers,
    facilityName: '株式会社けんしんデータサービス',
    respondentName: '',
    updatedOn: fixture.updatedOn,
    assessmentId: 'as_agency',
    related,
  });
  return squash((await readPdfText(pdf)).flatMap((p) => p.pieces.map((piece) => piece.str)).join(''));
}

const submitted = (answers: Answers) => ({
  'guideline-checklist': { flow: checklist, answers, assessmentId: 'as_chk_2026', facilityName: '本社', submittedOn: '2026-10-01' },
});

describe('ガイドラインの遵守 on the agency form', () => {
  test('with an all-done checklist: ■ 最低限のガイドラインを遵守済, and which checklist it came from', async () => {
    const text = await formText(submitted(allDone));
    expect(text).toContain(squash('ガイドラインの遵守 注8) ■最低限のガイドラインを遵守済 □最低限のガイドラインを遵守していない'));
    expect(text).toContain(
      squash('本社の「医療情報システムの安全管理に関するガイドライン 第5.2版 最低限のガイドライン遵守チェックリスト」（2026年10月1日提出・回答ID as_chk_2026）による。'),
    );
  });

  test('with a planned item: ■ 最低限のガイドラインを遵守していない', async () => {
    const text = await formText(submitted(withPlanned));
    expect(text).toContain(squash('□最低限のガイドラインを遵守済 ■最低限のガイドラインを遵守していない'));
  });

  test('with no checklist yet: both boxes empty and the reason', async () => {
    const text = await formText({});
    expect(text).toContain(squash('□最低限のガイドラインを遵守済 □最低限のガイドラインを遵守していない'));
    expect(text).toContain(squash('提出済みの「最低限のガイドライン遵守チェックリスト」がないため、記入していません。'));
  });
});

describe('the rest of the agency form', () => {
  let text: string;
  beforeAll(async () => {
    text = await formText({});
  });

  test('prints the title, 最終更新日 and the basic information with ■ on the chosen category', () => {
    expect(text).toContain(squash('事業運営上開示すべき重要事項の概要[代行機関]'));
    expect(text).toContain('最終更新日2026年11月22日');
    expect(text).toContain(squash('機関名注1) 株式会社けんしんデータサービス'));
    expect(text).toContain(
      squash('代行機関の分類注3) □医療保険者サイド ■健診・保健指導機関サイド（健診機関グループ） □健診・保健指導機関サイド（健診機関グループ以外）'),
    );
  });

  test('prints details inside the fields they belong to, as the form does', () => {
    expect(text).toContain(squash('施設数(サポート拠点数) 2箇所（都道府県名：東京都、大阪府）'));
    expect(text).toContain(squash('類似業務・サービスの提供実績注7) ■有（内容：健診データの受領・振分（2015年〜）） □無'));
    expect(text).toContain(squash('■その他（受診券の発行代行）'));
    expect(text).toContain(squash('■可（選択可能な機能：事務点検のみの利用） □否'));
    expect(text).toContain(squash('□可（選択可能な機能：　） ■否'));
    expect(text).toContain(squash('データ授受の方法 外部から機関へ ■オンライン(IP-VPN) ■オフライン(書留郵便)'));
    expect(text).toContain(squash('データ授受の方法 機関から外部へ ■オンライン(IP-VPN) □オフライン(送付手段)'));
  });

  test('prints counts with their units and fees per payer', () => {
    expect(text).toContain(squash('従事する職員の数注4)注5) 専任 機関本体 12人 協力・関係会社 3人 兼任 機関本体 4人 協力・関係会社 人'));
    expect(text).toContain(squash('処理可能件数(設計値) 年間 1,200,000件 1日当たり 10,000件'));
    expect(text).toContain(squash('保険者 健診・保健指導機関 初期費用 50,000円 30,000円'));
    expect(text).toContain(squash('固定費 10,000円/月'));
    expect(text).toContain(squash('提供開始の年月日注9) 2015年4月1日'));
  });
});
