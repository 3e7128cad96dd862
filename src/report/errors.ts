// Named errors for report rendering: each says what was wrong and what to change to fix it.

export interface TemplateProblem {
  /** YAML path as people read it: `checklistTable.columns.done`. */
  path: string;
  message: string;
}

export class ReportTemplateError extends Error {
  override readonly name = 'ReportTemplateError';
  readonly file: string;
  readonly problems: TemplateProblem[];
  constructor(
    file: string,
    problems: TemplateProblem[],
  ) {
    super(problems.map((p) => `${file}: ${p.path || '(root)'}: ${p.message}`).join('\n'));
    this.file = file;
    this.problems = problems;
  }
}

export class ReportFontError extends Error {
  override readonly name = 'ReportFontError';
  readonly file: string;
  constructor(
    file: string,
    cause: unknown,
  ) {
    super(
      `Cannot read the report font ${file} (${(cause as Error).message}). ` +
        'It ships with @expo-google-fonts/noto-sans-jp; run `npm ci` to restore node_modules.',
      { cause },
    );
    this.file = file;
  }
}

export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';
}
