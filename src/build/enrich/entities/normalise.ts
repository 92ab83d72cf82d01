/**
 * Word-level normalisation for topic keys: light suffix stemming (Ukrainian, English),
 * Ukrainian→Latin transliteration and a small "fold" so that one entity gets one key
 * across inflections and across languages:
 *   Казахстан / Казахстану / Kazakhstan → "kazakhst*n"
 *   Київ / Києва / Kyiv                → "k*v"      (і/е/о alternation in closed syllables)
 *   НАТО / NATO                         → "nato"     (abbreviations are not stemmed)
 * Pure functions over strings; no dependencies.
 */

export type Lang = 'uk' | 'en';

const UK_TO_LAT: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i',
  й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', "'": '',
  // Russian letters that show up in quotes and names
  ы: 'y', э: 'e', ъ: '', ё: 'io',
};

/** Transliterate lower-case Cyrillic to Latin (simplified Ukrainian national system). */
export function transliterate(lower: string): string {
  let out = '';
  for (const ch of lower) {
    const t = UK_TO_LAT[ch];
    out += t === undefined ? ch : t;
  }
  return out;
}

/** Ukrainian inflectional endings, longest first. */
const UK_ENDINGS: readonly string[] = [
  'ією', 'ями', 'ами', 'ого', 'ому', 'ові', 'еві', 'єві', 'ими',
  'ою', 'ею', 'єю', 'ої', 'ій', 'ий', 'их', 'им', 'ім', 'ах', 'ях', 'ам', 'ям', 'ів', 'їв', 'ом', 'ем', 'єм',
  'ія', 'ії', 'ію', 'ья', 'ьї', 'ью', 'ві',
  'а', 'я', 'у', 'ю', 'і', 'и', 'е', 'є', 'о', 'ь', 'й', 'ї',
].sort((a, b) => b.length - a.length);
// 'ві' only matters for -ові/-еві which are listed; drop it from matching below.
const UK_END_SET = UK_ENDINGS.filter((e) => e !== 'ві');

/** Split a lower-case Ukrainian word into [stem, ending]; keeps at least 3 letters of stem. */
const ADJ_STEM = /(?:н|ськ|цьк|зьк|ов|ев|єв|ів|їв|ч|ш|щ|ж|т|д|к|л|г)$/;
export function splitUk(lower: string): [string, string] {
  for (const e of UK_END_SET) {
    // -ого/-ому are adjective endings only after an adjective stem ("Верховного"), not "Газпрому"
    if ((e === 'ого' || e === 'ому') && !ADJ_STEM.test(lower.slice(0, lower.length - 3))) continue;
    if (lower.length - e.length >= 3 && lower.endsWith(e)) {
      return [lower.slice(0, lower.length - e.length), e];
    }
  }
  return [lower, ''];
}

/** Very light English stemming for names: possessive and a plural -s on long words are not touched. */
export function stemEn(lower: string): string {
  if (lower.endsWith("'s")) return lower.slice(0, -2);
  if (lower.endsWith("s'")) return lower.slice(0, -1);
  return lower;
}

const CYR = /[\u0400-\u04FF]/;
const APOS = /['’ʼ`‘]/g;

/**
 * Fold the Latin stem: y→i, and the last vowel cluster before 1–2 final consonants → '*'
 * (Київ/Києва, Львів/Львова, Трамп/Trump). Only for stems of ≥ 4 letters.
 */
function fold(lat: string): string {
  let s = lat.replace(/y/g, 'i').replace(/ck/g, 'k').replace(/c(?=[aou]|$)/g, 'k');
  if (s.length >= 4) s = s.replace(/^(.*[^aeiou*])[aeiou]+([^aeiou*-]{1,2})$/, '$1*$2');
  return s;
}

/** Lower-case, apostrophes removed. */
export function lowerWord(w: string): string {
  return w.toLowerCase().replace(APOS, "'");
}

/** Key of one ordinary word (not an abbreviation). */
export function wordKey(word: string): string {
  const lower = lowerWord(word);
  if (CYR.test(lower)) {
    // hyphenated: stem each part
    if (lower.includes('-')) return lower.split('-').map((p) => fold(transliterate(splitUk(p)[0]))).join('-');
    return fold(transliterate(splitUk(lower)[0]));
  }
  return fold(stemEn(lower).replace(/'/g, ''));
}

const CONS_FINAL = new Set(['ом', 'ем', 'єм', 'ам', 'ям', 'ах', 'ях', 'ів', 'їв', 'им', 'ім', 'их', 'ій', 'ий']);
function altPart(p: string): string {
  const [stem, end] = splitUk(p);
  return fold(transliterate(CONS_FINAL.has(end) ? p : stem));
}
/**
 * Alternative key for a word whose ending could also be the end of a bare nominative
 * ("Газпром" could be Газпр+ом; "Львів" could be Льв+ів): the word taken as a nominative.
 * equals wordKey() for every other word. Газпром: key "hazpr", alt "hazpr*m" = key of "Газпромом".
 */
export function wordAltKey(word: string): string {
  const lower = lowerWord(word);
  if (!CYR.test(lower)) return wordKey(word);
  if (lower.includes('-')) return lower.split('-').map(altPart).join('-');
  return altPart(lower);
}

/** Key of an all-caps abbreviation: transliterated, not stemmed ("НАТО" → "nato", "NATO" → "nato"). */
export function abbrKey(word: string): string {
  return transliterate(lowerWord(word)).replace(/'/g, '').replace(/y/g, 'i');
}

/** The ending removed by the Ukrainian stemmer (used to rank how "nominative" a surface form looks). */
export function ukEnding(word: string): string {
  const lower = lowerWord(word);
  if (!CYR.test(lower)) return '';
  return splitUk(lower.split('-').pop() ?? lower)[1];
}

/** How much a Ukrainian ending looks like a nominative singular (higher = more likely the base form). */
const NOM_RANK: Readonly<Record<string, number>> = {
  '': 5, 'ь': 5, 'й': 5, 'ія': 4.5, 'ий': 4.5, 'а': 4, 'я': 4, 'е': 3, 'о': 3, 'є': 3,
  'ій': 2, 'и': 2, 'і': 1, 'ів': 1.8, 'їв': 1.8, 'у': 1, 'ю': 1,
  // consonant-final endings may be part of a bare nominative (Газпром, Амстердам)
  'ом': 3, 'ем': 3, 'єм': 3, 'ам': 3, 'ям': 3, 'ах': 1, 'ях': 1, 'им': 3, 'ім': 3, 'их': 1,
};
export function nominativeScore(word: string): number {
  const e = ukEnding(word);
  return NOM_RANK[e] ?? 0;
}
