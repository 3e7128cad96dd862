// Japanese keyboards type full-width digits and signs (２０２６／１２／３１, １１，０００). Only input that is
// read as a number, a date, a menu choice or a command is normalised; free text is stored as typed.

/** Full-width ASCII (！…～) → half-width, the ideographic space → a space. */
export function toHalfWidth(s: string): string {
  return s.replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
