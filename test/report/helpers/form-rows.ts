// Reads the checklist tables back out of a rendered PDF by column position: which text sits in the No,
// チェック項目, 実施済 and 実施予定 columns of each row, and on which page.
import type { ChecklistTemplate } from '../../../src/report/checklist-template.ts';
import type { PdfPage } from './pdf-text.ts';

export interface FormRow {
  page: number;
  number: string;
  text: string;
  /** Text in the 実施済 column ("■" / "□"), and in the 実施予定 column ("□ (2027年3月31日)"). */
  done: string;
  planned: string;
  /** Everything right of チェック項目, in order (該当なし spans both status columns). */
  status: string;
}

export function formColumns(template: ChecklistTemplate) {
  const left = template.page.margin.left;
  const width = template.page.size[0] - left - template.page.margin.right;
  const { number, done, planned } = template.checklistTable.columns;
  const itemStart = left + number;
  const doneStart = left + width - planned - done;
  const plannedStart = left + width - planned;
  return { left, itemStart, doneStart, plannedStart, right: left + width };
}

/** Rows of the form's tables, from the page holding 更新情報 (the form's first page) on. */
export function formRows(pages: PdfPage[], template: ChecklistTemplate): FormRow[] {
  const col = formColumns(template);
  const footerTop = template.page.margin.bottom;
  const firstFormPage = pages.findIndex((p) => p.pieces.some((piece) => piece.str === '更新情報'));
  const rows: FormRow[] = [];
  for (const page of pages.slice(firstFormPage)) {
    let open: FormRow | undefined;
    for (const piece of page.pieces) {
      if (piece.y < footerTop) continue;
      const { x, str } = piece;
      if (x >= col.left && x < col.itemStart && /^\d+\.?$/.test(str)) {
        open = { page: page.number, number: str, text: '', done: '', planned: '', status: '' };
        rows.push(open);
      } else if (open && x >= col.itemStart && x < col.doneStart && open.status === '') {
        open.text += open.text ? `\n${str}` : str;
      } else if (open && x >= col.doneStart && x < col.right) {
        if (x < col.plannedStart) open.done += str;
        else open.planned += str;
        open.status += str;
      } else {
        open = undefined;
      }
    }
  }
  return rows;
}
