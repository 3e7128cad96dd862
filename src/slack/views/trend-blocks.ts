// A facility's trend over the cycles as a small text bar per 年度 (実施済 count), for the App Home:
//   令和6年度  ███████░░░  63/90
//   令和7年度  █████████░  81/90
import { formatFiscalYear } from '../../dates/fiscal-year.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import type { FacilityTrend } from '../../service/facility-trends.ts';
import { LIMITS, clip, contexts, escapeMrkdwn, sections, type Block } from './block-kit.ts';

const BAR_WIDTH = 10;
/** The most recent 年度 shown per facility; older ones are history, not trend. */
const MAX_YEARS = 6;
/** Facilities listed, so the Home view stays within Slack's 100 blocks. */
const MAX_FACILITIES = 10;

export function trendBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total <= 0 ? 0 : Math.round((Math.min(done, total) / total) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function trendBlocks(trends: FacilityTrend[], locale: Locale): Block[] {
  const blocks: Block[] = [...sections(`*${escapeMrkdwn(t(locale, 'comparison.trend.title'))}*`)];
  if (trends.length === 0) return [...blocks, ...contexts(t(locale, 'comparison.trend.none'))];
  for (const trend of trends.slice(0, MAX_FACILITIES)) {
    const lines = trend.years.slice(-MAX_YEARS).map((y) =>
      t(locale, 'comparison.trend.line', {
        year: formatFiscalYear(y.fiscalYear, locale),
        bar: trendBar(y.done, y.total),
        done: y.done,
        total: y.total,
      }),
    );
    const title = `*${escapeMrkdwn(trend.facilityName)}*・${escapeMrkdwn(localize(trend.flowTitle, locale))}`;
    // A code block keeps the bars aligned; the title is cut, never the bars.
    const body = `\n\`\`\`${lines.join('\n')}\`\`\``;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(title, LIMITS.text - body.length) + body } });
  }
  return blocks;
}
