// What the app does once at start so the first report is as fast as the next: read and parse both
// font weights (the CJK layout tables are most of a cold render).
import { preloadReportFonts } from './font.ts';

export async function warmUpReports(): Promise<void> {
  preloadReportFonts();
}
