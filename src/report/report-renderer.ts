// Which renderer a report template is for: its top-level `renderer:` (form, policy); templates without one
// are checklist templates (templates/checklist-pdf.yaml and those extending it).
import { z } from 'zod';
import { defaultTemplatesDir } from './checklist-template.ts';
import { parseTemplate, readTemplateYaml, templateFile } from './template-file.ts';

export type ReportRenderer = 'checklist' | 'form' | 'policy';

const rendererFieldSchema = z.looseObject({ renderer: z.enum(['form', 'policy']).optional() });

export function reportRendererOf(templateName: string, dir: string = defaultTemplatesDir): ReportRenderer {
  const { renderer } = parseTemplate(rendererFieldSchema, readTemplateYaml(templateName, dir), templateFile(templateName, dir));
  return renderer ?? 'checklist';
}
