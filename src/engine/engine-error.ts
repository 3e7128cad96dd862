// Refusals the engine reports instead of applying an event. Channel-neutral: a code plus the values
// a message needs; the adapters render them through templates/messages in the user's language.
export type EngineErrorCode =
  | 'answer.kindMismatch'
  | 'answer.notApplicableNotAllowed'
  | 'answer.required'
  | 'date.invalid'
  | 'date.past'
  | 'date.tooFar'
  /** 実施済 with a 実施日 after today. */
  | 'done.future'
  | 'option.unknown'
  | 'multi.exclusive'
  | 'multi.tooFew'
  | 'multi.tooMany'
  | 'multi.duplicate'
  | 'text.empty'
  | 'text.tooLong'
  | 'text.pattern'
  | 'number.notNumber'
  | 'number.notInteger'
  | 'number.tooSmall'
  | 'number.tooLarge'
  | 'grid.unknownCell'
  | 'grid.badValue'
  | 'grid.textTooLong'
  | 'grid.rowChecks'
  | 'grid.empty'
  | 'grid.subsetExceeds'
  | 'item.stale'
  | 'item.unknown'
  | 'item.notApplicable'
  | 'submit.unanswered'
  | 'gate.hidesAnswers'
  /** A re-assessment: carried answers nobody has confirmed yet. */
  | 'submit.unconfirmed'
  /** 変更なし on an item whose carried answer cannot stand as is (params.reason says why). */
  | 'confirm.notConfirmable'
  /** 「この分野はすべて変更なし」 when the section's list is not what the person is looking at. */
  | 'confirm.sectionNotShown'
  /** 「この分野はすべて変更なし」 on a section with items that need an answer (params.items). */
  | 'confirm.sectionNeedsAnswers'
  | 'event.notAllowed';

export interface EngineError {
  code: EngineErrorCode;
  params?: Record<string, string | number | string[]>;
}
