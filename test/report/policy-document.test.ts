// The security policy a clinic adopts is the MHLW model policy word for word, with its ○○ filled and its
// wording fitted to the kind of facility: 当医院・医院長 for a clinic, 当薬局・薬局長 for a pharmacy, and so on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import { loadFlowFile } from '../../src/flow/loader.ts';
import { buildPolicyDocument, type PolicyDocument } from '../../src/report/policy/policy-document.ts';
import { loadPolicyTemplate } from '../../src/report/policy/policy-template.ts';

const template = loadPolicyTemplate('security-policy');
const flow = loadFlowFile(new URL('../../flows/security-policy.yaml', import.meta.url).pathname);
const measuresFlow = loadFlowFile(new URL('../../flows/online-qualification-measures.yaml', import.meta.url).pathname);
const seed = readFileSync(new URL('../fixtures/seed-security-policy.txt', import.meta.url), 'utf8');

function answersFor(type: string, name: string, extra: Answers = {}): Answers {
  return {
    'facility.type': { kind: 'single', value: type },
    'facility.name': { kind: 'text', value: name },
    'facility.head-name': { kind: 'text', value: '山田 太郎' },
    'roles.system-admin': { kind: 'single', value: 'head' },
    'roles.system-admin-name': { kind: 'na', auto: true },
    'roles.information-manager': { kind: 'text', value: '副院長 鈴木 花子' },
    'roles.operations-manager': { kind: 'text', value: '医事課長 高橋 次郎' },
    'auth.two-factor': { kind: 'yesno', value: false },
    'policy.effective-date': { kind: 'date', value: '2026-12-01' },
    ...extra,
  };
}

const build = (answers: Answers, related = {}) => buildPolicyDocument(template, { flow, answers, related, locale: 'ja' });

/** All the words of the articles, in order. */
function articlesText(doc: PolicyDocument, options: { withRolesTable: boolean } = { withRolesTable: true }): string {
  return doc.articles
    .flatMap((a) => [
      a.heading,
      ...a.blocks.flatMap((b) => {
        switch (b.kind) {
          case 'paragraph':
            return [b.text];
          case 'list':
            return b.items;
          case 'table':
            return b.header && !options.withRolesTable ? [] : [...(b.header ?? []), ...b.rows.flat()];
          case 'status-table':
            return b.rows.flatMap((r) => [r.number, r.text, r.status ?? '']);
        }
      }),
    ])
    .join('\n');
}

const squash = (text: string) => text.replace(/\s+/g, '');

describe('the policy text', () => {
  it('is the model policy verbatim, from 「１ 目的」 to the last measure of 別表, once its ○○ are filled', () => {
    const clinic = build(answersFor('clinic', '〇〇医院'));
    const model = seed
      .slice(seed.indexOf('１　目的'))
      .replace(/\[bookmark: [^\]]*\]/g, '')
      .replace(/·/g, '')
      // The two places the answers settle: the password clause (no two-factor authentication) and the date.
      .replace('２要素認証を採用している場合を除き、', '')
      .replace('令和○年○月○日', '令和8年12月1日');
    expect(squash(articlesText(clinic, { withRolesTable: false }))).toBe(squash(model));
  });

  it('is titled as the facility’s own policy, with its name under the title', () => {
    const doc = build(answersFor('clinic', 'さくら内科医院'));
    expect(doc.title).toBe('オンライン資格確認等システム及びレセプトのオンライン請求システム\nに係る安全対策の規程');
    expect(doc.subtitle).toBe('さくら内科医院');
  });
});

describe('wording by the kind of facility', () => {
  it('a 医院 says 当医院 and 医院長', () => {
    const text = articlesText(build(answersFor('clinic', 'さくら内科医院')));
    expect(text).toContain('本規程は、さくら内科医院（以下「当医院」という。）がオンライン資格確認システム');
    expect(text).toContain('当医院に、オンライン資格確認等システム管理者（以下「システム管理者」という。）を置き、医院長をもって、これに充てる。');
    expect(text).toContain('その他、本規程の実施に関し必要な事項がある場合については、医院長がこれを定める。');
    expect(text).not.toMatch(/薬局|病院長|当ステーション/);
  });

  it('a 薬局 says 当薬局 and 薬局長 wherever the model says 当医院 and 医院長', () => {
    const text = articlesText(build(answersFor('pharmacy', '株式会社さくら さくら調剤薬局')));
    expect(text).toContain('本規程は、株式会社さくら さくら調剤薬局（以下「当薬局」という。）がオンライン資格確認システム');
    expect(text).toContain('当薬局に、オンライン資格確認等システム管理者（以下「システム管理者」という。）を置き、薬局長をもって、これに充てる。');
    expect(text).toContain('薬局長は、必要な場合、システム管理者を別に指名することができる。');
    expect(text).toContain('情報管理責任者及び運用責任者は、薬局長が指名することができる。');
    expect(text).toContain('当薬局内において定義した機密性分類に従って');
    expect(text).toContain('当薬局は「別表：本システム導入のために特に留意すべきセキュリティ対策」に示す技術的対策等を行う。');
    expect(text).not.toMatch(/医院/);
  });

  it('a hospital and a home-visit nursing station get theirs', () => {
    expect(articlesText(build(answersFor('hospital', '中央病院')))).toContain('当病院に、オンライン資格確認等システム管理者（以下「システム管理者」という。）を置き、病院長をもって');
    const station = articlesText(build(answersFor('nursing-station', 'さくら訪問看護ステーション')));
    expect(station).toContain('（以下「当ステーション」という。）');
    expect(station).toContain('管理者が指名することができる。');
  });

  it('leaves no ○○ and no {placeholder} unfilled', () => {
    for (const type of ['clinic', 'hospital', 'pharmacy', 'nursing-station']) {
      const doc = build(answersFor(type, 'テスト'));
      const all = [doc.title, doc.subtitle, articlesText(doc)].join('\n');
      expect(all, type).not.toMatch(/[○〇]|\{\w+\}/);
    }
  });
});

describe('the password clause follows two-factor authentication', () => {
  it('without it, users change passwords at least every two months', () => {
    const text = articlesText(build(answersFor('clinic', 'さくら内科医院')));
    expect(text).toContain('本システムで取り扱うシステムにおいて、利用者は、パスワードを定期的に変更する。（最長でも２か月以内に変更する）');
    expect(text).not.toContain('２要素認証');
  });

  it('with it, the model policy’s own conditional clause prints, word for word', () => {
    const text = articlesText(build(answersFor('clinic', 'さくら内科医院', { 'auth.two-factor': { kind: 'yesno', value: true } })));
    const seed = readFileSync(new URL('../fixtures/seed-security-policy.txt', import.meta.url), 'utf8');
    const modelClause = /本システムで取り扱うシステムにおいて、２要素認証を採用している場合を除き[^\n]+/.exec(seed)![0];
    expect(text).toContain(modelClause);
    expect(text).not.toContain('パスワードの定期的な変更は要しない');
    // The clause on weak passwords applies either way.
    expect(text).toContain('利用者は、パスワードについて、類推しやすい文字列');
  });
});

describe('who holds the roles', () => {
  const rolesTable = (doc: PolicyDocument) => doc.articles[1]!.blocks.find((b) => b.kind === 'table');

  it('lists the head as system administrator by default, and the two named managers', () => {
    expect(rolesTable(build(answersFor('clinic', 'さくら内科医院')))).toMatchObject({
      header: ['役割', '担当者'],
      rows: [
        ['システム管理者', '医院長　山田 太郎'],
        ['情報管理責任者', '副院長 鈴木 花子'],
        ['運用責任者', '医事課長 高橋 次郎'],
      ],
    });
  });

  it('names the person the head designated', () => {
    const answers = answersFor('pharmacy', 'さくら調剤薬局', {
      'roles.system-admin': { kind: 'single', value: 'designated' },
      'roles.system-admin-name': { kind: 'text', value: '事務長 佐藤 一郎' },
    });
    expect(rolesTable(build(answers))).toMatchObject({ rows: [['システム管理者', '事務長 佐藤 一郎（薬局長が指名）'], expect.anything(), expect.anything()] });
  });
});

describe('別表 with the facility’s self-assessment of the 8 measures', () => {
  const table = (doc: PolicyDocument) => doc.articles.at(-1)!.blocks[0]!;

  it('lists the 8 measures alone when there is no submitted self-assessment', () => {
    const t = table(build(answersFor('clinic', 'さくら内科医院')));
    expect(t).toMatchObject({ kind: 'status-table', header: ['No', '対策'], basis: undefined });
    expect(t.kind === 'status-table' && t.rows.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(t.kind === 'status-table' && t.rows.every((r) => r.status === undefined)).toBe(true);
  });

  it('adds each measure’s status and says which assessment it came from', () => {
    const measures: Answers = {
      'scope.wireless-lan': { kind: 'yesno', value: false },
      ...Object.fromEntries([1, 2, 4, 5, 6, 8].map((n) => [`measures.${n}`, { kind: 'done' }])),
      'measures.3': { kind: 'planned', date: '2027-03-31' },
      'measures.7': { kind: 'na', auto: true },
    };
    const related = { measures: { flow: measuresFlow, answers: measures, assessmentId: 'as_m1', facilityName: 'さくら内科医院', submittedOn: '2026-11-20' } };
    const t = table(build(answersFor('clinic', 'さくら内科医院'), related));
    expect(t.kind === 'status-table' && t.header).toEqual(['No', '対策', '実施状況']);
    expect(t.kind === 'status-table' && t.rows.map((r) => r.status)).toEqual([
      '実施済',
      '実施済',
      '実施予定（2027年3月31日）',
      '実施済',
      '実施済',
      '実施済',
      '該当なし',
      '実施済',
    ]);
    expect(t.kind === 'status-table' && t.basis).toBe(
      '実施状況は、さくら内科医院の「オンライン資格確認等システム及びレセプトのオンライン請求システムに係る安全対策（別表）」（2026年11月20日提出・回答ID as_m1）による。',
    );
  });
});
