// Places a text block at the cursor of a page flow, moving to a new page first when it does not fit.
import type { PageFlow } from './page-flow.ts';
import { drawTextBlock, type TextBlock } from './text-block.ts';

/** `keepWith`: height of what must follow on the same page (a heading's first table row). */
export function flowTextBlock(flow: PageFlow, block: TextBlock, keepWith = 0, indent = 0): void {
  flow.ensure(block.height + keepWith);
  drawTextBlock(flow.page, block, flow.left + indent, flow.y);
  flow.moveDown(block.height);
}
