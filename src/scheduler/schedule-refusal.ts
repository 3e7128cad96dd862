// Why the schedule service refused a click (実施済にした, 時期を変更, stop/resume) or a cadence change
// before anything was recorded. Each reason has a message in templates/messages (scheduler.refused.<reason>).
// The lifecycle's own refusals (FollowUpRefusedError, IllegalTransitionError) come through as they are.
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { OutdatedInteractionError } from '../service/errors.ts';
import { IllegalTransitionError } from '../service/lifecycle.ts';
import { FollowUpRefusedError } from '../service/lifecycle-errors.ts';
import { RESCHEDULE_REASON_MAX } from '../service/lifecycle-service.ts';
import { NotFoundError } from '../store/errors.ts';

export type ScheduleRefusal =
  | 'not_allowed'
  | 'not_facility_manager'
  | 'not_followed'
  | 'not_planned'
  | 'done_in_future'
  | 'date_in_past'
  | 'date_too_far'
  | 'invalid_date'
  | 'reason_required'
  | 'reason_too_long'
  | 'stale'
  | 'not_lead';

export class ScheduleRefusedError extends Error {
  override readonly name = 'ScheduleRefusedError';
  readonly reason: ScheduleRefusal;
  constructor(reason: ScheduleRefusal, detail: string) {
    super(`${reason}: ${detail}`);
    this.reason = reason;
  }
}

/**
 * The sentence for a person when a schedule call was refused — the scheduler's own refusals, the
 * lifecycle's (a follow-up it cannot record, a status that does not allow it), an outdated view, or an
 * assessment of another organisation (told like one that is not theirs) — and undefined for anything
 * else, which is a bug and is thrown on.
 */
export function refusalText(err: unknown, locale: Locale): string | undefined {
  if (err instanceof ScheduleRefusedError) return t(locale, `scheduler.refused.${err.reason}`, { max: RESCHEDULE_REASON_MAX });
  if (err instanceof FollowUpRefusedError) return err.text(locale);
  if (err instanceof IllegalTransitionError) return locale === 'ja' ? err.messageJa : err.message;
  if (err instanceof OutdatedInteractionError) return t(locale, 'scheduler.refused.stale');
  if (err instanceof NotFoundError) return t(locale, 'scheduler.refused.not_allowed');
  return undefined;
}
