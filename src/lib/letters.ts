/**
 * Character classes read straight from UTF-16 text, a table per class filled as
 * characters are met (each decided once, by the same regular expression a
 * pattern would use): for loops over much text that would otherwise run a
 * Unicode-aware pattern or make a string per word (the search index's words,
 * word counts).
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;

/** Per UTF-16 unit of the Basic Multilingual Plane: 0 not yet known, 1 yes, 2 no. */
const LETTER_BMP = new Uint8Array(0x10000);
const SPACE_BMP = new Uint8Array(0x10000);
/** Code points beyond it (surrogate pairs), as met. */
const LETTER_ASTRAL = new Map<number, boolean>();

/** Length in UTF-16 units of the letter or digit (\p{L}, \p{N}) at `i` of `text`: 0 when there is none there. */
export function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      let known = LETTER_ASTRAL.get(cp);
      if (known === undefined) LETTER_ASTRAL.set(cp, (known = LETTER_OR_DIGIT.test(String.fromCodePoint(cp))));
      return known ? 2 : 0;
    }
  }
  let kind = LETTER_BMP[c] as number;
  if (kind === 0) LETTER_BMP[c] = kind = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return kind === 1 ? 1 : 0;
}

/** Whether the UTF-16 unit `c` is white space as \s means it (all such characters are in the BMP). */
export function isSpace(c: number): boolean {
  let kind = SPACE_BMP[c] as number;
  if (kind === 0) SPACE_BMP[c] = kind = SPACE.test(String.fromCharCode(c)) ? 1 : 2;
  return kind === 1;
}

/** What a UTF-16 unit outside the surrogates is, for loops that ask both questions (charClass). */
export const SPACE_CLASS = 1;
export const LETTER_CLASS = 2;
export const OTHER_CLASS = 3;
/** Per BMP unit: 0 not yet known, else one of the classes above. */
const CLASS_BMP = new Uint8Array(0x10000);

/** The class of the UTF-16 unit `c` (not a surrogate): white space, letter or digit, or neither. */
export function charClass(c: number): number {
  let kind = CLASS_BMP[c] as number;
  if (kind === 0) {
    const ch = String.fromCharCode(c);
    CLASS_BMP[c] = kind = SPACE.test(ch) ? SPACE_CLASS : LETTER_OR_DIGIT.test(ch) ? LETTER_CLASS : OTHER_CLASS;
  }
  return kind;
}
