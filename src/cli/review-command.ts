// `kakunin review list | show <id> | approve <id> | return <id> --comment "…" [--item technical.7 "…"]…`, and
// `kakunin leads [add|remove <person>]`: a lead without Slack reviews from the terminal, with the same rules
// and history as in Slack (roles checked, one decision per round, own submissions only for the only lead).
// `--as` names the acting lead (a Slack user id, or a terminal user's name); `--team` the organization.
import { bootstrap } from '../app/bootstrap.ts';
import { findItem } from '../flow/model.ts';
import { answerText, describeItem, formatDate } from '../i18n/answer-text.ts';
import { localize, type Locale } from '../i18n/locale.ts';
import { todayIn } from '../dates/calendar-date.ts';
import { checklistRows } from '../report/checklist-rows.ts';
import { AlreadyDecidedError, LastLeadError, NotALeadError, OwnSubmissionError } from '../service/errors.ts';
import { ReviewRefusedError } from '../service/lifecycle-errors.ts';
import { IllegalTransitionError } from '../service/lifecycle.ts';
import { createLifecycleService } from '../service/lifecycle-service.ts';
import { createReview, type ReviewFlag, type ReviewSubject } from '../service/review.ts';
import { createRoles } from '../service/roles.ts';
import type { Participant } from '../service/interaction.ts';
import { NotFoundError } from '../store/errors.ts';
import { CliInputError } from './errors.ts';
import { organizationForOperator } from './organization-choice.ts';

export interface ReviewArgs {
  verb: 'list' | 'show' | 'approve' | 'return';
  assessmentId?: string | undefined;
  as: string;
  team?: string | undefined;
  comment?: string | undefined;
  flags: ReviewFlag[];
}

export function runReviewCommand(args: ReviewArgs, log: (l: string) => void): number {
  const app = bootstrap();
  const locale = app.env.KAKUNIN_LOCALE;
  try {
    const organization = organizationForOperator(app.store, args.team, app.env.KAKUNIN_DB);
    const roles = createRoles({ store: app.store });
    const review = createReview({ store: app.store, roles, lifecycle: createLifecycleService({ store: app.store, clock: app.clock, afterChange: app.scheduler.service.afterAssessmentChange }) });
    const person = roles.findPerson(organization.id, args.as);
    if (!person) throw new CliInputError(`「${args.as}」は ${organization.name} にいません / nobody "${args.as}" in ${organization.name}`);
    const who: Participant = { organizationId: organization.id, personId: person.id, channel: 'cli' };
    const id = () => {
      if (!args.assessmentId) throw new CliInputError('点検IDを指定してください / give the assessment id');
      return args.assessmentId;
    };
    try {
      switch (args.verb) {
        case 'list': {
          const pending = review.pending(who);
          if (pending.length === 0) log(locale === 'ja' ? '確認待ちの点検はありません。' : 'Nothing waits for review.');
          for (const a of pending) {
            const s = review.subject(organization.id, a.id);
            log(`${a.id}\t${s.facilityName}\t${localize(s.flow.title, locale)}\t${s.respondent.displayName}\t${day(a.submittedAt, locale)}\t${locale === 'ja' ? `第${s.round}回提出` : `submission ${s.round}`}`);
          }
          return 0;
        }
        case 'show':
          for (const line of describe(review.detail(who, id()), locale)) log(line);
          return 0;
        case 'approve': {
          const d = review.approve(who, id(), { comment: args.comment });
          log(locale === 'ja' ? `承認しました（第${d.round}回提出）。` : `Approved (submission ${d.round}).`);
          return 0;
        }
        case 'return': {
          const d = review.returnForRevision(who, id(), { comment: args.comment ?? '', flags: args.flags });
          log(locale === 'ja' ? `差し戻しました（第${d.round}回提出、指摘 ${d.flags.length}件）。` : `Returned (submission ${d.round}, ${d.flags.length} items flagged).`);
          return 0;
        }
      }
    } catch (err) {
      const text = refusal(err, locale);
      if (text === undefined) throw err;
      throw new CliInputError(text);
    }
  } finally {
    app.store.close();
  }
}

export function runLeadsCommand(args: { verb: 'list' | 'add' | 'remove'; person?: string | undefined; team?: string | undefined }, log: (l: string) => void): number {
  const app = bootstrap();
  try {
    const organization = organizationForOperator(app.store, args.team, app.env.KAKUNIN_DB);
    const roles = createRoles({ store: app.store });
    if (args.verb !== 'list') {
      if (!args.person) throw new CliInputError('人を指定してください / name the person (Slack user id or terminal name)');
      const person = roles.findPerson(organization.id, args.person);
      if (!person) throw new CliInputError(`「${args.person}」は ${organization.name} にいません / nobody "${args.person}" in ${organization.name}`);
      try {
        roles.setRoleAsOperator(organization.id, person.id, args.verb === 'add' ? 'lead' : 'manager');
      } catch (err) {
        if (err instanceof LastLeadError) throw new CliInputError('最後のリードは外せません / the last lead cannot be removed');
        throw err;
      }
    }
    for (const lead of roles.leads(organization.id)) log(`${lead.slackUserId ?? '-'}\t${lead.displayName}`);
    return 0;
  } finally {
    app.store.close();
  }
}

function refusal(err: unknown, locale: Locale): string | undefined {
  const ja = locale === 'ja';
  if (err instanceof NotALeadError) return ja ? 'リードではないため、確認できません。' : 'Only leads can review.';
  if (err instanceof OwnSubmissionError) return ja ? 'ご自身が提出した点検は承認できません。ほかのリードに依頼してください。' : 'You cannot approve your own submission; ask another lead.';
  if (err instanceof AlreadyDecidedError) return ja ? 'この回の提出はすでに判断済みです。' : 'This submission was already decided.';
  if (err instanceof IllegalTransitionError) return ja ? err.messageJa : err.message;
  if (err instanceof ReviewRefusedError) return err.text(locale);
  if (err instanceof NotFoundError) return ja ? 'その点検は見つかりません。' : 'No such assessment.';
  return undefined;
}

function day(iso: string | null, locale: Locale): string {
  return iso ? formatDate(locale, todayIn('Asia/Tokyo', new Date(iso))) : '';
}

function describe(s: ReviewSubject, locale: Locale): string[] {
  const ja = locale === 'ja';
  const lines = [
    `${localize(s.flow.title, locale)}`,
    `${ja ? '拠点' : 'Facility'}: ${s.facilityName}\u3000${ja ? '回答者' : 'Respondent'}: ${s.respondent.displayName}`,
    `${ja ? '状態' : 'Status'}: ${s.assessment.status}\u3000${ja ? `第${s.round}回提出` : `submission ${s.round}`}\u3000${day(s.assessment.submittedAt, locale)}`,
  ];
  if (s.flow.kind === 'checklist') {
    const rows = checklistRows(s.flow, s.answers, locale);
    const n = (st: string) => rows.filter((r) => r.status === st).length;
    lines.push(ja ? `実施済 ${n('done')}・実施予定 ${n('planned')}・該当なし ${n('na')}・未回答 ${n('unanswered')}` : `${n('done')} done, ${n('planned')} planned, ${n('na')} n/a, ${n('unanswered')} open`);
    for (const r of rows.filter((x) => x.status === 'planned')) lines.push(`  ${describeItem(s.flow, locale, r.itemId)} — ${formatDate(locale, r.plannedDate!)}`);
  }
  if (s.changes.length) {
    lines.push(ja ? `前回の差し戻しからの変更（${s.changes.length}件）:` : `Changed since the last return (${s.changes.length}):`);
    for (const c of s.changes) {
      const spec = findItem(s.flow, c.itemId)?.item.answer;
      lines.push(`  ${describeItem(s.flow, locale, c.itemId)}: ${spec ? answerText(locale, spec, c.before) : ''} → ${spec ? answerText(locale, spec, c.after) : ''}`);
    }
  }
  lines.push(ja ? '確認の履歴:' : 'Review history:');
  if (s.history.length === 0) lines.push(ja ? '  まだありません' : '  none yet');
  for (const d of s.history) {
    const what = d.decision === 'approved' ? (ja ? '承認' : 'approved') : ja ? '差し戻し' : 'returned';
    lines.push(`  ${ja ? `第${d.round}回` : `#${d.round}`}: ${what} — ${d.reviewerName}（${d.channel}）${d.at}${d.ownSubmission ? (ja ? '（自分の提出：リードが1人のため）' : ' (own submission: only lead)') : ''}`);
    if (d.comment) lines.push(`    ${d.comment}`);
    for (const f of d.flags) lines.push(`    • ${describeItem(s.flow, locale, f.itemId)}${f.comment ? ` — ${f.comment}` : ''}`);
  }
  return lines;
}
