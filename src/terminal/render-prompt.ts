// Turns an engine prompt into the lines the terminal prints. Pure, so it is tested by string equality.
import type { Prompt, QuestionPrompt, SectionBrief, SectionStart } from '../engine/prompt.ts';
import { tallyText } from '../i18n/tally-text.ts';
import { findItem, type Flow } from '../flow/model.ts';
import { engineErrorText } from '../i18n/engine-error-text.ts';
import { localize, type Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { answerText, describeItem, formatDate } from '../i18n/answer-text.ts';
import type { CarryOver } from '../engine/carry-over.ts';
import { carriedQuestionLines, carriedSectionLines, comparisonLines, pastPlannedChoice, unchangedKey } from './carry-over-lines.ts';
import type { ItemComparison } from '../flow/cycle-comparison.ts';

export function progressBar(position: number, total: number, width = 20): string {
  const filled = total === 0 ? 0 : Math.round((position / total) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

export { describeItem };


/** The numbered choices a question offers, in the order the user types their numbers. */
export function choicesOf(locale: Locale, prompt: QuestionPrompt): string[] {
  const spec = prompt.item.answer;
  switch (spec.type) {
    case 'status':
      return [
        t(locale, 'common.status.done'),
        t(locale, 'terminal.choicePlanned'),
        ...(spec.notApplicable ? [t(locale, 'common.status.na')] : []),
      ];
    case 'yesno':
      return [localize(spec.yes, locale), localize(spec.no, locale)];
    case 'single':
    case 'multi':
      return spec.options.map((o) => localize(o.label, locale));
    default:
      return [];
  }
}

/**
 * Review lists number items 1… so `e 3` can name one: a checklist's unanswered then planned items, a
 * form's every field.
 */
export function reviewTargets(prompt: Extract<Prompt, { kind: 'review' }>): string[] {
  if (!prompt.byStatus) return prompt.items.map((i) => i.itemId);
  return [...prompt.unanswered.map((i) => i.itemId), ...prompt.planned.map((i) => i.itemId)];
}

/**
 * In a re-assessment: `carryOver`, last time's answers beside the prompt; `comparison`, what changed, on
 * the review (see carry-over-lines.ts).
 */
export function renderPrompt(flow: Flow, locale: Locale, prompt: Prompt, carryOver?: CarryOver, comparison?: ItemComparison[]): string[] {
  const lines: string[] = [];
  if (prompt.error) lines.push(`⚠ ${engineErrorText(locale, prompt.error, (id) => describeItem(flow, locale, id))}`);
  switch (prompt.kind) {
    case 'intro':
      lines.push('', `━━ ${localize(prompt.flowTitle, locale)} ━━`);
      if (prompt.description) lines.push(localize(prompt.description, locale));
      lines.push(t(locale, 'terminal.intro', { total: prompt.totalItems }), t(locale, 'terminal.pressEnterToStart'));
      break;
    case 'section-intro':
      lines.push(...sectionStartLines(locale, prompt.section, prompt));
      if (carryOver?.kind === 'section') lines.push(...carriedSectionLines(flow, locale, carryOver.section));
      lines.push(t(locale, 'terminal.pressEnterToContinue'));
      break;
    case 'question':
      lines.push(...renderQuestion(locale, prompt, carryOver, prompt.error !== undefined));
      break;
    case 'review': {
      lines.push('', t(locale, 'terminal.reviewTitle'));
      for (const tally of prompt.tallies.filter((x) => !x.section.isGates)) lines.push(`  ${localize(tally.section.title, locale)}: ${tallyText(locale, tally)}`);
      if (comparison) lines.push(...comparisonLines(locale, comparison));
      let n = 0;
      if (!prompt.byStatus) {
        lines.push(...renderFormItems(flow, locale, prompt.items));
      } else if (prompt.unanswered.length) {
        lines.push(
          carryOver
            ? `${t(locale, 'carry.unconfirmedTitle', { count: prompt.unanswered.length })}:`
            : t(locale, 'terminal.reviewUnanswered', { count: prompt.unanswered.length }),
        );
        for (const i of prompt.unanswered) lines.push(`  ${++n}) ${localize(i.sectionTitle, locale)} ${i.number ?? ''} ${firstLine(localize(i.text, locale))}`);
      }
      if (prompt.byStatus && prompt.planned.length) {
        lines.push(t(locale, 'terminal.reviewPlanned', { count: prompt.planned.length }));
        for (const i of prompt.planned)
          lines.push(`  ${++n}) ${formatDate(locale, i.date)}  ${localize(i.sectionTitle, locale)} ${i.number ?? ''} ${firstLine(localize(i.text, locale))}`);
      }
      if (prompt.canSubmit) lines.push(t(locale, 'terminal.reviewCanSubmit'));
      lines.push(t(locale, 'terminal.reviewCommands'));
      break;
    }
    case 'paused':
      lines.push(t(locale, 'terminal.paused'));
      break;
    case 'submitted':
      lines.push(t(locale, 'terminal.submitted'));
      break;
  }
  return lines;
}

/** How the section before ended, then this one's title, size and introduction. */
function sectionStartLines(locale: Locale, section: SectionBrief, start: SectionStart): string[] {
  const lines: string[] = [];
  if (start.previous && !start.previous.section.isGates)
    lines.push('', t(locale, 'terminal.previousSection', { title: localize(start.previous.section.title, locale), tally: tallyText(locale, start.previous) }));
  lines.push('', t(locale, 'terminal.sectionHeader', { title: localize(section.title, locale), count: start.itemCount }));
  if (start.intro) lines.push(localize(start.intro, locale));
  return lines;
}

function renderQuestion(locale: Locale, prompt: QuestionPrompt, carryOver: CarryOver | undefined, refused: boolean): string[] {
  const { section, item, progress } = prompt;
  // Asked again after a refusal, the question is printed without its section's opening a second time.
  const opening = prompt.sectionStart && !refused ? sectionStartLines(locale, section, prompt.sectionStart) : [];
  const title = localize(section.title, locale);
  const header = section.isGates
    ? t(locale, 'common.progressGates', { section: title, inSection: progress.inSection.position, inSectionTotal: progress.inSection.total })
    : t(locale, 'common.progress', {
        section: title,
        inSection: progress.inSection.position,
        inSectionTotal: progress.inSection.total,
        overall: progress.overall.position,
        overallTotal: progress.overall.total,
      });
  const lines = [...opening, '', `━━ ${header} ${section.isGates ? '' : progressBar(progress.overall.position, progress.overall.total)}`.trimEnd()];
  if (prompt.editing) lines.push(t(locale, 'terminal.editingNote'));
  const text = localize(item.text, locale).split('\n');
  lines.push(`${item.number ? `${item.number} ` : ''}${text[0]}`, ...text.slice(1).map((l) => `   ${l}`));
  if (item.help) lines.push(`  ℹ ${localize(item.help, locale)}`);
  for (const note of item.notes) lines.push(`  ${note.id}: ${localize(note.text, locale)}`);
  const carried = carryOver?.kind === 'question' ? carryOver : undefined;
  if (carried) lines.push(...carriedQuestionLines(locale, item.answer, carried));
  choicesOf(locale, prompt).forEach((c, i) => lines.push(`  ${i + 1}) ${carried ? pastPlannedChoice(locale, carried, i) ?? c : c}`));
  if (carried?.item.confirmable) lines.push(`  ${t(locale, 'carry.terminal.unchanged', { key: unchangedKey(item.answer) })}`);
  if (prompt.current) lines.push(t(locale, 'terminal.currentAnswer', { answer: answerText(locale, item.answer, prompt.current) }));
  lines.push(t(locale, prompt.editing ? 'terminal.commandsEditing' : 'terminal.commands'));
  return lines;
}

/** A form's fields, numbered for `e N`, each with its id (for `e <id>`) and the answer as given. */
function renderFormItems(flow: Flow, locale: Locale, items: Extract<Prompt, { kind: 'review' }>['items']): string[] {
  const lines = [t(locale, 'terminal.reviewFields')];
  let section = '';
  items.forEach((i, index) => {
    const title = localize(i.sectionTitle, locale);
    if (title !== section) lines.push(`  ■ ${(section = title)}`);
    const spec = findItem(flow, i.itemId)!.item.answer;
    const answer = i.answer ? answerText(locale, spec, i.answer) : t(locale, 'common.status.unanswered');
    lines.push(`  ${index + 1}) ${firstLine(localize(i.text, locale))} [${i.itemId}]: ${firstLine(answer)}`);
  });
  return lines;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return [...line].length > 40 ? `${[...line].slice(0, 40).join('')}…` : line;
}
