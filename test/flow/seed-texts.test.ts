// The flows carry the official texts verbatim. These tests read the item rows copied from the source
// documents (test/fixtures/README.md) and check every flow item against its row, in order.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFlowsDir, requireFlow } from '../../src/flow/loader.ts';
import type { Flow } from '../../src/flow/model.ts';

function fixtureLines(name: string): string[] {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/**
 * How a flow text and a seed row are compared: both sides drop HTML tags (`<ul style=…>`), the
 * `^{注N)}` citation markers (the flow lists them in `notes` instead), bullet 「・」 (at a line start or
 * after whitespace; a 「・」 inside a phrase such as 記録・識別 stays) and all whitespace (line breaks
 * between bullets, the PDF's spaces around Latin words).
 */
function normalise(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\^\{注\s*\d+\)\}/g, '')
    .replace(/(^|\s)・/g, '$1')
    .replace(/\s+/g, '');
}

/** The 注 a seed row cites, as note ids: `^{注5)}` → 注5. */
function citedNotes(seedRow: string): string[] {
  return [...seedRow.matchAll(/\^\{注\s*(\d+)\)\}/g)].map((m) => `注${m[1]}`);
}

const checklistSections = [
  ['organizational', '組織的安全管理対策', 5],
  ['physical', '物理的安全管理対策', 6],
  ['technical', '技術的安全管理対策', 24],
  ['staff', '人的安全対策(従業者に対する人的安全管理措置)', 3],
  ['contractors', '人的安全対策(事務取扱委託業者の監督及び守秘義務契約)', 5],
  // The seed copy has lost this heading; the guideline calls it 「情報の破棄」.
  ['disposal', '情報の破棄', 4],
  ['maintenance', '医療情報システムの改造と保守', 10],
  ['takeout', '情報及び情報機器の持ち出しについて', 10],
  ['emergency', '災害、サイバー攻撃等の非常時の対応', 9],
  ['external', '外部と個人情報を含む医療情報を交換する場合の安全管理', 14],
] as const;

let flows: Map<string, Flow>;
beforeAll(() => {
  flows = loadFlowsDir();
});

describe('the normalisation used to compare texts', () => {
  it('drops HTML, citation markers, bullets and whitespace, but keeps a 「・」 inside a phrase', () => {
    expect(normalise('定めている。 <ul style="list-style-type: none"> ・ 英数字 ・ 記号')).toBe('定めている。英数字記号');
    expect(normalise('十分留意している。 ^{注1)}')).toBe('十分留意している。');
    expect(normalise('定めている。\n・送信元の対処\n・送信先の対処')).toBe('定めている。送信元の対処送信先の対処');
    expect(normalise('来訪者の記録・識別')).toBe('来訪者の記録・識別');
    expect(normalise('IoT 機器を利用する')).toBe('IoT機器を利用する');
  });
});

describe('最低限のガイドライン遵守チェックリスト (mhlw-minimum-5.2)', () => {
  const seedRows = fixtureLines('seed-checklist-items.txt');
  const checklist = () => requireFlow(flows, 'mhlw-minimum-5.2');
  const checklistItems = () => checklist().sections.filter((s) => s.kind === 'items');

  it('copies all 90 rows of the seed', () => {
    expect(seedRows).toHaveLength(90);
  });

  it('has the seed’s 10 sections in order, with their titles and sizes (90 items in all)', () => {
    const sections = checklistItems();
    expect(sections.map((s) => [s.id, s.title.ja, s.items.length])).toEqual(checklistSections.map((s) => [...s]));
    expect(sections.every((s) => s.title.en)).toBe(true);
    expect(sections.reduce((n, s) => n + s.items.length, 0)).toBe(90);
  });

  it('numbers each item as printed and gives it a stable id', () => {
    for (const section of checklistItems()) {
      section.items.forEach((item, i) => {
        expect(item.number).toBe(`${i + 1}.`);
        expect(item.id).toBe(`${section.id}.${i + 1}`);
      });
    }
  });

  it('carries every item text verbatim, in the seed’s order', () => {
    const items = checklistItems().flatMap((s) => s.items);
    expect(items.map((item) => normalise(item.text.ja))).toEqual(seedRows.map(normalise));
  });

  it('keeps no HTML or citation markers in the texts, and lists the cited 注 instead', () => {
    const items = checklistItems().flatMap((s) => s.items);
    items.forEach((item, i) => {
      expect(item.text.ja).not.toMatch(/<|>|\^\{|\t/);
      expect(item.notes, item.id).toEqual(citedNotes(seedRows[i]!));
    });
  });

  it('keeps the official typos of the seed', () => {
    const text = (id: string) => checklistItems().flatMap((s) => s.items).find((i) => i.id === id)?.text.ja;
    expect(text('maintenance.5')).toContain('医療情報システム安全解離責任者');
    expect(text('technical.15')).toContain('他の認証応訴として');
  });

  it('shows bullet lists as lines: 技術的15 (3), 外部6 (9), 外部7 (4), and 組織的5’s (b)…(i)', () => {
    const lines = (id: string) =>
      checklistItems()
        .flatMap((s) => s.items)
        .find((i) => i.id === id)!
        .text.ja.split('\n');
    const bullets = (id: string) => lines(id).filter((l) => l.startsWith('・'));
    expect(bullets('technical.15')).toHaveLength(3);
    expect(bullets('external.6')).toHaveLength(9);
    expect(bullets('external.7')).toHaveLength(4);
    expect(lines('external.6')[0]).toMatch(/明確にしている。$/);
    expect(lines('organizational.5').slice(1)).toEqual(
      ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((l) => expect.stringMatching(new RegExp(`^\\(${l}\\) \\S`))),
    );
  });

  it('carries the 15 notes verbatim', () => {
    const seedNotes = fixtureLines('seed-checklist-notes.txt').map((line) => {
      const m = /^注\s*(\d+)\s*:\s*(.*)$/.exec(line);
      if (!m) throw new Error(`unexpected note line: ${line}`);
      return { id: `注${m[1]}`, text: normalise(m[2]!) };
    });
    const flowNotes = checklist().sections.flatMap((s) => s.notes.map((n) => ({ id: n.id, text: normalise(n.text.ja) })));
    expect(flowNotes).toEqual(seedNotes);
  });
});

describe('別表 of the online eligibility-check security policy (online-qualification-measures)', () => {
  const seedRows = fixtureLines('seed-measures.txt');
  const measures = () => requireFlow(flows, 'online-qualification-measures').sections.filter((s) => s.kind === 'items');

  it('has one section with the 8 measures, numbered as printed', () => {
    const sections = measures();
    expect(sections).toHaveLength(1);
    expect(sections[0]!.title.ja).toBe('別表：本システム導入のために特に留意すべきセキュリティ対策');
    expect(sections[0]!.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('carries every measure verbatim, in order', () => {
    expect(seedRows).toHaveLength(8);
    const items = measures().flatMap((s) => s.items);
    expect(items.map((i) => normalise(i.text.ja))).toEqual(seedRows.map(normalise));
  });

  it('keeps measure 7’s three bullet lines', () => {
    const lines = measures()[0]!.items[6]!.text.ja.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).every((l) => l.startsWith('・'))).toBe(true);
  });
});
