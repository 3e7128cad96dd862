// Any engine prompt as the DM message(s) that ask it. The one entry point the conversation uses.
import type { CarryOver } from '../../engine/carry-over.ts';
import type { ItemComparison } from '../../flow/cycle-comparison.ts';
import type { Prompt } from '../../engine/prompt.ts';
import type { Flow } from '../../flow/model.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { Step } from '../action-values.ts';
import type { SlackMessage } from './block-kit.ts';
import { introMessage } from './intro-message.ts';
import { pausedMessage } from './paused-message.ts';
import { questionMessage } from './question-message.ts';
import { reviewMessages } from './review-messages.ts';
import { sectionIntroMessages } from './section-intro-message.ts';
import { submittedMessage } from './submitted-message.ts';

export interface PromptMessagesInput {
  flow: Flow;
  prompt: Prompt;
  step: Step;
  locale: Locale;
  today: string;
  planning?: { attempt?: string; done?: boolean } | undefined;
  /** While a returned assessment is revised: the items the lead flagged (the review offers to fix each). */
  flagged?: string[] | undefined;
  /** A re-assessment's carried answers beside the prompt (Turn.carryOver). */
  carryOver?: CarryOver | undefined;
  /** A re-assessment's changes since the previous cycle, on the review (Turn.comparison). */
  comparison?: ItemComparison[] | undefined;
}

export function promptMessages(input: PromptMessagesInput): SlackMessage[] {
  const { flow, prompt, step, locale, today, carryOver } = input;
  switch (prompt.kind) {
    case 'intro':
      return [introMessage({ prompt, step, locale })];
    case 'section-intro':
      return sectionIntroMessages({ prompt, step, locale, carried: carryOver?.kind === 'section' ? { flow, section: carryOver.section } : undefined });
    case 'question':
      return [questionMessage({ flow, prompt, step, locale, today, planning: input.planning, carried: carryOver?.kind === 'question' ? carryOver : undefined })];
    case 'review':
      return reviewMessages({ flow, prompt, step, locale, flagged: input.flagged, carried: carryOver?.kind === 'review' ? carryOver : undefined, comparison: input.comparison });
    case 'paused':
      return [pausedMessage({ step, locale })];
    case 'submitted':
      return [submittedMessage({ flow, prompt, locale })];
  }
}
