// After the terminal conversation submits: write the checklist PDF beside the database and say where.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { App } from '../app/bootstrap.ts';
import { t } from '../i18n/messages.ts';
import type { Turn } from '../service/assessment-service.ts';
import { reportSource } from '../service/report-source.ts';
import { renderChecklistPdf } from './checklist-pdf.ts';

export async function renderSubmittedReport(app: App, turn: Turn): Promise<string[]> {
  const source = reportSource(app.store, turn.assessment.organizationId, turn.assessment.id);
  const pdf = await renderChecklistPdf({ ...source, locale: app.env.KAKUNIN_LOCALE });
  const dir = resolve(app.env.KAKUNIN_OUT_DIR);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${source.flow.id}-${source.updatedOn}-${source.assessmentId}.pdf`);
  writeFileSync(path, pdf);
  return [t(app.env.KAKUNIN_LOCALE, 'terminal.pdfWritten', { path })];
}
