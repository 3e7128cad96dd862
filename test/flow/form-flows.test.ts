// The three form flows: the security policy, and the two disclosure forms (保健指導機関, 代行機関). They load,
// each names a report template of the right kind, and the rules printed in the forms' notes are answer rules.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateAnswer } from '../../src/engine/validate-answer.ts';
import { loadFlowsDir, requireFlow } from '../../src/flow/loader.ts';
import { findItem, itemRefs, type Flow } from '../../src/flow/model.ts';
import { reportRendererOf } from '../../src/report/report-renderer.ts';

let flows: Map<string, Flow>;
beforeAll(() => {
  flows = loadFlowsDir();
});

const today = '2026-11-22';
const check = (flowId: string, itemId: string, answer: Parameters<typeof validateAnswer>[1]) =>
  validateAnswer(findItem(requireFlow(flows, flowId), itemId)!.item, answer, today);

describe.each([
  ['security-policy', 'security-policy', 'policy'],
  ['health-guidance-disclosure', 'health-guidance-disclosure-pdf', 'form'],
  ['agency-disclosure', 'agency-disclosure-pdf', 'form'],
] as const)('the %s flow', (id, template, renderer) => {
  const flow = () => requireFlow(flows, id);

  it(`is a form rendered by templates/${template}.yaml (${renderer})`, () => {
    expect(flow().kind).toBe('form');
    expect(flow().report).toBe(template);
    expect(reportRendererOf(template)).toBe(renderer);
  });

  it('names its source and has Japanese and English titles', () => {
    expect(flow().source).toBeTruthy();
    expect(flow().title.en).toBeTruthy();
    expect(flow().description?.en).toBeTruthy();
    for (const section of flow().sections) expect(section.title.en, section.id).toBeTruthy();
    for (const { item } of itemRefs(flow())) expect(item.text.en, item.id).toBeTruthy();
  });

  it('draws only on flows that exist', () => {
    for (const related of flow().related ?? []) expect(flows.has(related.flow), related.flow).toBe(true);
  });
});

describe('the security policy flow', () => {
  const flow = () => requireFlow(flows, 'security-policy');

  it('asks the facility type, name and head, the three role holders, two-factor authentication and the start date', () => {
    expect(itemRefs(flow()).map((r) => r.item.id)).toEqual([
      'facility.type',
      'facility.name',
      'facility.head-name',
      'roles.system-admin',
      'roles.system-admin-name',
      'roles.information-manager',
      'roles.operations-manager',
      'auth.two-factor',
      'policy.effective-date',
    ]);
    const type = findItem(flow(), 'facility.type')!.item.answer;
    expect(type.type === 'single' && type.options.map((o) => o.label.ja)).toEqual(['医院', '病院', '薬局', '訪問看護ステーション']);
  });

  it('asks for a designated system administrator only when the head does not hold the role', () => {
    const gate = findItem(flow(), 'roles.system-admin-name')!.item.when!;
    expect(gate.condition).toEqual({ item: 'roles.system-admin', equals: 'designated' });
  });

  it('appends the facility’s 別表 self-assessment when there is one, without requiring it', () => {
    expect(flow().related).toEqual([{ id: 'measures', flow: 'online-qualification-measures', scope: 'facility' }]);
  });
});

describe('運営についての重要事項に関する規程の概要[保健指導機関]: the notes’ rules', () => {
  it('注17: 「特に無し」 cannot be chosen with another additional service', () => {
    expect(check('health-guidance-disclosure', 'operations.extras', { kind: 'multi', values: ['none', 'analysis'] })).toEqual({
      code: 'multi.exclusive',
      params: { option: '特に無し' },
    });
    expect(check('health-guidance-disclosure', 'operations.extras', { kind: 'multi', values: ['none'] })).toBeUndefined();
    expect(check('health-guidance-disclosure', 'operations.extras', { kind: 'multi', values: ['survey', 'notices'] })).toBeUndefined();
  });

  it('注18: exactly one standard period, as a single choice', () => {
    const period = findItem(requireFlow(flows, 'health-guidance-disclosure'), 'operations.standard-period')!.item.answer;
    expect(period.type).toBe('single');
    expect(check('health-guidance-disclosure', 'operations.standard-period', { kind: 'multi', values: ['3-months', '6-months'] })?.code).toBe(
      'answer.kindMismatch',
    );
  });

  it('注15: 特定時期 or 通年 or both, but not neither', () => {
    const schedule = (cells: Record<string, Record<string, string | null>>) =>
      check('health-guidance-disclosure', 'operations.schedule', { kind: 'grid', cells });
    expect(schedule({ specific: { hours: '' }, 'year-round': { hours: '' } })).toEqual({ code: 'grid.empty' });
    expect(schedule({ 'year-round': { hours: '平日 8:00-16:00' } })).toBeUndefined();
    expect(schedule({ specific: { hours: '6月〜9月' }, 'year-round': { hours: '平日 8:00-16:00' } })).toBeUndefined();
  });

  it('注12: trained staff are counted among the total (「左記のうち」), sports physicians among the physicians (「上記のうち」)', () => {
    const staff = (cells: Record<string, Record<string, number | null>>) =>
      check('health-guidance-disclosure', 'staff.counts', { kind: 'grid', cells });
    expect(staff({ physician: { 'full-time': 2, 'full-time-trained': 1 } })).toBeUndefined();
    expect(staff({ physician: { 'full-time': 1, 'full-time-trained': 2 } })).toEqual({
      code: 'grid.subsetExceeds',
      params: { row: '医師', column: '自機関内 常勤 左記のうち一定の研修修了者数', value: 2, ofRow: '医師', ofColumn: '自機関内 常勤 総数', limit: 1 },
    });
    expect(staff({ physician: { 'full-time': 1 }, 'sports-physician': { 'full-time': 2 } })?.code).toBe('grid.subsetExceeds');
    expect(staff({ clerk: { contractor: null, 'contractor-trained': 1 } })?.params).toMatchObject({ row: '事務職員', limit: 0 });
  });

  it('up to 8 partner contractors, asked only when the work is partly contracted out (注10)', () => {
    const list = findItem(requireFlow(flows, 'health-guidance-disclosure'), 'contractors.list')!.item;
    expect(list.answer.type === 'grid' && list.answer.rows).toHaveLength(8);
    expect(list.when?.condition).toEqual({ item: 'contractors.use', equals: 'partial' });
  });

  it('refuses a postal code or institution number that is not one, saying what is expected', () => {
    expect(check('health-guidance-disclosure', 'institution.postal-code', { kind: 'text', value: '231-8553' })).toBeUndefined();
    expect(check('health-guidance-disclosure', 'institution.postal-code', { kind: 'text', value: '2318553' })).toBeUndefined();
    expect(check('health-guidance-disclosure', 'institution.postal-code', { kind: 'text', value: '横浜' })).toMatchObject({
      code: 'text.pattern',
      params: { hint: '郵便番号は「231-8553」のように7桁で入力してください。' },
    });
    expect(check('health-guidance-disclosure', 'institution.number', { kind: 'text', value: '141040170' })?.code).toBe('text.pattern');
  });
});

describe('事業運営上開示すべき重要事項の概要[代行機関]', () => {
  const flow = () => requireFlow(flows, 'agency-disclosure');

  it('does not ask 「ガイドラインの遵守」: it follows from the organisation’s latest submitted checklist', () => {
    expect(itemRefs(flow()).some((r) => r.item.text.ja.includes('ガイドラインの遵守'))).toBe(false);
    expect(flow().related).toEqual([
      expect.objectContaining({ id: 'guideline-checklist', flow: 'mhlw-minimum-5.2', scope: 'organization', required: true }),
    ]);
    expect(flow().related![0]!.missing!.ja).toContain('まだ提出されたチェックリストがありません');
    expect(flow().sections.find((s) => s.id === 'facilities')!.intro!.ja).toContain('「ガイドラインの遵守」はお伺いしません');
  });

  it('注3: one category of agency; 注5: partner counts may stay blank', () => {
    expect(findItem(flow(), 'basic.category')!.item.answer.type).toBe('single');
    expect(check('agency-disclosure', 'facilities.staff', { kind: 'grid', cells: { dedicated: { own: 12, partners: null } } })).toBeUndefined();
  });
});
