// Each facility's checklists over the years: how many items were 実施済 in the assessment submitted in
// each 年度 (the latest one when a 年度 has several), for the App Home's trend bars.
import { todayIn } from '../dates/calendar-date.ts';
import { fiscalYearOf } from '../dates/fiscal-year.ts';
import type { Localized } from '../flow/schema.ts';
import { summarizeAssessment } from '../report/summary.ts';
import type { Store } from '../store/store.ts';

export interface FiscalYearTally {
  fiscalYear: number;
  done: number;
  total: number;
  assessmentId: string;
}

export interface FacilityTrend {
  facilityId: string;
  facilityName: string;
  flowId: string;
  flowTitle: Localized;
  /** Oldest 年度 first. */
  years: FiscalYearTally[];
}

/** Checklist flows only (forms have no 実施済); facilities without a submission are left out. */
export function facilityTrends(store: Store, organizationId: string): FacilityTrend[] {
  const trends: FacilityTrend[] = [];
  for (const facility of store.facilities.list(organizationId)) {
    const byFlow = new Map<string, FacilityTrend>();
    const submitted = store.assessments
      .listForFacility(organizationId, facility.id)
      .filter((a) => (a.status === 'submitted' || a.status === 'approved') && a.submittedAt !== null)
      .sort((x, y) => (x.submittedAt! < y.submittedAt! ? -1 : 1));
    for (const assessment of submitted) {
      const flow = store.flowVersions.get(assessment.flowId, assessment.flowHash);
      if (flow.kind !== 'checklist') continue;
      const { totals } = summarizeAssessment(flow, store.answers.current(assessment.id));
      if (totals.total === 0) continue;
      let trend = byFlow.get(flow.id);
      if (!trend) {
        trend = { facilityId: facility.id, facilityName: facility.name, flowId: flow.id, flowTitle: flow.title, years: [] };
        byFlow.set(flow.id, trend);
      }
      trend.flowTitle = flow.title;
      const fiscalYear = fiscalYearOf(todayIn(facility.timeZone, new Date(assessment.submittedAt!)));
      const tally = { fiscalYear, done: totals.done, total: totals.total, assessmentId: assessment.id };
      // Submissions come oldest first: a later one in the same 年度 replaces the earlier.
      const last = trend.years.at(-1);
      if (last?.fiscalYear === fiscalYear) trend.years[trend.years.length - 1] = tally;
      else trend.years.push(tally);
    }
    trends.push(...byFlow.values());
  }
  return trends;
}
