// Texts the slash command answers with (ephemeral, where it was typed), and the start offer in the DM.
import type { AssessmentOverview } from '../../service/workspace-directory.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { escapeMrkdwn, fallback, sections, type Block, type SlackMessage } from './block-kit.ts';
import { formatDate } from './answer-text.ts';
import { flowRow, type FlowChoice } from './home-view.ts';

export function helpMessage(locale: Locale, flowIds: string[], prefix?: string): SlackMessage {
  const text = t(locale, 'slack.help', { flows: flowIds.map((id) => `\`${id}\``).join(', ') });
  const blocks: Block[] = [...(prefix ? sections(escapeMrkdwn(prefix)) : []), ...sections(text)];
  return { text: fallback(`${prefix ?? ''} ${text}`), blocks };
}

export function statusMessage(locale: Locale, overview: { open: AssessmentOverview[]; submitted: AssessmentOverview[] }): SlackMessage {
  if (overview.open.length + overview.submitted.length === 0) return plainMessage(t(locale, 'slack.status.none'));
  const lines = [
    ...overview.open.map((a) =>
      t(locale, 'slack.status.open', { title: localize(a.flowTitle, locale), answered: a.answered, total: a.total, updated: formatDate(locale, a.updatedOn) }),
    ),
    ...overview.submitted.map((a) =>
      t(locale, 'slack.status.submitted', { title: localize(a.flowTitle, locale), submitted: formatDate(locale, a.submittedOn ?? a.updatedOn) }),
    ),
  ];
  return { text: fallback(lines.join(' ')), blocks: sections([t(locale, 'slack.status.title'), ...lines.map(escapeMrkdwn)].join('\n')) };
}

export function flowPickerMessage(locale: Locale, flows: FlowChoice[]): SlackMessage {
  const text = t(locale, 'slack.picker.text');
  // 47 checklists would fill the 50 blocks; there are a handful.
  return { text: fallback(text), blocks: [...sections(escapeMrkdwn(text)), ...flows.slice(0, 45).map((f) => flowRow(f, locale))] };
}

export function plainMessage(text: string): SlackMessage {
  return { text: fallback(text), blocks: sections(escapeMrkdwn(text)) };
}
