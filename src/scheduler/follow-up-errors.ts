// Why a follow-up click (実施済にした, 時期を変更) or a schedule change was refused. Each reason has a
// message in templates/messages (scheduler.refused.<reason>) so adapters can tell the person.
export type FollowUpRefusal =
  | 'not_allowed'
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

export class FollowUpRefusedError extends Error {
  override readonly name = 'FollowUpRefusedError';
  constructor(
    readonly reason: FollowUpRefusal,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}
