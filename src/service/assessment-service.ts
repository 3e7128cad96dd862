// The one place where a conversation turn happens: restore the engine from SQLite, apply one
// interaction, persist snapshot + answers + history, all in one transaction. Adapters call this and
// render the prompt it returns; they never see SQL, and the engine never sees SQLite.
import { todayIn } from '../dates/calendar-date.ts';
import type { Answer, Answers } from '../flow/answer.ts';
import type { Flow } from '../flow/model.ts';
import type { Interaction } from '../engine/events.ts';
import type { Prompt } from '../engine/prompt.ts';
import { encodePosition } from '../engine/position.ts';
import { currentPrompt, restoreEngine, sendEvent, startEngine, type EngineState } from '../engine/session.ts';
import type { AnswerChange } from '../store/answers-repo.ts';
import type { Assessment } from '../store/assessments-repo.ts';
import type { Reassessment } from '../store/reassessments-repo.ts';
import type { Store } from '../store/store.ts';
import { NotRespondentError, OutdatedInteractionError } from './errors.ts';
import { stampToday, type Participant } from './interaction.ts';
import { canTransition, transition, type LifecycleAction } from './lifecycle.ts';
import { UnknownFlowError } from '../flow/errors.ts';
import { withPreviousCycle } from './carry-over-source.ts';
import type { ItemComparison } from '../flow/cycle-comparison.ts';
import type { CarryOver } from '../engine/carry-over.ts';
import { missingRelatedAssessments, type MissingRelatedAssessment, type RelatedScope } from './related-assessments.ts';

export interface Turn {
  assessment: Assessment;
  flow: Flow;
  prompt: Prompt;
  /** False when the engine refused the interaction; `prompt.error` says why and nothing was stored. */
  accepted: boolean;
  /** Items whose answer changed in this turn (including 該当なし set by skip logic). */
  changedItems: string[];
  /** While a returned assessment is being revised: the items the reviewer flagged (correct these first). */
  flaggedItems: string[];
  /** In a re-assessment that carries answers over: last cycle's answers beside this prompt. */
  carryOver?: CarryOver | undefined;
  /** On the review of a re-assessment (carried over or blank): what changed since the previous cycle. */
  comparison?: ItemComparison[] | undefined;
  /** After a re-assessment's 変更なし (one item or a section): which carried answers were confirmed, as what. */
  confirmed?: { itemIds: string[]; answers: Answers } | undefined;
}

export interface AssessmentServiceOptions {
  store: Store;
  flows: Map<string, Flow>;
  clock?: () => Date;
  /**
   * Runs inside the transaction of every accepted change to an assessment, so what depends on its
   * answers (the scheduler's reminders) is written together with them or not at all.
   */
  afterChange?: (organizationId: string, assessmentId: string) => void;
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;

export function createAssessmentService({ store, flows, clock = () => new Date(), afterChange }: AssessmentServiceOptions) {
  const flowOf = (a: Assessment): Flow => store.flowVersions.get(a.flowId, a.flowHash);

  /**
   * The engine rebuilt from the answers table (the truth) and the stored position. A submitted or approved
   * assessment is at the end whatever its position says: only the lifecycle service changes it now.
   */
  const engineOf = (a: Assessment, flow: Flow, link: Reassessment | undefined): EngineState => {
    // Only a re-assessment carrying answers over stops at each section's introduction, which lists them.
    const sectionIntroStep = link?.startMode === 'carried';
    const engine = restoreEngine(flow, store.answers.current(a.id), a.snapshotJson, { sectionIntroStep });
    if (a.status !== 'submitted' && a.status !== 'approved') return engine;
    return { ...engine, state: 'submitted', position: { ...engine.position, mode: 'submitted' } };
  };

  /** The flagged items of the latest 差し戻し, while the assessment is returned or being revised. */
  const flaggedOf = (a: Assessment): string[] => {
    if (a.status === 'submitted' || a.status === 'approved' || a.submittedAt === null) return [];
    const lastReturn = store.lifecycleEvents
      .list(a.id)
      .filter((e) => e.kind === 'return')
      .at(-1);
    return lastReturn?.detail.flaggedItems ?? [];
  };

  /**
   * The turn as adapters see it: in a re-assessment (`link`, read once per turn), with what it carries
   * over. `answers` are the ones stored now (the engine's, which the turn has just written when it changed any).
   */
  const turnOf = (turn: Omit<Turn, 'carryOver' | 'comparison'>, answers: Answers, link: Reassessment | undefined): Turn => {
    const { assessment, flow, prompt } = turn;
    const cycle = withPreviousCycle(store, { assessment, link, flow, answers, prompt, now: clock() });
    return { ...turn, prompt: cycle.prompt, carryOver: cycle.carryOver, comparison: cycle.comparison };
  };

  const actionOf = (state: string): LifecycleAction => (state === 'submitted' ? 'submit' : state === 'paused' ? 'pause' : 'work');

  return {
    /**
     * Runs use cases (this service's or another's on the same store) and resolves once what they stored
     * is on disk, with the disk sync off the event loop: what an adapter waits for before it tells the
     * person their answer is kept, while it goes on serving others.
     */
    durably<T>(fn: () => T): Promise<T> {
      return store.durably(fn);
    },

    /** The flows a new assessment can start with (the YAML files as they are now). */
    availableFlows(): Flow[] {
      return [...flows.values()];
    },

    start(input: { organizationId: string; facilityId: string; respondentId: string; flowId: string }): Turn {
      const flow = flows.get(input.flowId);
      if (!flow) throw new UnknownFlowError(input.flowId, [...flows.keys()]);
      return store.transaction(() => {
        const engine = startEngine(flow);
        const assessment = store.assessments.create({ ...input, flow, snapshotJson: encodePosition(engine.position) });
        // Created just now: a re-assessment is linked to its previous cycle only after this.
        return turnOf({ assessment, flow, prompt: currentPrompt(flow, engine), accepted: true, changedItems: [], flaggedItems: [] }, engine.context.answers, undefined);
      });
    },

    /** The assessment and what it asks now, changing nothing. */
    view(organizationId: string, assessmentId: string): Turn {
      const assessment = store.assessments.get(organizationId, assessmentId);
      const flow = flowOf(assessment);
      const link = store.reassessments.of(assessmentId);
      const engine = engineOf(assessment, flow, link);
      return turnOf(
        { assessment, flow, prompt: currentPrompt(flow, engine), accepted: true, changedItems: [], flaggedItems: flaggedOf(assessment) },
        engine.context.answers,
        link,
      );
    },

    /**
     * Applies one interaction. With `expectedRevision` (what the person saw), an interaction made on an
     * older view — a double click, a retried request — throws OutdatedInteractionError and changes nothing.
     */
    interact(who: Participant, assessmentId: string, interaction: Interaction, opts: { expectedRevision?: number } = {}): Turn {
      return store.transaction(() => {
        const assessment = store.assessments.get(who.organizationId, assessmentId);
        if (assessment.respondentId !== who.personId) throw new NotRespondentError(assessmentId, who.personId);
        if (opts.expectedRevision !== undefined && opts.expectedRevision !== assessment.revision)
          throw new OutdatedInteractionError(assessmentId, opts.expectedRevision, assessment.revision);
        const flow = flowOf(assessment);
        const facility = store.facilities.get(who.organizationId, assessment.facilityId);
        const event = stampToday(interaction, todayIn(facility.timeZone, clock()));
        const link = store.reassessments.of(assessmentId);
        const engine = engineOf(assessment, flow, link);
        const result = sendEvent(flow, engine, event);
        const flaggedItems = flaggedOf(assessment);
        if (!result.accepted)
          return turnOf({ assessment, flow, prompt: result.prompt, accepted: false, changedItems: [], flaggedItems }, result.answersBefore, link);
        if (!canTransition(assessment.status, actionOf(result.state))) {
          // The conversation allows it but the lifecycle does not (answering a submitted one): refuse.
          const error = { code: 'event.notAllowed' as const, params: { event: interaction.type, state: assessment.status } };
          return turnOf(
            { assessment, flow, prompt: { ...currentPrompt(flow, engine), error }, accepted: false, changedItems: [], flaggedItems },
            engine.context.answers,
            link,
          );
        }
        const next = transition(assessment.id, assessment.status, actionOf(result.state), assessment.submittedAt !== null);

        const changes = diffAnswers(result.answersBefore, result.context.answers);
        const byPerson = interaction.type === 'ANSWER' || interaction.type === 'REVISE' ? interaction.itemId : undefined;
        const manual = changes.filter((c) => c.itemId === byPerson);
        const automatic = changes.filter((c) => c.itemId !== byPerson);
        // The assessment was read above in this organization and `who` is its respondent.
        if (manual.length) store.answers.apply(assessmentId, manual, { personId: who.personId, channel: who.channel }, 'author-is-respondent');
        if (automatic.length) store.answers.apply(assessmentId, automatic, { personId: null, channel: 'system' }, 'author-is-respondent');
        const saved = store.assessments.saveEngineState(assessmentId, {
          expectedRevision: assessment.revision,
          snapshotJson: encodePosition(result.position),
          status: next.to,
        });
        if (next.kind)
          store.lifecycleEvents.append({
            assessmentId,
            kind: next.kind,
            fromStatus: assessment.status,
            toStatus: next.to,
            revision: saved.revision,
            personId: who.personId,
            channel: who.channel,
          });
        afterChange?.(who.organizationId, assessmentId);
        return turnOf(
          {
            assessment: saved,
            flow,
            prompt: result.prompt,
            accepted: true,
            changedItems: changes.map((c) => c.itemId),
            flaggedItems: next.to === 'submitted' ? [] : flaggedItems,
          },
          result.context.answers,
          link,
        );
      });
    },

    /**
     * The submitted assessments `flowId` draws on (its `related:` entries) that do not exist yet at that
     * place, so an adapter can say so and offer to start them before the flow itself.
     */
    missingRelated(flowId: string, where: RelatedScope): MissingRelatedAssessment[] {
      const flow = flows.get(flowId);
      if (!flow) throw new UnknownFlowError(flowId, [...flows.keys()]);
      return missingRelatedAssessments(store, flows, flow, where);
    },

    answers(organizationId: string, assessmentId: string): Answers {
      store.assessments.get(organizationId, assessmentId);
      return store.answers.current(assessmentId);
    },

    flowOf,
  };
}

function diffAnswers(before: Answers, after: Answers): AnswerChange[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: AnswerChange[] = [];
  for (const itemId of ids) {
    const a: Answer | undefined = before[itemId];
    const b: Answer | undefined = after[itemId];
    // The engine passes unchanged answers through as the same objects: only the others need comparing.
    if (a !== b && JSON.stringify(a) !== JSON.stringify(b)) changes.push({ itemId, answer: b });
  }
  return changes;
}
