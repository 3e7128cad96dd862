// The form's check boxes: ■ for the chosen answer, □ for the others. Drawn as font glyphs, not shapes,
// so copying text from the PDF (and the tests' text extraction) sees them.
export const CHECKED_BOX = '■';
export const EMPTY_BOX = '□';

export function checkBox(checked: boolean): string {
  return checked ? CHECKED_BOX : EMPTY_BOX;
}
