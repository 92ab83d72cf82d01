/**
 * What a word is, for every part of Kontekst — this module only.
 *
 * - words(): letters and digits, with apostrophes inside a word (п’ять,
 *   O'Neill). Search indexes them (src/build/index; WordTable is a faster form
 *   of the same, tested against it) and the search worker reads the query with
 *   them; wordParts() splits them at their apostrophes (related articles' text
 *   similarity, src/build/enrich/textSimilarity.ts).
 * - countWords(): the words a reader counts (reading time): runs of non-space
 *   that hold a letter or a digit («e-mail» is one).
 *
 * Search's normaliser: the build uses it to build the index and the worker
 * uses it on the reader's query, so a word always becomes the same index term
 * on both sides.
 *
 *   text ─► tokens (letters/digits; apostrophes inside a word kept) ─► fold ─► stem
 *
 * - fold: Unicode NFC, lower case, apostrophes (' ’ ʼ ` ′ ʹ) removed — so
 *   «пʼять», «п’ять», «п'ять» and «пять» are one word —, ґ → г (a reader
 *   without ґ on the keyboard finds «ґрунт» by «грунт», and «ґрунт» still
 *   finds itself), ё → е.
 * - stem: Cyrillic words with the Ukrainian stemmer of @orama/stemmers plus
 *   one rule for nouns in -ія (Росія, Росії, Росією → рос), Latin words with
 *   the English (Porter) stemmer; numbers are kept as they are.
 *
 * Both content languages use this same function: an English word in a
 * Ukrainian article («NATO») is stemmed the English way and found the same way.
 */
import { stemmer as stemUkrainian } from '@orama/stemmers/ukrainian';
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { LETTER_CLASS, OTHER_CLASS, SPACE_CLASS, charClass, letterAt } from './letters.ts';

/** Apostrophes and the letters that stand in for them in Ukrainian text. */
const APOSTROPHES = /['’ʼ`′ʹ‘]/g;

/** A word: letters and digits, with apostrophes inside it (п’ять, O'Neill). */
const WORD = /[\p{L}\p{N}]+(?:['’ʼ`′ʹ‘][\p{L}\p{N}]+)*/gu;

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[a-z]/;

/** Words too common to help a search; dropped at index and query time alike. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // Ukrainian prepositions, conjunctions, particles (folded)
  'в', 'у', 'і', 'й', 'та', 'з', 'із', 'зі', 'а', 'на', 'до', 'по', 'від', 'за', 'що', 'як', 'не', 'це', 'о', 'чи', 'же', 'б', 'би',
  // English function words
  'a', 'an', 'the', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'by', 'for', 'is', 'it', 'its', 'be', 'as', 'was', 'were', 'that', 'this', 'with', 'from',
]);

/** Lower case, NFC, one apostrophe (none), ґ → г, ё → е. */
export function fold(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(APOSTROPHES, '').replace(/ґ/g, 'г').replace(/ё/g, 'е');
}

/** Nouns in -ія after a consonant (Росія, Вірменія, гарантія, місія): one stem for all their cases. */
const IA_NOUN = /^(.*[бвгджзклмнпрстфхцчшщ])(?:ія|ії|ією|ію|іям|іях|іями)$/;

/** The index term of one folded word. */
export function stem(folded: string): string {
  if (CYRILLIC.test(folded)) {
    const ia = IA_NOUN.exec(folded);
    if (ia?.[1] && ia[1].length >= 2) return ia[1];
    return stemUkrainian(folded);
  }
  if (LATIN.test(folded) && !/\d/.test(folded)) return stemEnglish(folded);
  return folded;
}

/** The words of a text as written (for highlighting), in order. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The runs of letters and digits of a text, in order: its words split at their apostrophes. */
export function wordParts(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    APOSTROPHES.lastIndex = 0;
    if (!APOSTROPHES.test(w)) out.push(w);
    else for (const part of w.split(APOSTROPHES)) out.push(part);
  }
  return out;
}

/**
 * Terms already computed, by word as written. Building the index asks for the
 * same few thousand words millions of times (news vocabularies are Zipfian), and
 * fold + stem is the costliest step of it; term() is pure, so a cache is safe.
 * Cleared when it gets big, so a long-lived worker never grows without bound.
 */
const termCache = new Map<string, string | null>();
const TERM_CACHE_MAX = 500_000;

/** A word's index term, or null for a stop word. */
export function term(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const folded = fold(word);
  const result = folded === '' || STOP_WORDS.has(folded) ? null : stem(folded);
  if (termCache.size >= TERM_CACHE_MAX) termCache.clear();
  termCache.set(word, result);
  return result;
}

/** The index terms of a text, in order (stop words dropped). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = term(w);
    if (t) out.push(t);
  }
  return out;
}

/**
 * Words in a text: runs of non-space (\s) containing a letter or digit (\p{L},
 * \p{N}). Read character by character (lib/letters.ts): this runs over every
 * article's whole text.
 */
export function countWords(text: string): number {
  let n = 0;
  let inRun = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // a surrogate pair is one character: a letter or not as a whole, never white space
    const kind = c < 0xd800 || c > 0xdfff ? charClass(c) : letterAt(text, i) > 0 ? LETTER_CLASS : OTHER_CLASS;
    if (kind === SPACE_CLASS) {
      inRun = false;
      continue;
    }
    if (!inRun) {
      inRun = true;
      counted = false;
    }
    if (kind === LETTER_CLASS) {
      if (!counted) n++;
      counted = true;
      if (c >= 0xd800 && c <= 0xdbff && letterAt(text, i) === 2) i++;
    }
  }
  return n;
}
