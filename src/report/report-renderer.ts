// Which renderer a report template is for: its top-level `renderer:` (form, policy); templates without one
// are checklist templates (templates/checklist-pdf.yaml and those extending it).
import { z } from 'zod';
import { cachedTemplateLoader } from './template-file.ts';

export type ReportRenderer = 'checklist' | 'form' | 'policy';

const rendererFieldSchema = z.looseObject({ renderer: z.enum(['form', 'policy']).optional() });
// Read once per template: every render asks which renderer its template is for.
const loadRendererField = cachedTemplateLoader(rendererFieldSchema);

export function reportRendererOf(templateName: string, dir?: string): ReportRenderer {
  return loadRendererField(templateName, dir).renderer ?? 'checklist';
}
