// Re-assessment use cases: offer last cycle's answers when a flow is started again at a facility, start
// carried over (or blank, still compared at the end), and confirm carried answers — one item with 変更なし,
// or a whole section with 「この分野はすべて変更なし」 only while its list is what the person sees. Each
// call is one SQLite transaction; confirmations are recorded with who, when, channel and how.
import { todayIn } from '../dates/calendar-date.ts';
import { fiscalYearOf } from '../dates/fiscal-year.ts';
import type { EngineError } from '../engine/engine-error.ts';
import type { Answers } from '../flow/answer.ts';
import type { Interaction } from '../engine/events.ts';
import type { StartMode } from '../store/reassessments-repo.ts';

export type { StartMode };
import type { Store } from '../store/store.ts';
import type { AssessmentService, Turn } from './assessment-service.ts';
import { ConfirmationStepRefusedError, NoPreviousCycleError, NotCarriedOverError, NotRespondentError, OutdatedInteractionError } from './errors.ts';
import type { Participant } from './interaction.ts';

/** What 「前回（…提出）の回答を引き継いで始める」 names. */
export interface PreviousCycleOffer {
  assessmentId: string;
  flowId: string;
  /** YYYY-MM-DD in the facility's time zone. */
  submittedOn: string;
  fiscalYear: number;
}

export interface StartReassessmentInput {
  organizationId: string;
  facilityId: string;
  respondentId: string;
  flowId: string;
  mode: StartMode;
}

export type ReassessmentService = ReturnType<typeof createReassessmentService>;

export function createReassessmentService(deps: { store: Store; service: AssessmentService; clock?: () => Date }) {
  const { store, service } = deps;

  const refused = (turn: Turn, error: EngineError): Turn => ({ ...turn, accepted: false, changedItems: [], prompt: { ...turn.prompt, error } });

  const act = (who: Participant, assessmentId: string, interaction: Interaction, expectedRevision?: number): Turn => {
    const turn = service.interact(who, assessmentId, interaction, expectedRevision === undefined ? {} : { expectedRevision });
    // Confirming follows the walk the engine itself would take; a refusal here is a bug, not a user error.
    if (!turn.accepted) throw new ConfirmationStepRefusedError(assessmentId, interaction.type, turn.prompt.error?.code);
    return turn;
  };

  /** What the person sees now; refused as `interact` would be when it is not theirs or they saw an older view. */
  const carriedView = (who: Participant, assessmentId: string, expectedRevision: number | undefined): Turn => {
    const view = service.view(who.organizationId, assessmentId);
    if (view.assessment.respondentId !== who.personId) throw new NotRespondentError(assessmentId, who.personId);
    if (expectedRevision !== undefined && expectedRevision !== view.assessment.revision)
      throw new OutdatedInteractionError(assessmentId, expectedRevision, view.assessment.revision);
    if (!view.carryOver) throw new NotCarriedOverError(assessmentId);
    return view;
  };

  return {
    /** The latest submitted (or approved) assessment of the flow at the facility; undefined when there is none. */
    offer(organizationId: string, facilityId: string, flowId: string): PreviousCycleOffer | undefined {
      const previous = store.assessments.latestSubmitted(organizationId, flowId, facilityId);
      if (!previous) return undefined;
      const facility = store.facilities.get(organizationId, facilityId);
      const submittedOn = todayIn(facility.timeZone, new Date(previous.submittedAt!));
      return { assessmentId: previous.id, flowId, submittedOn, fiscalYear: fiscalYearOf(submittedOn) };
    },

    /**
     * Starts the flow again at the facility, following its latest submission: `carried` offers each of its
     * answers for confirmation, `blank` asks afresh (and compares at the end). Without a previous
     * submission, `blank` is an ordinary start and `carried` is refused.
     */
    startReassessment(input: StartReassessmentInput): Turn {
      return store.transaction(() => {
        const offer = this.offer(input.organizationId, input.facilityId, input.flowId);
        if (!offer && input.mode === 'carried') throw new NoPreviousCycleError(input.flowId, input.facilityId);
        const { mode: _mode, ...start } = input;
        const started = service.start(start);
        if (!offer) return started;
        store.reassessments.link(input.organizationId, started.assessment.id, offer.assessmentId, input.mode);
        return service.view(input.organizationId, started.assessment.id);
      });
    },

    /** Today at the assessment's facility: the default 実施日 of a past 実施予定 answered 実施済. */
    todayFor(organizationId: string, assessmentId: string): string {
      const assessment = store.assessments.get(organizationId, assessmentId);
      return todayIn(store.facilities.get(organizationId, assessment.facilityId).timeZone, deps.clock?.() ?? new Date());
    },

    /** 変更なし: the carried answer of the item being asked becomes this cycle's answer, confirmed by `who` now. */
    confirmItem(who: Participant, assessmentId: string, itemId: string, opts: { expectedRevision?: number } = {}): Turn {
      return store.transaction(() => {
        const view = carriedView(who, assessmentId, opts.expectedRevision);
        const carried = view.carryOver!;
        if (carried.kind !== 'question' || carried.item.itemId !== itemId)
          return refused(view, { code: 'item.stale', params: { itemId, currentItemId: view.prompt.kind === 'question' ? view.prompt.item.id : '' } });
        if (!carried.item.confirmable || !carried.item.previous)
          return refused(view, { code: 'confirm.notConfirmable', params: { itemId, reason: carried.item.notConfirmable ?? 'noAnswer' } });
        const turn = act(who, assessmentId, { type: 'ANSWER', itemId, answer: carried.item.previous }, opts.expectedRevision);
        store.reassessments.recordConfirmations(assessmentId, [itemId], who, { via: 'item' });
        return { ...turn, confirmed: { itemIds: [itemId], answers: { [itemId]: carried.item.previous } } };
      });
    },

    /**
     * 「この分野はすべて変更なし」: only while the section's list (each item with last cycle's answer) is what
     * the person is looking at, and only when every open item of it can take its carried answer as is.
     * Each item is then confirmed by `who`, at this moment, via this section step.
     */
    confirmSection(who: Participant, assessmentId: string, sectionId: string, opts: { expectedRevision?: number } = {}): Turn {
      return store.transaction(() => {
        const view = carriedView(who, assessmentId, opts.expectedRevision);
        const carried = view.carryOver!;
        if (carried.kind !== 'section' || carried.section.sectionId !== sectionId)
          return refused(view, { code: 'confirm.sectionNotShown', params: { sectionId } });
        if (!carried.section.canConfirmAll) {
          const items = carried.section.items.filter((i) => !i.confirmed && (!i.confirmable || i.reworded)).map((i) => i.itemId);
          return refused(view, { code: 'confirm.sectionNeedsAnswers', params: { items } });
        }
        let turn = act(who, assessmentId, { type: 'CONTINUE' }, opts.expectedRevision);
        const confirmed: Answers = {};
        while (turn.prompt.kind === 'question' && turn.prompt.section.id === sectionId && turn.carryOver?.kind === 'question') {
          const item = turn.carryOver.item;
          if (!item.confirmed) confirmed[item.itemId] = item.previous!;
          turn = act(who, assessmentId, { type: 'ANSWER', itemId: item.itemId, answer: item.current ?? item.previous! });
        }
        const itemIds = Object.keys(confirmed);
        store.reassessments.recordConfirmations(assessmentId, itemIds, who, { via: 'section', sectionId });
        return { ...turn, confirmed: { itemIds, answers: confirmed } };
      });
    },
  };
}
