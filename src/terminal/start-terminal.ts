// The local console conversation: who and where, which assessment, then the walk-through.
import type { Readable, Writable } from 'node:stream';
import type { Flow } from '../flow/model.ts';
import { localize, type Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import type { ScheduleService } from '../scheduler/schedule-service.ts';
import type { AssessmentService, Turn } from '../service/assessment-service.ts';
import type { WorkspaceDirectory } from '../service/workspace-directory.ts';
import { checklistRefs } from '../flow/model.ts';
import { toHalfWidth } from '../text/half-width.ts';
import { formatDate } from '../i18n/answer-text.ts';
import { runConversation, type ConversationEnd } from './conversation.ts';
import { reviewDueItems } from './due-items.ts';
import { createLineReader, type LineReader } from './line-reader.ts';
import type { ReassessmentService } from '../service/reassessment-service.ts';
import { carryOfferText } from '../i18n/carry-over-text.ts';

export interface TerminalOptions {
  /** Created with channel 'terminal' and the time zone new facilities get. */
  directory: WorkspaceDirectory;
  service: AssessmentService;
  /** Offers last cycle's answers when a flow was submitted at the facility before. */
  reassessment?: ReassessmentService;
  locale: Locale;
  input: Readable;
  output: Writable;
  onSubmitted?: (turn: Turn) => Promise<string[]>;
  /** When given, what is due for the person is shown first, to be marked done or moved. */
  schedule?: ScheduleService | undefined;
}

export async function runTerminal(o: TerminalOptions): Promise<ConversationEnd | 'input-ended'> {
  const { directory, service, locale } = o;
  const write = (line: string) => o.output.write(`${line}\n`);
  const reader = createLineReader(o.input, o.output);
  try {
    write(t(locale, 'terminal.banner'));
    // The self-assessments first (what most people come for), then the forms that build on them.
    const flows = service.availableFlows().sort((a, b) => Number(a.kind !== 'checklist') - Number(b.kind !== 'checklist'));
    if (flows.length === 0) {
      write(t(locale, 'terminal.noFlows'));
      return 'input-ended';
    }
    const facilityName = await askNonEmpty(reader, write, locale, t(locale, 'terminal.askFacility'));
    if (facilityName === null) return 'input-ended';
    const respondentName = await askNonEmpty(reader, write, locale, t(locale, 'terminal.askRespondent'));
    if (respondentName === null) return 'input-ended';

    const { organization: org, person, facility, participant } = directory.enterLocal({ facilityName, respondentName });
    if (o.schedule) {
      const today = () => directory.todayFor(org.id, { facilityId: facility.id });
      if ((await reviewDueItems({ schedule: o.schedule, participant, locale, reader, write, today })) === 'input-ended') return 'input-ended';
    }
    const resumable = directory.resumableAt(org.id, person.id, facility.id);

    const choices: { label: string; pick: () => string | null | Promise<string | null> }[] = [];
    if (resumable.length) write(t(locale, 'terminal.resumable'));
    for (const a of resumable) {
      const label = t(locale, 'terminal.resumableLine', {
        title: localize(a.flowTitle, locale),
        facility: a.facilityName,
        started: formatDate(locale, a.startedOn),
        answered: a.answered,
        total: a.total,
      });
      choices.push({ label, pick: () => a.id });
      write(`  ${choices.length}) ${label}`);
    }
    write(t(locale, 'terminal.startNew'));
    const where = { organizationId: org.id, facilityId: facility.id, respondentId: person.id };
    /** A flow submitted here before starts from its answers (each to be confirmed) or blank, as the person picks. */
    const start = async (flowId: string): Promise<string | null> => {
      const offer = o.reassessment?.offer(org.id, facility.id, flowId);
      if (!o.reassessment || !offer) return service.start({ ...where, flowId }).assessment.id;
      write(t(locale, 'carry.offerNote', { submitted: formatDate(locale, offer.submittedOn) }));
      write(`  1) ${carryOfferText(locale, offer.submittedOn)}`);
      write(`  2) ${t(locale, 'carry.blank')}`);
      const answer = await askChoice(reader, write, locale, 2);
      if (answer === null) return null;
      return o.reassessment.startReassessment({ ...where, flowId, mode: answer === 0 ? 'carried' : 'blank' }).assessment.id;
    };
    for (const flow of flows) {
      const label = flowLabel(flow, locale);
      choices.push({
        label,
        pick: async () => {
          // A form that draws on another assessment (the agency form's 遵守 box) says so and offers it first.
          const missing = service.missingRelated(flow.id, { organizationId: org.id, facilityId: facility.id });
          const offer = missing.find((m) => m.canStart);
          for (const m of missing) write(`ℹ ${localize(m.message, locale)}`);
          if (!offer) return start(flow.id);
          write(`  1) ${t(locale, 'common.related.startFirst', { title: localize(offer.flowTitle ?? { ja: offer.flowId }, locale) })}`);
          write(`  2) ${t(locale, 'common.related.continueWithout')}`);
          const answer = await askChoice(reader, write, locale, 2);
          if (answer === null) return null;
          if (answer === 1) return start(flow.id);
          // The checklist may already be under way here: continue it rather than start a second one.
          return resumable.find((a) => a.flowId === offer.flowId)?.id ?? start(offer.flowId);
        },
      });
      write(`  ${choices.length}) ${label}`);
    }
    const choice = await askChoice(reader, write, locale, choices.length);
    if (choice === null) return 'input-ended';
    const assessmentId = await choices[choice]!.pick();
    if (assessmentId === null) return 'input-ended';

    return await runConversation({
      service,
      participant,
      assessmentId,
      reader,
      write,
      locale,
      ...(o.onSubmitted ? { onSubmitted: o.onSubmitted } : {}),
      ...(o.reassessment ? { reassessment: o.reassessment } : {}),
    });
  } finally {
    reader.close();
  }
}

function flowLabel(flow: Flow, locale: Locale): string {
  return `${localize(flow.title, locale)}（${checklistRefs(flow).length}${locale === 'ja' ? '項目' : ' items'}）`;
}

/** Names print in every report header; longer ones are refused here, where they are typed. */
export const NAME_MAX_LENGTH = 100;

async function askNonEmpty(reader: LineReader, write: (l: string) => void, locale: Locale, label: string): Promise<string | null> {
  for (;;) {
    const line = await reader.next(`${label}> `);
    if (line === null) return null;
    const name = line.trim();
    const length = [...name].length;
    if (length > NAME_MAX_LENGTH) write(t(locale, 'terminal.nameTooLong', { label, max: NAME_MAX_LENGTH, length }));
    else if (name) return name;
    else write(t(locale, 'terminal.nameRequired'));
  }
}

async function askChoice(reader: LineReader, write: (l: string) => void, locale: Locale, max: number): Promise<number | null> {
  for (;;) {
    const line = await reader.next(`${t(locale, 'terminal.chooseNumber')}> `);
    if (line === null) return null;
    const n = Number(toHalfWidth(line.trim()));
    if (Number.isInteger(n) && n >= 1 && n <= max) return n - 1;
    write(t(locale, 'terminal.notAChoice', { max }));
  }
}
