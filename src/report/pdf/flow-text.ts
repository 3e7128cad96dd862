// Places a text block at the cursor of a page flow, moving to a new page first when it does not fit.
import type { PageFlow } from './page-flow.ts';
import { drawTextBlock, type TextBlock } from './text-block.ts';

/**
 * `keepWith`: height of what must follow on the same page (a heading's first table row). A block taller
 * than a page goes on over as many pages as it needs, cut between lines.
 */
export function flowTextBlock(flow: PageFlow, block: TextBlock, keepWith = 0, indent = 0): void {
  const pitch = block.style.size * block.style.lineHeight;
  flow.ensure(Math.min(block.height + keepWith, flow.bodyHeight));
  let rest = block;
  while (rest.height > flow.remaining + 0.01 && rest.lines.length > 1) {
    const n = Math.max(1, Math.floor((flow.remaining + 0.01) / pitch));
    drawTextBlock(flow.page, { ...rest, lines: rest.lines.slice(0, n), height: n * pitch }, flow.left + indent, flow.y);
    rest = { ...rest, lines: rest.lines.slice(n), height: (rest.lines.length - n) * pitch };
    flow.newPage();
  }
  drawTextBlock(flow.page, rest, flow.left + indent, flow.y);
  flow.moveDown(rest.height);
}
