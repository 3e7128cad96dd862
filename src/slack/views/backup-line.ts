// The last line of a lead's App Home: when the last good backup was and, after a failure, when it
// failed. Only added while the view has room for it within Slack's 100 blocks.
import type { types } from '@slack/bolt';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { contexts, escapeMrkdwn } from './block-kit.ts';

const MAX_VIEW_BLOCKS = 100;

export function withBackupLine(view: types.HomeView, backup: { lastGood: string | undefined; lastFailure: string | undefined } | undefined, locale: Locale): types.HomeView {
  if (!backup) return view;
  const lines = [backup.lastGood ? t(locale, 'slack.home.backupOk', { at: backup.lastGood }) : t(locale, 'slack.home.backupNone')];
  if (backup.lastFailure) lines.push(t(locale, 'slack.home.backupFailed', { at: backup.lastFailure }));
  const added = [{ type: 'divider' } as const, ...contexts(escapeMrkdwn(lines.join('\n')))];
  if (view.blocks.length + added.length > MAX_VIEW_BLOCKS) return view;
  return { ...view, blocks: [...view.blocks, ...added] };
}
