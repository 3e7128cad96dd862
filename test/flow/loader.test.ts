// Someone editing a flow file makes a mistake: the error must say which file, where in it (YAML path and
// line) and what is wrong, so it can be fixed without reading the loader.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowFileError } from '../../src/flow/errors.ts';
import { loadFlowFile, loadFlowsDir, parseFlow } from '../../src/flow/loader.ts';

/** A small valid flow; `items` (and optional section `notes`) are spliced in at their indentation. */
function flowSource(items: string, sectionNotes = ''): string {
  return [
    'id: broken', // line 1
    'version: 1', // 2
    'title: 壊れたフロー', // 3
    'sections:', // 4
    '  - id: main', // 5
    '    title: 本体', // 6
    sectionNotes + '    items:', // 7 (+ notes lines)
    items,
  ].join('\n');
}

function errorOf(source: string): FlowFileError {
  try {
    parseFlow(source, 'broken.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(FlowFileError);
    return err as FlowFileError;
  }
  throw new Error('expected the flow to be rejected');
}

describe('a valid flow', () => {
  it('parses, with defaults filled in', () => {
    const flow = parseFlow(
      flowSource(['      - id: main.1', '        text: 項目', '        answer: { type: status }'].join('\n')),
      'ok.yaml',
    );
    expect(flow.version).toBe('1');
    expect(flow.kind).toBe('checklist');
    expect(flow.title).toEqual({ ja: '壊れたフロー' });
    expect(flow.sections[0]!.items[0]).toMatchObject({
      id: 'main.1',
      notes: [],
      required: true,
      answer: { type: 'status', notApplicable: false, maxPlanYears: 3 },
    });
  });
});

describe('a malformed flow is rejected with the file, the YAML path and the line', () => {
  it('names an answer type that does not exist', () => {
    const err = errorOf(
      flowSource(['      - id: main.1', '        text: 項目', '        answer: { type: checkbox }'].join('\n')),
    );
    expect(err.file).toBe('broken.yaml');
    expect(err.message).toMatch(/^broken\.yaml:10: sections\[0\]\.items\[0\]\.answer\.type: Invalid discriminator value\./);
    expect(err.message).toContain("'status' | 'yesno'");
  });

  it('names an unknown key, so a typo cannot pass silently', () => {
    const err = errorOf(
      flowSource(
        ['      - id: main.1', '        text: 項目', '        answer: { type: status, notApplicible: true }'].join('\n'),
      ),
    );
    expect(err.message).toBe('broken.yaml:10: sections[0].items[0].answer: unknown key(s) "notApplicible"');

    const onItem = errorOf(
      flowSource(
        ['      - id: main.1', '        text: 項目', '        colour: red', '        answer: { type: status }'].join('\n'),
      ),
    );
    expect(onItem.message).toBe('broken.yaml:8: sections[0].items[0]: unknown key(s) "colour"');
  });

  it('says a required text is missing, pointing at the item', () => {
    const err = errorOf(
      flowSource(['      - id: main.1', '        number: "1."', '        answer: { type: status }'].join('\n')),
    );
    expect(err.message).toMatch(/^broken\.yaml:8: sections\[0\]\.items\[0\]\.text: required, but missing/);
  });

  it('refuses an id that is not lower-case letters, digits, dots and dashes', () => {
    const err = errorOf(flowSource(['      - id: Main 1', '        text: 項目', '        answer: { type: status }'].join('\n')));
    expect(err.message).toMatch(/^broken\.yaml:8: sections\[0\]\.items\[0\]\.id: lower-case letters/);
  });

  it('points at the second of two items with the same id', () => {
    const err = errorOf(
      flowSource(
        [
          '      - id: main.1',
          '        text: 項目',
          '        answer: { type: status }',
          '      - id: main.1', // line 11
          '        text: 別の項目',
          '        answer: { type: status }',
        ].join('\n'),
      ),
    );
    expect(err.message).toBe('broken.yaml:11: sections[0].items[1].id: duplicate item id "main.1"');
  });

  it('refuses a condition that reads a later item', () => {
    const err = errorOf(
      flowSource(
        [
          '      - id: main.1',
          '        text: 項目',
          '        answer: { type: status }',
          '        when: { condition: { item: main.2, equals: true }, reason: 該当なし }', // line 11
          '      - id: main.2',
          '        text: 前提',
          '        answer: { type: yesno }',
        ].join('\n'),
      ),
    );
    expect(err.message).toBe(
      'broken.yaml:11: sections[0].items[0].when: condition reads item "main.2", which is not an earlier item of this flow',
    );
  });

  it('refuses a condition that reads an item that does not exist, inside all/not', () => {
    const err = errorOf(
      flowSource(
        [
          '      - id: main.1',
          '        text: 前提',
          '        answer: { type: yesno }',
          '      - id: main.2',
          '        text: 項目',
          '        answer: { type: status }',
          '        when:', // line 14; its value (the line reported) starts on line 15
          '          condition: { all: [{ item: main.1, equals: true }, { not: { item: scope.wifi, equals: true } }] }',
          '          reason: 該当なし',
        ].join('\n'),
      ),
    );
    expect(err.message).toBe(
      'broken.yaml:15: sections[0].items[1].when: condition reads item "scope.wifi", which is not an earlier item of this flow',
    );
  });

  it('refuses a condition with a misspelt operator, pointing at the condition', () => {
    const err = errorOf(
      flowSource(
        [
          '      - id: main.1',
          '        text: 前提',
          '        answer: { type: yesno }',
          '      - id: main.2',
          '        text: 項目',
          '        answer: { type: status }',
          '        when:',
          '          condition: { item: main.1, equal: true }', // line 15
          '          reason: 該当なし',
        ].join('\n'),
      ),
    );
    expect(err.message).toMatch(/^broken\.yaml:15: sections\[0\]\.items\[1\]\.when\.condition: /);
  });

  it('refuses a note reference the section does not define', () => {
    const err = errorOf(
      flowSource(
        [
          '      - id: main.1',
          '        text: 項目',
          '        notes: [注1, 注9]', // line 13
          '        answer: { type: status }',
        ].join('\n'),
        ['    notes:', '      - id: 注1', '        text: 注記の本文'].join('\n') + '\n',
      ),
    );
    expect(err.message).toBe(
      'broken.yaml:13: sections[0].items[0].notes[1]: note "注9" is not defined in this section\'s notes',
    );
  });

  it('reports a YAML syntax error with its line', () => {
    const err = errorOf(
      flowSource(['      - id: main.1', '        text: 項目', '        answer: { type: status'].join('\n')),
    );
    expect(err.message).toMatch(/^broken\.yaml:\d+: \(root\): YAML syntax: /);
    expect(err.problems[0]!.line).toBeGreaterThanOrEqual(10);
  });

  it('reports a key given twice as a YAML error', () => {
    const err = errorOf(
      flowSource(
        ['      - id: main.1', '        text: 項目', '        text: 項目', '        answer: { type: status }'].join('\n'),
      ),
    );
    expect(err.message).toBe('broken.yaml:10: (root): YAML syntax: Map keys must be unique');
  });

  it('lists every problem, one per line', () => {
    const err = errorOf(
      flowSource(
        [
          '      - id: main.1',
          '        answer: { type: status }',
          '      - id: main.2',
          '        text: 項目',
          '        answer: { type: radio }',
        ].join('\n'),
      ),
    );
    const lines = err.message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^broken\.yaml:8: sections\[0\]\.items\[0\]\.text: required/);
    expect(lines[1]).toMatch(/^broken\.yaml:12: sections\[0\]\.items\[1\]\.answer\.type: /);
  });
});

describe('loading flow files from disk', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const valid = (id: string) =>
    [`id: ${id}`, 'version: 1', 'title: 題', 'sections:', '  - id: s', '    title: 節', '    items:', '      - id: s.1', '        text: 項目', '        answer: { type: status }', ''].join('\n');

  it('names the full path of a broken file', () => {
    dir = mkdtempSync(join(tmpdir(), 'kakunin-flows-'));
    writeFileSync(join(dir, 'good.yaml'), valid('good'));
    writeFileSync(join(dir, 'bad.yaml'), valid('bad').replace('type: status', 'type: tick'));
    expect(() => loadFlowsDir(dir)).toThrow(new RegExp(`^${join(dir, 'bad.yaml').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:10: `));
  });

  it('requires the flow id to match the file name', () => {
    dir = mkdtempSync(join(tmpdir(), 'kakunin-flows-'));
    writeFileSync(join(dir, 'checklist.yaml'), valid('another-name'));
    expect(() => loadFlowsDir(dir)).toThrow('flow id "another-name" must match the file name "checklist"');
  });

  it('says when a file cannot be read', () => {
    expect(() => loadFlowFile('/nonexistent/flow.yaml')).toThrow(/^\/nonexistent\/flow\.yaml: \(root\): cannot read file/);
  });
});
