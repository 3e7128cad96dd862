// Refusals the engine reports instead of applying an event. Channel-neutral: a code plus the values
// a message needs; the adapters render them through templates/messages in the user's language.
export type EngineErrorCode =
  | 'answer.kindMismatch'
  | 'answer.notApplicableNotAllowed'
  | 'answer.required'
  | 'date.invalid'
  | 'date.past'
  | 'date.tooFar'
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
  | 'event.notAllowed';

export interface EngineError {
  code: EngineErrorCode;
  params?: Record<string, string | number | string[]>;
}
