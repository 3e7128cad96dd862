// The assessments a flow draws on (its `related:` entries): the latest submitted one of another flow, in the
// whole organization or at the same facility. Reports use them (the agency form's 「ガイドラインの遵守」);
// adapters use `missingRelatedAssessments` to tell the person one is missing and offer to start it.
import { todayIn } from '../dates/calendar-date.ts';
import type { Flow } from '../flow/model.ts';
import type { Localized } from '../flow/schema.ts';
import type { RelatedAssessment, RelatedAssessments } from '../report/related-assessment.ts';
import type { Store } from '../store/store.ts';

/** Where the assessment that draws on them is: its organization and facility. */
export interface RelatedScope {
  organizationId: string;
  facilityId: string;
}

export function relatedAssessments(store: Store, flow: Flow, where: RelatedScope): RelatedAssessments {
  const found: RelatedAssessments = {};
  for (const related of flow.related ?? []) {
    const latest = store.assessments.latestSubmitted(
      where.organizationId,
      related.flow,
      related.scope === 'facility' ? where.facilityId : undefined,
    );
    if (!latest || !latest.submittedAt) continue;
    const facility = store.facilities.get(where.organizationId, latest.facilityId);
    const assessment: RelatedAssessment = {
      flow: store.flowVersions.get(latest.flowId, latest.flowHash),
      answers: store.answers.current(latest.id),
      assessmentId: latest.id,
      facilityName: facility.name,
      submittedOn: todayIn(facility.timeZone, new Date(latest.submittedAt)),
    };
    found[related.id] = assessment;
  }
  return found;
}

export interface MissingRelatedAssessment {
  /** The `id` of the flow's `related:` entry. */
  relatedId: string;
  /** The flow to start so that it exists. */
  flowId: string;
  /** Its title, when that flow is loaded (adapters name it in the offer). */
  flowTitle?: Localized | undefined;
  /** What to tell the person (the entry's `missing`). */
  message: Localized;
  /** False when the flow is not among the loaded flows, so there is nothing to offer. */
  canStart: boolean;
}

/** Required related assessments that do not exist yet, in the order the flow lists them. */
export function missingRelatedAssessments(
  store: Store,
  flows: Map<string, Flow>,
  flow: Flow,
  where: RelatedScope,
): MissingRelatedAssessment[] {
  const present = relatedAssessments(store, flow, where);
  return (flow.related ?? [])
    .filter((r) => r.required && !present[r.id])
    .map((r) => ({
      relatedId: r.id,
      flowId: r.flow,
      flowTitle: flows.get(r.flow)?.title,
      message: r.missing ?? { ja: r.flow },
      canStart: flows.has(r.flow),
    }));
}
