// The filled policy as plain data: every article's paragraphs, lists and tables with the placeholders
// filled and the `when` blocks that apply. Drawing is separate, so the wording is testable as text.
import { evaluateCondition } from '../../flow/conditions.ts';
import type { Answers } from '../../flow/answer.ts';
import { findItem, type Flow } from '../../flow/model.ts';
import { itemState } from '../checklist-rows.ts';
import { fillPlaceholders, formatReportDate, localize, type ReportLocale } from '../localize.ts';
import type { RelatedAssessments } from '../related-assessment.ts';
import { statusLabel } from '../status-labels.ts';
import { placeholderFiller } from './policy-placeholders.ts';
import type { PolicyTemplate } from './policy-template.ts';

export type PolicyBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; widths: number[]; header?: string[] | undefined; rows: string[][] }
  | {
      kind: 'status-table';
      widths: number[];
      header: string[];
      rows: { number: string; text: string; status?: string | undefined }[];
      /** Which assessment the statuses came from; undefined when there is none. */
      basis?: string | undefined;
    };

export interface PolicyArticle {
  heading: string;
  newPage: boolean;
  blocks: PolicyBlock[];
}

export interface PolicyDocument {
  title: string;
  subtitle: string;
  articles: PolicyArticle[];
}

export interface PolicyDocumentInput {
  flow: Flow;
  answers: Answers;
  related?: RelatedAssessments | undefined;
  locale: ReportLocale;
}

export function buildPolicyDocument(template: PolicyTemplate, input: PolicyDocumentInput): PolicyDocument {
  const fill = placeholderFiller(template.placeholders, input.answers, input.locale);
  const applies = (block: { when?: Parameters<typeof evaluateCondition>[0] | undefined }) =>
    !block.when || evaluateCondition(block.when, input.answers);

  const articles = template.articles.map((article): PolicyArticle => ({
    heading: fill(article.heading),
    newPage: article.newPage,
    blocks: article.blocks.filter(applies).map((block): PolicyBlock => {
      if ('paragraph' in block) return { kind: 'paragraph', text: fill(block.paragraph) };
      if ('list' in block) return { kind: 'list', items: block.list.map(fill) };
      if ('table' in block)
        return { kind: 'table', widths: block.table.widths, header: block.table.header?.map(fill), rows: block.table.rows.map((r) => r.map(fill)) };
      const spec = block.statusTable;
      const related = input.related?.[spec.related];
      const header = [fill(spec.header.number), fill(spec.header.text), ...(related ? [fill(spec.header.status)] : [])];
      return {
        kind: 'status-table',
        widths: related ? spec.widths : spec.widths.slice(0, 2),
        header,
        rows: spec.rows.map((row) => ({
          number: row.number,
          text: fill(row.text),
          status: related ? measureStatus(related.flow, related.answers, row.item, input.locale) : undefined,
        })),
        basis: related
          ? fillPlaceholders(fill(spec.basis), {
              flowTitle: localize(related.flow.title, input.locale),
              date: formatReportDate(related.submittedOn, input.locale),
              assessmentId: related.assessmentId,
            })
          : undefined,
      };
    }),
  }));
  return { title: fill(template.title), subtitle: fill(template.subtitle), articles };
}

/** 実施済 / 実施予定（2027年3月31日） / 該当なし, as the checklist prints them. */
function measureStatus(flow: Flow, answers: Answers, itemId: string, locale: ReportLocale): string {
  const ref = findItem(flow, itemId);
  if (!ref) return statusLabel('unanswered', locale);
  const state = itemState(ref, answers);
  if (state.status === 'planned') return `${statusLabel('planned', locale)}（${formatReportDate(state.date, locale)}）`;
  return statusLabel(state.status, locale);
}
