// Flow files that use the form features wrongly are refused at load, naming the place: a subset rule on an
// unknown row or column or on a non-number grid, a pattern that is no regular expression, a required related
// flow without the message to show when it is missing. Flows without the new keys keep their content hash.
import { describe, expect, it } from 'vitest';
import { FlowFileError } from '../../src/flow/errors.ts';
import { loadFlowsDir, parseFlow } from '../../src/flow/loader.ts';
import { hashFlowFile } from '../../src/flow/model.ts';

const flowWith = (answer: string, top = '') => `
id: f
version: 1
kind: form
${top}
title: 様式
sections:
  - id: s
    title: 欄
    items:
      - id: x
        text: 項目
        answer: ${answer}
`;

function problems(source: string): string[] {
  try {
    parseFlow(source, 'f.yaml');
  } catch (err) {
    if (err instanceof FlowFileError) return err.problems.map((p) => `${p.path}: ${p.message}`);
    throw err;
  }
  return [];
}

const grid = (rules: string, kind = 'number') =>
  `{ type: grid, rows: [{ id: a, label: A }], columns: [{ id: t, label: T }, { id: u, label: U }], cell: { kind: ${kind} }, ${rules} }`;

describe('form features in flow files', () => {
  it('accepts subset rules between existing rows and columns of a number grid', () => {
    expect(problems(flowWith(grid('subsetColumns: [{ column: u, of: t }], subsetRows: [{ row: a, of: a }]')))).toEqual([]);
  });

  it('refuses a subset rule naming a column or row the grid does not have', () => {
    expect(problems(flowWith(grid('subsetColumns: [{ column: zz, of: t }]')))).toEqual([
      'sections[0].items[0].answer.subsetColumns[0]: "zz" is not a column of this grid',
    ]);
    expect(problems(flowWith(grid('subsetRows: [{ row: a, of: b }]')))).toEqual([
      'sections[0].items[0].answer.subsetRows[0]: "b" is not a row of this grid',
    ]);
  });

  it('refuses subset rules on a grid that does not hold numbers', () => {
    expect(problems(flowWith(grid('subsetColumns: [{ column: u, of: t }]', 'check')))).toEqual([
      'sections[0].items[0].answer: subsetColumns / subsetRows compare numbers: the cell kind must be number',
    ]);
  });

  it('refuses a pattern that is not a regular expression', () => {
    expect(problems(flowWith("{ type: text, maxLength: 5, pattern: '[0-9' }"))).toEqual([
      'sections[0].items[0].answer.pattern: "[0-9" is not a valid regular expression',
    ]);
  });

  it('refuses a required related flow without the message for when it is missing', () => {
    const top = 'related: [{ id: c, flow: mhlw-minimum-5.2, scope: organization, required: true }]';
    expect(problems(flowWith('{ type: yesno }', top))).toEqual([
      'related[0]: a required related flow needs `missing`: what to tell the user when "mhlw-minimum-5.2" has no submitted assessment',
    ]);
  });

  it('leaves the content hash of flows that do not use the new keys unchanged (no defaults are added)', () => {
    for (const flow of loadFlowsDir().values()) {
      expect('related' in flow && flow.related === undefined).toBe(false);
      const { hash, ...file } = flow;
      expect(hashFlowFile(file)).toBe(hash);
    }
    const plain = parseFlow(flowWith("{ type: text, maxLength: 5 }"), 'f.yaml');
    expect(Object.keys(plain)).not.toContain('related');
    expect(Object.keys(plain.sections[0]!.items[0]!.answer)).not.toContain('pattern');
  });
});
