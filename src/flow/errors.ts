// Named errors for flow files: each says which file, where in it, and what was expected.

export interface FlowProblem {
  /** YAML path as people read it: `sections[2].items[4].answer.type`. */
  path: string;
  /** 1-based line in the file, when the node could be located. */
  line?: number;
  message: string;
}

export class FlowFileError extends Error {
  override readonly name = 'FlowFileError';
  readonly file: string;
  readonly problems: FlowProblem[];
  constructor(
    file: string,
    problems: FlowProblem[],
  ) {
    super(
      problems
        .map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.path || '(root)'}: ${p.message}`)
        .join('\n'),
    );
    this.file = file;
    this.problems = problems;
  }
}

export class UnknownFlowError extends Error {
  override readonly name = 'UnknownFlowError';
  readonly flowId: string;
  readonly known: string[];
  constructor(flowId: string, known: string[]) {
    super(`Unknown flow "${flowId}". Known flows: ${known.join(', ') || '(none)'}`);
    this.flowId = flowId;
    this.known = known;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
