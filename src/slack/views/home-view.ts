// The App Home tab: the person's assessments in progress (続きから) and submitted (PDFを受け取る), and
// a start button per checklist.
import type { types } from '@slack/bolt';
import type { Localized } from '../../flow/schema.ts';
import type { FacilityTrend } from '../../service/facility-trends.ts';
import type { AssessmentOverview } from '../../service/workspace-directory.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { ACTION, encodeValue } from '../action-values.ts';
import { LIMITS, button, contexts, escapeMrkdwn, header, sections, type Block } from './block-kit.ts';
import { formatDate } from './answer-text.ts';
import { trendBlocks } from './trend-blocks.ts';

export interface FlowChoice {
  id: string;
  title: Localized;
  description?: Localized | undefined;
}

/** Each list is capped so the view stays within Slack's 100 blocks. */
const MAX_LISTED = 15;

export function homeView(input: {
  open: AssessmentOverview[];
  submitted: AssessmentOverview[];
  flows: FlowChoice[];
  locale: Locale;
  /** The facilities the manager answers for (none listed when unknown). */
  facilities?: string[] | undefined;
  /** Each facility's 実施済 count per 年度; the section is shown once something was submitted. */
  trends?: FacilityTrend[];
}): types.HomeView {
  const { locale } = input;
  const row = (text: string, accessory: types.Button): Block => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, LIMITS.text) }, accessory });
  const blocks: Block[] = [header(t(locale, 'slack.home.title')), ...sections(escapeMrkdwn(t(locale, 'slack.home.intro')))];
  if (input.facilities?.length) blocks.push(...contexts(escapeMrkdwn(t(locale, 'dashboard.managerFacilities', { facilities: input.facilities.join('、') }))));
  blocks.push({ type: 'divider' });

  blocks.push(...sections(t(locale, 'slack.home.open')));
  if (input.open.length === 0) blocks.push(...contexts(t(locale, 'slack.home.none')));
  for (const a of input.open.slice(0, MAX_LISTED))
    blocks.push(
      row(
        t(locale, 'slack.home.openLine', { title: escapeMrkdwn(localize(a.flowTitle, locale)), answered: a.answered, total: a.total, updated: formatDate(locale, a.updatedOn) }),
        button({ text: t(locale, 'slack.home.resume'), actionId: ACTION.resume, value: encodeValue({ a: a.id }), style: 'primary' }),
      ),
    );

  blocks.push(...sections(t(locale, 'slack.home.submitted')));
  if (input.submitted.length === 0) blocks.push(...contexts(t(locale, 'slack.home.none')));
  for (const a of input.submitted.slice(0, MAX_LISTED))
    blocks.push(
      row(
        t(locale, 'slack.home.submittedLine', { title: escapeMrkdwn(localize(a.flowTitle, locale)), submitted: formatDate(locale, a.submittedOn ?? a.updatedOn) }),
        button({ text: t(locale, 'slack.home.getPdf'), actionId: ACTION.report, value: encodeValue({ a: a.id }) }),
      ),
    );

  if (input.trends && input.trends.length > 0) blocks.push({ type: 'divider' }, ...trendBlocks(input.trends, locale));

  blocks.push({ type: 'divider' }, ...sections(t(locale, 'slack.home.startNew')));
  for (const flow of input.flows.slice(0, MAX_LISTED)) blocks.push(flowRow(flow, locale));
  return { type: 'home', blocks };
}

/** One checklist with its 始める button (App Home and the start offer in the DM). */
export function flowRow(flow: FlowChoice, locale: Locale): Block {
  const description = flow.description ? `\n${escapeMrkdwn(localize(flow.description, locale).split('\n')[0] ?? '')}` : '';
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: `*${escapeMrkdwn(localize(flow.title, locale))}*${description}`.slice(0, LIMITS.text) },
    accessory: button({ text: t(locale, 'slack.home.start'), actionId: ACTION.start, value: encodeValue({ f: flow.id }) }),
  };
}
