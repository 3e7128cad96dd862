// The flows shipped in flows/: they all load, their references resolve, and the checklists ask the scope
// questions first and only gate off the items the guideline makes conditional.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import { defaultFlowsDir, loadFlowsDir, requireFlow } from '../../src/flow/loader.ts';
import { applicability, findItem, itemNotes, itemRefs, type Flow } from '../../src/flow/model.ts';

let flows: Map<string, Flow>;
beforeAll(() => {
  flows = loadFlowsDir();
});

const gatedIds = (flow: Flow) =>
  itemRefs(flow)
    .filter((r) => r.item.when)
    .map((r) => r.item.id);

/** Which items the skip logic leaves out for these answers, with the 該当なし reason it records. */
function leftOut(flow: Flow, answers: Answers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ref of itemRefs(flow)) {
    const a = applicability(ref, answers);
    if (!a.applicable) out[ref.item.id] = a.gate.reason.ja;
  }
  return out;
}

const yes = { kind: 'yesno', value: true } as const;
const no = { kind: 'yesno', value: false } as const;

describe('every flow in flows/', () => {
  it('loads with loadFlowsDir(), one flow per file, named after it', () => {
    const files = readdirSync(defaultFlowsDir).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    expect([...flows.keys()].sort()).toEqual(files.map((f) => f.replace(/\.ya?ml$/, '')).sort());
  });

  it('resolves every note an item cites to a note of its section', () => {
    for (const flow of flows.values()) {
      for (const { section, item } of itemRefs(flow)) {
        expect(itemNotes(section, item).map((n) => n.id), `${flow.id} ${item.id}`).toEqual(item.notes);
      }
    }
  });

  it('gets the same content hash every time it is loaded', () => {
    const again = loadFlowsDir();
    for (const flow of flows.values()) {
      expect(flow.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(again.get(flow.id)?.hash, flow.id).toBe(flow.hash);
    }
  });
});

describe.each([
  ['mhlw-minimum-5.2', 'checklist-pdf'],
  // The measures reuse the checklist layout with their own headings (templates/checklist-pdf-measures.yaml).
  ['online-qualification-measures', 'checklist-pdf-measures'],
])('the %s checklist', (id, template) => {
  const flow = () => requireFlow(flows, id);

  it('is a checklist rendered by the checklist PDF template, with its source named', () => {
    expect(flow().kind).toBe('checklist');
    expect(flow().report).toBe(template);
    expect(flow().source).toBeTruthy();
  });

  it('has English titles and descriptions for the flow and its sections', () => {
    expect(flow().title.en).toBeTruthy();
    expect(flow().description?.ja).toBeTruthy();
    expect(flow().description?.en).toBeTruthy();
    for (const section of flow().sections) expect(section.title.en, section.id).toBeTruthy();
  });

  it('asks the scope questions first, as yes/no questions with an explanation', () => {
    const [scope, ...rest] = flow().sections;
    expect(scope!.id).toBe('scope');
    expect(scope!.kind).toBe('gates');
    expect(rest.every((s) => s.kind === 'items')).toBe(true);
    for (const gate of scope!.items) {
      expect(gate.answer.type, gate.id).toBe('yesno');
      expect(gate.help?.ja, gate.id).toBeTruthy();
      expect(gate.help?.en, gate.id).toBeTruthy();
      expect(gate.text.en, gate.id).toBeTruthy();
    }
  });

  it('answers every checklist item with 実施済 / 実施予定, without a hand-picked 該当なし', () => {
    for (const section of flow().sections.filter((s) => s.kind === 'items')) {
      for (const item of section.items) {
        expect(item.answer, item.id).toEqual({ type: 'status', notApplicable: false, maxPlanYears: 3 });
        expect(item.required).toBe(true);
      }
    }
  });

  it('gates only on yes/no scope answers being true, and gives a reason in both languages', () => {
    for (const ref of itemRefs(flow()).filter((r) => r.item.when)) {
      const { condition, reason } = ref.item.when!;
      expect(condition, ref.item.id).toEqual({ item: expect.stringMatching(/^scope\./), equals: true });
      expect(findItem(flow(), (condition as { item: string }).item)?.item.answer.type).toBe('yesno');
      expect(reason.ja, ref.item.id).toMatch(/該当なし$/);
      expect(reason.en, ref.item.id).toBeTruthy();
    }
  });
});

describe('最低限のガイドライン遵守チェックリスト (mhlw-minimum-5.2)', () => {
  const checklist = () => requireFlow(flows, 'mhlw-minimum-5.2');

  it('asks four scope questions: wireless LAN, IoT, outside contractors, personal devices', () => {
    expect(checklist().sections[0]!.items.map((i) => i.id)).toEqual([
      'scope.wireless-lan',
      'scope.iot',
      'scope.outsourcing',
      'scope.byod',
    ]);
  });

  it('gates exactly 技術的 18–20 (wireless LAN), 21–24 (IoT), 委託 1–3 (contractors) and 持ち出し 10 (BYOD)', () => {
    expect(gatedIds(checklist())).toEqual([
      'technical.18',
      'technical.19',
      'technical.20',
      'technical.21',
      'technical.22',
      'technical.23',
      'technical.24',
      'contractors.1',
      'contractors.2',
      'contractors.3',
      'takeout.10',
    ]);
    const gateOf = (id: string) => (findItem(checklist(), id)!.item.when!.condition as { item: string }).item;
    expect(['technical.18', 'technical.19', 'technical.20'].map(gateOf)).toEqual(Array(3).fill('scope.wireless-lan'));
    expect(['technical.21', 'technical.22', 'technical.23', 'technical.24'].map(gateOf)).toEqual(Array(4).fill('scope.iot'));
    expect(['contractors.1', 'contractors.2', 'contractors.3'].map(gateOf)).toEqual(Array(3).fill('scope.outsourcing'));
    expect(gateOf('takeout.10')).toBe('scope.byod');
  });

  it('has the 15 notes under the sections that print them, each cited by an item', () => {
    const notesBySection = Object.fromEntries(
      checklist()
        .sections.filter((s) => s.notes.length > 0)
        .map((s) => [s.id, s.notes.map((n) => n.id)]),
    );
    expect(notesBySection).toEqual({
      technical: ['注1', '注2', '注3', '注4', '注5', '注6', '注7'],
      disposal: ['注8'],
      maintenance: ['注9', '注10'],
      external: ['注11', '注12', '注13', '注14', '注15'],
    });
    const citing = Object.fromEntries(itemRefs(checklist()).flatMap((r) => r.item.notes.map((n) => [n, r.item.id])));
    expect(citing).toEqual({
      注1: 'technical.5',
      注2: 'technical.7',
      注3: 'technical.9',
      注4: 'technical.10',
      注5: 'technical.12',
      注6: 'technical.14',
      注7: 'technical.16',
      注8: 'disposal.1',
      注9: 'maintenance.2',
      注10: 'maintenance.5',
      注11: 'external.1',
      注12: 'external.2',
      注13: 'external.4',
      注14: 'external.5',
      注15: 'external.11',
    });
    for (const section of checklist().sections)
      for (const note of section.notes) expect(note.text.ja.length, note.id).toBeGreaterThan(20);
    const note15 = checklist().sections.find((s) => s.id === 'external')!.notes.find((n) => n.id === '注15');
    expect(note15?.text.ja).toBe(
      'システムやアプリケーションを切り分けし、ファイアウォール、アクセス監視、通信の TLS 暗号化、PKI 個人認証等の技術を用いた対策を指す。',
    );
  });

  it('leaves everything in while the scope questions are unanswered', () => {
    expect(leftOut(checklist(), {})).toEqual({});
  });

  it('for a clinic that uses all four, keeps all 90 items', () => {
    const answers = { 'scope.wireless-lan': yes, 'scope.iot': yes, 'scope.outsourcing': yes, 'scope.byod': yes };
    expect(leftOut(checklist(), answers)).toEqual({});
  });

  it('for a small clinic with no Wi-Fi, no IoT, no contractors and no personal devices, records 11 items as 該当なし with the reason', () => {
    const answers = { 'scope.wireless-lan': no, 'scope.iot': no, 'scope.outsourcing': no, 'scope.byod': no };
    const out = leftOut(checklist(), answers);
    expect(Object.keys(out)).toEqual(gatedIds(checklist()));
    expect(out['technical.19']).toBe('無線LANを利用していないため該当なし');
    expect(out['technical.22']).toBe('IoT機器により患者情報を取り扱っていないため該当なし');
    expect(out['contractors.2']).toBe('外部受託業者を採用していないため該当なし');
    expect(out['takeout.10']).toMatch(/^個人保有の情報機器.*該当なし$/);
  });

  it('for a clinic with Wi-Fi only, asks 技術的 18–20 and leaves out only what the other answers rule out', () => {
    const answers = { 'scope.wireless-lan': yes, 'scope.iot': no, 'scope.outsourcing': yes };
    expect(Object.keys(leftOut(checklist(), answers))).toEqual([
      'technical.21',
      'technical.22',
      'technical.23',
      'technical.24',
    ]);
  });
});

describe('別表 of the online eligibility-check security policy (online-qualification-measures)', () => {
  const measures = () => requireFlow(flows, 'online-qualification-measures');

  it('asks about wireless LAN first and gates only measure 7 on it', () => {
    expect(measures().sections[0]!.items.map((i) => i.id)).toEqual(['scope.wireless-lan']);
    expect(gatedIds(measures())).toEqual(['measures.7']);
    expect(leftOut(measures(), {})).toEqual({});
    expect(leftOut(measures(), { 'scope.wireless-lan': yes })).toEqual({});
    expect(leftOut(measures(), { 'scope.wireless-lan': no })).toEqual({
      'measures.7': '本システムの導入に当たり無線LANを利用しないため該当なし',
    });
  });
});
