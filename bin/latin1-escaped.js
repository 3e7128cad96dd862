/**
 * Stripped `code` with every character beyond Latin-1 written as a `\u` escape, when that means the same
 * and is smaller for V8 to hold; otherwise `code` unchanged. `original` is the .ts source it was stripped
 * from: where they differ, the stripper put whitespace of the removed text's width (U+2002 for a character
 * beyond ASCII), which becomes a plain space.
 *
 * V8 keeps each module's source for as long as the process lives, one byte a character when every
 * character is Latin-1 and two bytes for all of them otherwise: one Japanese comment doubles a file.
 * Escaped, each such character takes six bytes instead, so it pays while they are under a fifth of the
 * file. Lines stay where they are; columns move on a line after such a character.
 */
export function latin1Escaped(code, original) {
  // Without the same length, the stripper's whitespace cannot be told from the file's own characters.
  if (code.length !== original.length) return code;
  let escapes = 0;
  for (let i = 0; i < code.length; i++) {
    const unit = code.charCodeAt(i);
    if (unit <= 0xff || unit !== original.charCodeAt(i)) continue;
    // Where an escape would not mean the same: after a backslash ('\あ' is あ, '\\u3042' is not), and
    // U+2028/U+2029, which end a line comment where an escape would not.
    if (code[i - 1] === '\\' || unit === 0x2028 || unit === 0x2029) return code;
    escapes++;
  }
  // …and String.raw, which sees an escape as written.
  if (code.length + 5 * escapes >= 2 * code.length || code.includes('String.raw')) return code;
  // Code units, so a character beyond U+FFFF becomes a surrogate pair, which strings, templates and
  // regular expressions (with or without the u flag) all read as the one character.
  let out = '';
  let from = 0;
  for (let i = 0; i < code.length; i++) {
    const unit = code.charCodeAt(i);
    if (unit <= 0xff) continue;
    out += code.slice(from, i) + (unit === original.charCodeAt(i) ? `\\u${unit.toString(16).padStart(4, '0')}` : ' ');
    from = i + 1;
  }
  return out + code.slice(from);
}
