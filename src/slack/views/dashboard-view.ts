// The leads' App Home: every facility × flow, most urgent first, with what to do about each (open the
// report, review, nudge the respondent). Slack allows 100 blocks in a Home view, so rows are paged (20 a
// page) under a one-line summary of the whole organization; 50 facilities × several flows fit in pages.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { flowStateLabel, type BoardRow, type StatusBoard } from '../../report/status-board.ts';
import { ACTION, encodeValue } from '../action-values.ts';
import { LIMITS, actions, button, clip, contexts, escapeMrkdwn, header, plain, sections, type Block } from './block-kit.ts';
import { formatDate } from './answer-text.ts';

export const DASHBOARD_ACTION = {
  page: 'kakunin.dash.page',
  pagePattern: /^kakunin\.dash\.page\.(prev|next)$/,
  row: 'kakunin.dash.row',
  addFacility: 'kakunin.dash.addFacility',
  editFacility: 'kakunin.dash.editFacility',
  export: 'kakunin.dash.export',
  schedule: 'kakunin.dash.schedule',
} as const;

export const ROWS_PER_PAGE = 20;
/** static_select takes 100 options; beyond that, facilities are edited by slash command. */
const MAX_SELECT_OPTIONS = 100;

/** What a row's overflow menu asks for (an option value holds at most 150 characters). */
export const rowChoiceSchema = z
  .object({ k: z.enum(['report', 'review', 'nudge']), a: z.string().max(60).optional(), f: z.string().max(60).optional(), l: z.string().max(60).optional() })
  .strict();
export type RowChoice = z.output<typeof rowChoiceSchema>;
export const pageSchema = z.object({ p: z.number().int().min(0).max(10_000) }).strict();

export interface DashboardInput {
  board: StatusBoard;
  page: number;
  locale: Locale;
  /** The lead's own open assessments (leads may answer too). */
  own: { id: string; title: string; facilityName: string; answered: number; total: number }[];
  facilities: { id: string; name: string }[];
  /** The app runs the scheduler: offer 点検の周期… (periodic re-assessment). */
  canSchedule?: boolean;
}

export function dashboardView(input: DashboardInput): types.HomeView {
  const { board, locale } = input;
  const pages = Math.max(1, Math.ceil(board.rows.length / ROWS_PER_PAGE));
  const page = Math.min(Math.max(0, input.page), pages - 1);
  const rows = board.rows.slice(page * ROWS_PER_PAGE, (page + 1) * ROWS_PER_PAGE);
  const count = (state: BoardRow['state']) => board.rows.filter((r) => r.state === state).length;

  const blocks: Block[] = [
    header(t(locale, 'dashboard.title')),
    ...contexts(
      t(locale, 'dashboard.summary', {
        facilities: new Set(board.rows.map((r) => r.facilityId)).size,
        submitted: count('submitted'),
        returned: count('returned'),
        overdue: board.rows.reduce((n, r) => n + r.overdue, 0),
        approved: count('approved'),
        notStarted: count('not_started'),
      }),
    ),
    actions('dashboard.tools', [
      button({ text: t(locale, 'dashboard.addFacility'), actionId: DASHBOARD_ACTION.addFacility, value: 'add' }),
      button({ text: t(locale, 'dashboard.export'), actionId: DASHBOARD_ACTION.export, value: 'xlsx' }),
      ...(input.canSchedule ? [button({ text: t(locale, 'dashboard.schedule'), actionId: DASHBOARD_ACTION.schedule, value: 'cadence' })] : []),
      ...(input.facilities.length > 0
        ? [
            {
              type: 'static_select' as const,
              action_id: DASHBOARD_ACTION.editFacility,
              placeholder: plain(t(locale, 'dashboard.editFacility'), LIMITS.placeholder),
              options: input.facilities.slice(0, MAX_SELECT_OPTIONS).map((f) => ({ text: plain(f.name, LIMITS.optionText), value: f.id })),
            },
          ]
        : []),
    ]),
    { type: 'divider' },
  ];

  if (board.rows.length === 0) blocks.push(...sections(escapeMrkdwn(t(locale, 'dashboard.empty'))));
  for (const row of rows) blocks.push(rowBlock(row, locale));

  if (pages > 1) {
    const from = page * ROWS_PER_PAGE + 1;
    const to = page * ROWS_PER_PAGE + rows.length;
    blocks.push(...contexts(t(locale, 'dashboard.pageOf', { from, to, total: board.rows.length, page: page + 1, pages })));
    const nav: types.Button[] = [];
    if (page > 0) nav.push(button({ text: t(locale, 'dashboard.previous'), actionId: `${DASHBOARD_ACTION.page}.prev`, value: encodeValue({ p: page - 1 }) }));
    if (page < pages - 1) nav.push(button({ text: t(locale, 'dashboard.next'), actionId: `${DASHBOARD_ACTION.page}.next`, value: encodeValue({ p: page + 1 }) }));
    blocks.push(actions('dashboard.pages', nav));
  }

  if (input.own.length > 0) {
    blocks.push({ type: 'divider' }, ...sections(t(locale, 'dashboard.own')));
    for (const a of input.own.slice(0, 5))
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(a.title)}*（${escapeMrkdwn(a.facilityName)}）\n${t(locale, 'common.answeredCount', { answered: a.answered, total: a.total })}`, LIMITS.text) },
        accessory: button({ text: t(locale, 'slack.home.resume'), actionId: ACTION.resume, value: encodeValue({ a: a.id }), style: 'primary' }),
      });
  }
  return { type: 'home', blocks };
}

function rowBlock(row: BoardRow, locale: Locale): Block {
  const state = flowStateLabel(row.state, locale);
  const details = [
    row.state === 'in_progress' || row.state === 'returned' ? `${state}（${row.answered}/${row.total}）` : state,
    row.state === 'approved' && row.approvedOn ? t(locale, 'dashboard.approvedOn', { date: formatDate(locale, row.approvedOn) }) : undefined,
    row.lastSubmittedOn ? t(locale, 'dashboard.submittedOn', { date: formatDate(locale, row.lastSubmittedOn) }) : undefined,
    row.counts.planned > 0 ? t(locale, 'dashboard.planned', { n: row.counts.planned }) : undefined,
    row.overdue > 0 ? t(locale, 'dashboard.overdue', { n: row.overdue }) : undefined,
  ].filter(Boolean);
  const mark = row.overdue > 0 ? ':red_circle:' : row.state === 'submitted' ? ':inbox_tray:' : row.state === 'returned' ? ':leftwards_arrow_with_hook:' : row.state === 'approved' ? ':white_check_mark:' : ':white_circle:';
  const text = `${mark} *${escapeMrkdwn(row.facilityName)}* — ${escapeMrkdwn(clip(row.flowTitle, 60))}\n${escapeMrkdwn(details.join('・'))}${row.respondentSlackId ? `・<@${row.respondentSlackId}>` : ''}`;
  const options: { label: string; choice: RowChoice }[] = [];
  if (row.assessmentId && row.state !== 'not_started') options.push({ label: t(locale, 'dashboard.openReport'), choice: { k: 'report', a: row.assessmentId } });
  if (row.assessmentId && row.state === 'submitted') options.push({ label: t(locale, 'dashboard.review'), choice: { k: 'review', a: row.assessmentId } });
  if (row.state !== 'approved' && row.state !== 'submitted') options.push({ label: t(locale, 'dashboard.nudge'), choice: { k: 'nudge', a: row.assessmentId, f: row.facilityId, l: row.flowId } });
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: clip(text, LIMITS.text) },
    ...(options.length
      ? {
          accessory: {
            type: 'overflow',
            action_id: DASHBOARD_ACTION.row,
            options: options.map((o) => ({ text: plain(o.label, LIMITS.optionText), value: encodeValue(o.choice) })),
          },
        }
      : {}),
  };
}
