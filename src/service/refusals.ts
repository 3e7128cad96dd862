// The refusals a service call can end with that an adapter turns into a message for the person:
// one import for adapters, which never reach into the store themselves.
export { NotCarriedOverError, NotRespondentError, OutdatedInteractionError, NotALeadError, LastLeadError, ArchivedFacilityError, NotAssignedError, AlreadyDecidedError, OwnSubmissionError } from './errors.ts';
export { NotFoundError, DuplicateFacilityNameError, InvalidTimeZoneError } from '../store/errors.ts';
export { UnknownFlowError } from '../flow/errors.ts';
