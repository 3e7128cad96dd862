// A box the flow does not ask (「ガイドラインの遵守」): ■/□ derived from a related assessment, and a line saying
// which assessment it came from, or that there is none yet (both □, as on the blank form).
import type { DerivedLayout } from '../form-template.ts';
import { complianceFromChecklist } from '../compliance-status.ts';
import { formatReportDate, localize } from '../localize.ts';
import type { CellParagraph } from '../pdf/table.ts';
import type { FormPdfContext } from './context.ts';
import { choiceText } from './field-text.ts';

export function derivedContent(ctx: FormPdfContext, derived: DerivedLayout): CellParagraph[] {
  const related = ctx.input.related?.[derived.related];
  const status = related ? complianceFromChecklist(related) : undefined;
  const boxes = choiceText(ctx, [
    { label: ctx.text(derived.options.compliant), checked: status?.compliant === true },
    { label: ctx.text(derived.options.notCompliant), checked: status?.compliant === false },
  ]);
  const note = related
    ? ctx.text(derived.basis, {
        flowTitle: localize(related.flow.title, ctx.locale),
        facility: related.facilityName,
        date: formatReportDate(related.submittedOn, ctx.locale),
        assessmentId: related.assessmentId,
      })
    : ctx.text(derived.missing);
  return [
    { text: boxes, style: ctx.style('body') },
    { text: note, style: ctx.style('small', { color: ctx.template.colors.muted }), gapBefore: 2 },
  ];
}
