// After the terminal conversation submits: write the assessment's PDF beside the database and say where.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { App } from '../app/bootstrap.ts';
import { t } from '../i18n/messages.ts';
import type { Turn } from '../service/assessment-service.ts';
import { formReportSource } from '../service/form-report-source.ts';
import { renderFormReport } from './render-report.ts';

export async function renderSubmittedReport(app: App, turn: Turn): Promise<string[]> {
  const source = formReportSource(app.store, turn.assessment.organizationId, turn.assessment.id);
  const pdf = await renderFormReport({ ...source, locale: app.env.KAKUNIN_LOCALE });
  const dir = resolve(app.env.KAKUNIN_OUT_DIR);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${source.flow.id}-${source.updatedOn}-${source.assessmentId}.pdf`);
  writeFileSync(path, pdf);
  return [t(app.env.KAKUNIN_LOCALE, 'terminal.pdfWritten', { path })];
}
