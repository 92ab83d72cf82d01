/**
 * The one text normaliser of search: the pipeline uses it to build the index
 * (src/build/index/buildIndex.ts) and the worker uses it on the reader's query, so
 * a word always becomes the same index term on both sides.
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
