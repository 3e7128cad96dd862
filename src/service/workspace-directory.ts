// Who is acting, from an adapter's point of view: the organization of a Slack team (or the terminal's
// local one), the person of a Slack user (or the name typed at the terminal), the facility a new
// assessment belongs to, and the lists a person sees (status, App Home, what can be resumed). Adapters
// call this instead of stitching repository calls together themselves.
import { todayIn } from '../dates/calendar-date.ts';
import { checklistRefs } from '../flow/model.ts';
import type { Localized } from '../flow/schema.ts';
import type { Locale } from '../i18n/locale.ts';
import { openAssessmentStatuses, type Assessment, type AssessmentStatus, type AssessmentSummary } from '../store/assessments-repo.ts';
import type { Facility } from '../store/facilities-repo.ts';
import type { Organization } from '../store/organizations-repo.ts';
import type { Person } from '../store/people-repo.ts';
import type { Store } from '../store/store.ts';
import { facilityTrends, type FacilityTrend } from './facility-trends.ts';
import { reportSource, type ReportSource } from './report-source.ts';
import type { Channel, Participant } from './interaction.ts';

export interface WorkspaceMember {
  organization: Organization;
  person: Person;
  participant: Participant;
}

export interface AssessmentOverview {
  id: string;
  flowId: string;
  flowTitle: Localized;
  status: AssessmentStatus;
  revision: number;
  facilityName: string;
  /** Checklist items answered (gate questions excluded) and their number. */
  answered: number;
  total: number;
  /** Calendar dates in the facility's time zone. */
  startedOn: string;
  updatedOn: string;
  submittedOn: string | undefined;
}

/** Everything report/render-report.ts needs about one assessment, in the reader's language. */
export type LocalizedReportSource = ReportSource & { locale: Locale };

export interface WorkspaceDirectoryOptions {
  store: Store;
  channel: Channel;
  clock?: () => Date;
  /** For people seen for the first time. */
  defaultLocale?: Locale;
  defaultTimeZone?: string;
}

export type WorkspaceDirectory = ReturnType<typeof createWorkspaceDirectory>;


/** Still waiting on the respondent: the store's one list of open statuses. */
const isOpen = (status: AssessmentStatus): boolean => (openAssessmentStatuses as readonly AssessmentStatus[]).includes(status);

export function createWorkspaceDirectory({ store, channel, clock = () => new Date(), defaultLocale = 'ja', defaultTimeZone }: WorkspaceDirectoryOptions) {
  const overviewOf = (assessment: AssessmentSummary): AssessmentOverview => {
    const flow = store.flowVersions.get(assessment.flowId, assessment.flowHash);
    const facility = store.facilities.get(assessment.organizationId, assessment.facilityId);
    const answered = new Set(store.answers.answeredItems(assessment.id));
    const checklist = checklistRefs(flow);
    const day = (iso: string) => todayIn(facility.timeZone, new Date(iso));
    return {
      id: assessment.id,
      flowId: flow.id,
      flowTitle: flow.title,
      status: assessment.status,
      revision: assessment.revision,
      facilityName: facility.name,
      answered: checklist.filter((r) => answered.has(r.item.id)).length,
      total: checklist.length,
      startedOn: day(assessment.createdAt),
      updatedOn: day(assessment.updatedAt),
      submittedOn: assessment.submittedAt ? day(assessment.submittedAt) : undefined,
    };
  };

  return {
    /** The organization and person behind a Slack team and user, created on first contact. */
    enter(input: { teamId: string; slackUserId: string; teamName?: string; userName?: string }): WorkspaceMember {
      // Every click comes through here: someone already known (the usual case) is two reads, without the
      // write lock, the insert attempts and their new ids that first contact needs.
      const known = store.organizations.findBySlackTeam(input.teamId);
      const knownPerson = known && store.people.findBySlackUser(known.id, input.slackUserId);
      if (
        known &&
        knownPerson &&
        (input.teamName === undefined || known.name === input.teamName) &&
        (input.userName === undefined || knownPerson.displayName === input.userName)
      )
        return { organization: known, person: knownPerson, participant: { organizationId: known.id, personId: knownPerson.id, channel } };
      return store.transaction(() => {
        const organization = store.organizations.ensureForSlackTeam(input.teamId, input.teamName);
        const person = store.people.ensureForSlackUser(organization.id, input.slackUserId, input.userName, { locale: defaultLocale });
        return { organization, person, participant: { organizationId: organization.id, personId: person.id, channel } };
      });
    },

    /** The organization of a Slack team, created on first contact. */
    organizationOfTeam(teamId: string): Organization {
      return store.organizations.ensureForSlackTeam(teamId);
    },

    /**
     * The terminal's person at a facility they name, all created on first use (the terminal has one
     * local organization; the facility keeps the time zone it was created with).
     */
    enterLocal(input: { facilityName: string; respondentName: string }): WorkspaceMember & { facility: Facility } {
      return store.transaction(() => {
        const organization = store.organizations.ensureLocal();
        const facility = store.facilities.ensure(organization.id, input.facilityName, defaultTimeZone);
        const person = store.people.ensureLocal(organization.id, input.respondentName, { locale: defaultLocale });
        return { organization, person, facility, participant: { organizationId: organization.id, personId: person.id, channel } };
      });
    },

    /** The person's open assessments at one facility, most recently touched first (what can be resumed there). */
    resumableAt(organizationId: string, personId: string, facilityId: string): AssessmentOverview[] {
      return store.assessments
        .listInProgress(organizationId, personId)
        .filter((a) => a.facilityId === facilityId)
        .map(overviewOf);
    },

    /**
     * Where a new assessment is filed: the organization's only facility when it has exactly one
     * (created at the terminal, say), otherwise one named after the workspace.
     */
    facilityForNewAssessment(organizationId: string, workspaceName: string): Facility {
      const existing = store.facilities.list(organizationId);
      if (existing.length === 1) return existing[0]!;
      return store.facilities.ensure(organizationId, workspaceName, defaultTimeZone);
    },

    /** Today in the assessment's facility's time zone (the first day a 実施予定 date may take). */
    todayFor(organizationId: string, assessment: Pick<Assessment, 'facilityId'>): string {
      return todayIn(store.facilities.get(organizationId, assessment.facilityId).timeZone, clock());
    },

    /** The person's assessments, newest first: still waiting on them, and submitted (or reviewed). */
    overview(organizationId: string, personId: string): { open: AssessmentOverview[]; submitted: AssessmentOverview[] } {
      const all = store.assessments.listForPerson(organizationId, personId).map(overviewOf);
      return { open: all.filter((a) => isOpen(a.status)), submitted: all.filter((a) => !isOpen(a.status)) };
    },

    /** The assessment `/kakunin` continues: the most recently touched one still open. */
    currentAssessment(organizationId: string, personId: string, flowId?: string): AssessmentSummary | undefined {
      return store.assessments.listInProgress(organizationId, personId).find((a) => flowId === undefined || a.flowId === flowId);
    },

    latestSubmitted(organizationId: string, personId: string): AssessmentSummary | undefined {
      return store.assessments.latestSubmittedBy(organizationId, personId);
    },

    /** Each facility's 実施済 count per 年度 (App Home's trend). */
    trends(organizationId: string): FacilityTrend[] {
      return facilityTrends(store, organizationId);
    },

    reportSource(organizationId: string, assessmentId: string, locale: Locale): LocalizedReportSource {
      return { ...reportSource(store, organizationId, assessmentId), locale };
    },
  };
}
