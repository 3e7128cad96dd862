// 「技術的安全管理対策 3/24・全体 14/90」 plus a bar, the line above every question.
import type { Progress, SectionBrief } from '../../engine/prompt.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';

export function progressBar(position: number, total: number, width = 12): string {
  const filled = total === 0 ? 0 : Math.min(width, Math.round((position / total) * width));
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** Gate questions are not checklist items, so they show only their place among the gates. */
export function progressText(locale: Locale, section: SectionBrief, progress: Progress): string {
  const title = localize(section.title, locale);
  const inSection = { inSection: progress.inSection.position, inSectionTotal: progress.inSection.total };
  if (section.isGates) return t(locale, 'common.progressGates', { section: title, ...inSection });
  return t(locale, 'common.progress', {
    section: title,
    ...inSection,
    overall: progress.overall.position,
    overallTotal: progress.overall.total,
  });
}

export function progressLine(locale: Locale, section: SectionBrief, progress: Progress): string {
  const bar = section.isGates
    ? progressBar(progress.inSection.position, progress.inSection.total)
    : progressBar(progress.overall.position, progress.overall.total);
  return `${progressText(locale, section, progress)}\u3000${bar}`;
}
