/**
 * Character classes read straight from UTF-16 text, from one table filled as
 * characters are met (each decided once, by the same regular expressions a
 * pattern would use): for loops over much text that would otherwise run a
 * Unicode-aware pattern or make a string per word (the search index's words,
 * word counts, white space in feed HTML).
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;

/** The class of a UTF-16 unit (charClass): white space (\s), a letter or digit (\p{L}, \p{N}), or neither. */
export const SPACE_CLASS = 1;
export const LETTER_CLASS = 2;
export const OTHER_CLASS = 3;
/** Per UTF-16 unit: 0 not yet known, else one of the classes above. */
const CLASS_BMP = new Uint8Array(0x10000);
/** Letters and digits beyond the BMP (surrogate pairs), by code point, as met. */
const LETTER_ASTRAL = new Map<number, boolean>();

/** The class of the UTF-16 unit `c` taken alone (a surrogate alone is neither space nor letter). */
export function charClass(c: number): number {
  let kind = CLASS_BMP[c] as number;
  if (kind === 0) {
    const ch = String.fromCharCode(c);
    CLASS_BMP[c] = kind = SPACE.test(ch) ? SPACE_CLASS : LETTER_OR_DIGIT.test(ch) ? LETTER_CLASS : OTHER_CLASS;
  }
  return kind;
}

/** Whether the UTF-16 unit `c` is white space as \s means it (all such characters are in the BMP). */
export function isSpace(c: number): boolean {
  return charClass(c) === SPACE_CLASS;
}

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
  return charClass(c) === LETTER_CLASS ? 1 : 0;
}
