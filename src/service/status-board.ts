// The leads' view across facilities: for every active facility and every flow, the latest assessment's
// state, counts, overdue 実施予定 items and dates — for the App Home dashboard and the XLSX/CSV exports.
// Leads only (checked here, whatever the adapter showed).
import { todayIn } from '../dates/calendar-date.ts';
import { itemRefs, type Flow } from '../flow/model.ts';
import { checklistRows } from '../report/checklist-rows.ts';
import { localize, type ReportLocale } from '../report/localize.ts';
import { statusLabel } from '../report/status-labels.ts';
import { urgencyOrder, type BoardItem, type BoardReview, type BoardRow, type FlowState, type StatusBoard } from '../report/status-board.ts';
import { answerText, describeItem } from '../i18n/answer-text.ts';
import type { AssessmentSummary } from '../store/assessments-repo.ts';
import type { Facility } from '../store/facilities-repo.ts';
import type { Store } from '../store/store.ts';
import type { Participant } from './interaction.ts';
import type { Roles } from './roles.ts';
import { comparisonColumns } from '../report/comparison-columns.ts';
import { previousCycleOf } from './carry-over-source.ts';

export type StatusBoardService = ReturnType<typeof createStatusBoard>;

/**
 * The dashboard's state. A returned assessment stays 差し戻し中 while its respondent revises it (the
 * lifecycle calls that 回答中 again), until it is submitted anew.
 */
export function stateOf(assessment: AssessmentSummary | undefined, lastLifecycleKind?: string): FlowState {
  if ((assessment?.status === 'in_progress' || assessment?.status === 'paused') && lastLifecycleKind === 'return') return 'returned';
  switch (assessment?.status) {
    case undefined:
      return 'not_started';
    case 'submitted':
      return 'submitted';
    case 'approved':
      return 'approved';
    case 'returned':
      return 'returned';
    default:
      return 'in_progress';
  }
}

export function createStatusBoard({ store, flows, roles, clock = () => new Date() }: { store: Store; flows: Map<string, Flow>; roles: Roles; clock?: () => Date }) {
  const rowOf = (facility: Facility, flow: Flow, assessment: AssessmentSummary | undefined, locale: ReportLocale): BoardRow => {
    const today = todayIn(facility.timeZone, clock());
    const day = (iso: string | null | undefined) => (iso ? todayIn(facility.timeZone, new Date(iso)) : undefined);
    const used = assessment ? store.flowVersions.get(assessment.flowId, assessment.flowHash) : flow;
    const answers = assessment ? store.answers.current(assessment.id) : {};
    const respondent = assessment ? store.people.get(assessment.organizationId, assessment.respondentId) : undefined;
    const previous = assessment && used.kind === 'checklist' ? previousCycleOf(store, assessment) : undefined;
    const comparison = previous ? comparisonColumns({ flow: used, answers, previous }, locale) : undefined;
    const items: BoardItem[] =
      used.kind === 'checklist'
        ? checklistRows(used, answers, locale).map((r) => ({
            itemId: r.itemId,
            sectionTitle: r.sectionTitle,
            number: r.number,
            text: r.text,
            status: r.status,
            answer:
              r.status === 'done'
                ? `■${statusLabel('done', locale)}`
                : r.status === 'planned'
                  ? `${statusLabel('planned', locale)}(${r.plannedDate})`
                  : r.status === 'na'
                    ? statusLabel('na', locale)
                    : '',
            plannedDate: r.plannedDate,
            overdue: r.status === 'planned' && r.plannedDate !== null && r.plannedDate < today,
            ...(comparison ? { comparison: comparison.cellsFor(r.itemId) } : {}),
          }))
        : itemRefs(used)
            .filter((ref) => ref.section.kind !== 'gates')
            .map((ref) => ({
              itemId: ref.item.id,
              sectionTitle: localize(ref.section.title, locale),
              number: ref.item.number ?? '',
              text: localize(ref.item.text, locale),
              status: undefined,
              // Unanswered and left-blank fields are empty cells, not 「未回答」 text.
              answer: answers[ref.item.id] === undefined || answers[ref.item.id]!.kind === 'blank' ? '' : answerText(locale, ref.item.answer, answers[ref.item.id]),
              plannedDate: null,
              overdue: false,
            }));
    const counts = { done: 0, planned: 0, na: 0, unanswered: 0 };
    for (const item of items) if (item.status) counts[item.status] += 1;
    const approval = assessment?.status === 'approved' ? store.reviews.history(assessment.id).filter((d) => d.decision === 'approved').at(-1) : undefined;
    const approver = approval ? store.people.get(facility.organizationId, approval.reviewerId) : undefined;
    return {
      facilityId: facility.id,
      facilityName: facility.name,
      flowId: flow.id,
      flowTitle: localize(flow.title, locale),
      state: stateOf(
        assessment,
        assessment
          ? store.lifecycleEvents
              .list(assessment.id)
              .filter((e) => e.kind === 'submit' || e.kind === 'resubmit' || e.kind === 'return')
              .at(-1)?.kind
          : undefined,
      ),
      assessmentId: assessment?.id,
      respondentName: respondent?.displayName,
      respondentSlackId: respondent?.slackUserId ?? undefined,
      answered: used.kind === 'checklist' ? items.length - counts.unanswered : items.filter((i) => i.answer !== '').length,
      total: items.length,
      counts,
      overdue: items.filter((i) => i.overdue).length,
      startedOn: day(assessment?.createdAt),
      lastSubmittedOn: day(assessment?.submittedAt),
      approvedOn: day(approval?.at ?? (assessment?.status === 'approved' ? assessment.reviewedAt : undefined)),
      approvedBy: approver?.displayName,
      items,
      ...(comparison ? { removed: comparison.removed } : {}),
    };
  };

  const build = (organizationId: string, locale: ReportLocale, timeZone: string): StatusBoard => {
      const organization = store.organizations.get(organizationId);
      const facilities = store.facilities.listActive(organizationId);
      const available = [...flows.values()];
      const rows: BoardRow[] = [];
      for (const facility of facilities) {
        const assessments = store.assessments.listForFacility(organizationId, facility.id);
        for (const flow of available) rows.push(rowOf(facility, flow, assessments.find((a) => a.flowId === flow.id), locale));
      }
      rows.sort(urgencyOrder);
      const reviews: BoardReview[] = rows.flatMap((row) => {
        if (!row.assessmentId) return [];
        const facility = facilities.find((f) => f.id === row.facilityId)!;
        const assessment = store.assessments.get(organizationId, row.assessmentId);
        const flow = store.flowVersions.get(assessment.flowId, assessment.flowHash);
        return store.reviews.history(row.assessmentId).map((d) => ({
          facilityName: row.facilityName,
          flowTitle: row.flowTitle,
          round: d.round,
          decision: d.decision,
          comment: d.comment ?? '',
          flags: d.flags.map((f) => `${describeItem(flow, locale, f.itemId)}${f.comment ? `: ${f.comment}` : ''}`),
          reviewerName: store.people.get(organizationId, d.reviewerId).displayName,
          on: todayIn(facility.timeZone, new Date(d.at)),
          channel: d.channel,
          ownSubmission: d.ownSubmission,
        }));
      });
      reviews.sort((a, b) => a.on.localeCompare(b.on) || a.facilityName.localeCompare(b.facilityName, 'ja') || a.round - b.round);
      return {
        organizationName: organization.name,
        generatedOn: todayIn(timeZone, clock()),
        locale,
        flows: available.map((flow) => ({
          id: flow.id,
          title: localize(flow.title, locale),
          columns: (flow.kind === 'checklist' ? checklistRows(flow, {}, locale) : itemRefs(flow).filter((r) => r.section.kind !== 'gates').map((r) => ({ itemId: r.item.id, number: r.item.number ?? '', text: localize(r.item.text, locale) }))).map(
            (c) => ({ itemId: c.itemId, number: c.number, text: c.text }),
          ),
        })),
        rows,
        reviews,
      };
  };

  return {
    /** The whole board of the lead's organization, most urgent first. */
    board(who: Participant, locale: ReportLocale = 'ja', timeZone = 'Asia/Tokyo'): StatusBoard {
      roles.requireLead(who, 'see every facility');
      return build(who.organizationId, locale, timeZone);
    },

    /** For operator tools that hold the database file itself (the CLI): no person acts, so no role applies. */
    boardForOperator(organizationId: string, locale: ReportLocale = 'ja', timeZone = 'Asia/Tokyo'): StatusBoard {
      return build(organizationId, locale, timeZone);
    },
  };
}
