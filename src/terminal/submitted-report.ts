// After the terminal conversation submits: write the assessment's PDF into the output folder and say where.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { renderReport } from '../report/render-report.ts';
import { reportKindOf } from '../report/report-kind.ts';
import type { Turn } from '../service/assessment-service.ts';
import type { WorkspaceDirectory } from '../service/workspace-directory.ts';

export interface SubmittedReportOptions {
  directory: WorkspaceDirectory;
  /** KAKUNIN_OUT_DIR. */
  outDir: string;
  locale: Locale;
}

/** The lines to print after the submission (where the PDF is). */
export async function writeSubmittedReport({ directory, outDir, locale }: SubmittedReportOptions, turn: Turn): Promise<string[]> {
  const source = directory.reportSource(turn.assessment.organizationId, turn.assessment.id, locale);
  const pdf = await renderReport(source);
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${source.flow.id}-${source.updatedOn}-${source.assessmentId}.pdf`);
  writeFileSync(path, pdf);
  return [t(locale, 'terminal.pdfWritten', { path, report: t(locale, `common.report.${reportKindOf(source.flow)}`) })];
}
