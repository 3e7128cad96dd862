// The form flows use the forms' own wording: every label, option, grid row and column of a field is made of
// phrases printed on the form, and every 注 is carried verbatim (test/fixtures/README.md).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFlowsDir, requireFlow } from '../../src/flow/loader.ts';
import { itemRefs, type Flow } from '../../src/flow/model.ts';

const seed = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
/** Drop HTML, `^{…}` superscripts and whitespace, and read full-width brackets as the seed's ASCII ones. */
const normalise = (text: string) =>
  text
    .replace(/<[^>]*>/g, '')
    .replace(/\^\{[^}]*\}/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/\s+/g, '');

/** The phrases of a label: split at spaces and brackets, so 「所在地（郵便番号）」 is 所在地 + 郵便番号. */
const phrases = (text: string) => text.split(/[\s()（）]+/).filter((p) => [...p].length >= 2);

function labelsOf(flow: Flow): string[] {
  return itemRefs(flow).flatMap(({ item }) => {
    const spec = item.answer;
    const labels = [item.text.ja];
    if (spec.type === 'single' || spec.type === 'multi') labels.push(...spec.options.map((o) => o.label.ja));
    if (spec.type === 'grid') labels.push(...spec.rows.map((r) => r.label.ja), ...spec.columns.map((c) => c.label.ja));
    return labels;
  });
}

let flows: Map<string, Flow>;
beforeAll(() => {
  flows = loadFlowsDir();
});

describe.each([
  ['health-guidance-disclosure', 'seed-health-guidance-form.txt', 25],
  ['agency-disclosure', 'seed-agency-form.txt', 12],
] as const)('%s', (flowId, seedFile, noteCount) => {
  const form = () => normalise(seed(seedFile));

  it('builds every label, option, row and column from phrases printed on the form', () => {
    const flow = requireFlow(flows, flowId);
    const all = labelsOf(flow).flatMap(phrases);
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter((p) => !form().includes(normalise(p)))).toEqual([]);
  });

  it(`carries all ${noteCount} 注 of the form verbatim, under the sections they belong to`, () => {
    const notes = requireFlow(flows, flowId).sections.flatMap((s) => s.notes);
    expect(notes).toHaveLength(noteCount);
    for (const note of notes) expect(form(), note.id).toContain(normalise(`${note.id})${note.text.ja}`));
  });

  it('names the form by its printed title', () => {
    expect(form()).toContain(normalise(requireFlow(flows, flowId).title.ja));
  });
});
