/**
 * Topic labels in their base form, checked against the word list of the
 * Ukrainian Hunspell dictionary (dictionary-uk, build only).
 *
 *   labelNominative('Берліна')          // → 'Берлін'
 *   labelNominative('Джастіна Трюдо')   // → 'Джастін Трюдо'
 *   labelNominative('Ради Європи')      // → 'Ради Європи' (a head and its complement: not sure, as written)
 *
 * Only the dictionary's list of base forms (its .dic, one lemma per line) is
 * read, not its affix rules: a candidate made by undoing a case ending is
 * taken when it is a lemma. A word that is a lemma itself is kept ("Терези",
 * the zodiac sign, is one: the label picker prefers a nominative it has seen).
 * Loaded on first use (≈ 335 000 lines, about a second) and let go after the
 * labels are made (releaseLemmas); only topic labels ask.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let lemmas: Set<string> | undefined;

/** Lets the word list go (≈ 40 MB): the labels are made; a later call reads it again. */
export function releaseLemmas(): void {
  lemmas = undefined;
}

function lemmaSet(): Set<string> {
  if (lemmas) return lemmas;
  lemmas = new Set();
  try {
    const dic = join(dirname(createRequire(import.meta.url).resolve('dictionary-uk')), 'index.dic');
    const text = readFileSync(dic, 'utf8');
    let start = text.indexOf('\n') + 1; // the first line is the count
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const slash = text.indexOf('/', start);
      const word = text.slice(start, slash >= 0 && slash < end ? slash : end).trim();
      if (word !== '') lemmas.add(word);
      start = end + 1;
    }
  } catch {
    // no dictionary: labels stay as the picker chose them
  }
  return lemmas;
}

/** Singular noun case endings, their case, and what the base form may end with instead (longest first). */
const NOUN_ENDINGS: ReadonlyArray<readonly [string, Case, readonly string[]]> = [
  ['ією', 'ins', ['ія']],
  ['ові', 'dat', ['', 'о']],
  ['еві', 'dat', ['', 'ь']],
  ['єві', 'dat', ['й']],
  ['ою', 'ins', ['а']],
  ['ею', 'ins', ['я', 'а', '']],
  ['єю', 'ins', ['я']],
  ['ом', 'ins', ['', 'о']],
  ['ем', 'ins', ['', 'ь']],
  ['єм', 'ins', ['й']],
  ['ії', 'gen', ['ія']],
  ['ію', 'acc', ['ія']],
  ['а', 'gen', ['', 'о', 'ь']],
  ['я', 'gen', ['ь', 'й', '']],
  ['у', 'dat', ['', 'а']],
  ['ю', 'dat', ['ь', 'й', 'я']],
  ['і', 'loc', ['а', 'я', '', 'ь']],
  ['и', 'genf', ['а']],
  ['ї', 'genf', ['я']],
];
type Case = 'gen' | 'genf' | 'dat' | 'acc' | 'ins' | 'loc';

/** Adjective endings in an oblique case: the ending, the dictionary's lemma ending (masculine) and the case. */
const ADJECTIVE_ENDINGS: ReadonlyArray<readonly [string, string, Case | 'nom']> = [
  ['ього', 'ій', 'gen'],
  ['ьому', 'ій', 'dat'],
  ['ого', 'ий', 'gen'],
  ['ому', 'ий', 'dat'],
  ['ьої', 'ій', 'genf'],
  ['ої', 'ий', 'genf'],
  ['ою', 'ий', 'ins'],
  ['ій', 'ий', 'loc'],
  ['им', 'ий', 'ins'],
  ['ім', 'ий', 'loc'],
  // nominative already: left as written
  ['ий', 'ий', 'nom'],
  ['ій', 'ій', 'nom'],
  ['а', 'ий', 'nom'],
  ['я', 'ій', 'nom'],
  ['е', 'ий', 'nom'],
  ['і', 'ий', 'nom'],
];

/** Львов → Львів, Києв → Київ, Каніва → Канів: the vowel of a closed last syllable of the base form. */
function closedSyllable(stem: string): string | undefined {
  const m = /^(.*)([оеє])([^аеєиіїоуюяь'’ʼ])$/u.exec(stem);
  if (!m) return undefined;
  return `${m[1]}${m[2] === 'є' ? 'ї' : 'і'}${m[3]}`;
}

const CYRILLIC_WORD = /^[\u0400-\u04ff'’ʼ]+$/u;
const known = (w: string): boolean => lemmaSet().has(w) || lemmaSet().has(w.toLowerCase());

/** A noun read as an oblique case of a lemma: the lemma and the case; undefined when no ending leads to one. */
function nounBase(word: string): { base: string; case: Case } | undefined {
  const lower = word.toLowerCase();
  for (const [ending, c, bases] of NOUN_ENDINGS) {
    if (!lower.endsWith(ending) || word.length - ending.length < 2) continue;
    const stem = word.slice(0, word.length - ending.length);
    for (const base of bases) {
      // Сходу → Схід before Сход, Львова → Львів before Львов: the alternation is the rule in Ukrainian
      const alternated = base === '' ? closedSyllable(stem) : undefined;
      if (alternated !== undefined && known(alternated)) return { base: alternated, case: c };
      if (known(stem + base) && stem + base !== word) return { base: stem + base, case: c };
    }
  }
  return undefined;
}

/** An adjective (its lemma is in the dictionary): its stem, lemma ending and case. */
function adjective(word: string): { stem: string; soft: boolean; case: Case | 'nom' } | undefined {
  const lower = word.toLowerCase();
  for (const [ending, lemma, c] of ADJECTIVE_ENDINGS) {
    if (!lower.endsWith(ending) || word.length - ending.length < 3) continue;
    const stem = word.slice(0, word.length - ending.length);
    if (lemmaSet().has((stem + lemma).toLowerCase())) return { stem, soft: lemma === 'ій', case: c };
  }
  return undefined;
}

/** An adjective's base form agreeing with its noun's base form: Капітолійський пагорб, Північна Дакота, Національне агентство. */
function agreeing(stem: string, soft: boolean, noun: string): string {
  if (/[ая]$/.test(noun)) return stem + (soft ? 'я' : 'а');
  if (/(?:[оеє]|ння|ття)$/.test(noun)) return stem + (soft ? 'є' : 'е');
  return stem + (soft ? 'ій' : 'ий');
}

/**
 * A label in its base form, where the dictionary makes it certain enough:
 * one word ("Берліна" → "Берлін"); adjectives and their noun ("Білого дому" →
 * "Білий дім", "Національного агентства" → "Національне агентство"); a
 * person's names in one case ("Володимира Путіна" → "Володимир Путін",
 * "Джастіна Трюдо" → "Джастін Трюдо"). Anything else stays as written: a
 * head with its complement ("Ради Європи", "умови угоди") cannot be told
 * from a name without a parser, and half a change would be worse than none.
 * Words in `indeclinable` (the caller's evidence: "Бібі" unchanged beside
 * "Азія", "Азії", "Азією") are never changed.
 */
export function labelNominative(label: string, indeclinable: ReadonlySet<string> = new Set()): string {
  if (lemmaSet().size === 0) return label;
  const words = label.split(' ');
  if (!words.every((w) => CYRILLIC_WORD.test(w) && w.length >= 2 && w !== w.toUpperCase())) return label;
  const mend = (w: string): { base: string; case: Case } | undefined => (indeclinable.has(w) ? undefined : nounBase(w));
  if (words.length === 1) {
    const w = words[0]!;
    if (known(w) || adjective(w)?.case === 'nom') return label;
    return mend(w)?.base ?? label;
  }
  // adjectives, then their noun
  const adjectives = words.slice(0, -1).map(adjective);
  const noun = words.at(-1)!;
  if (adjectives.every((a) => a !== undefined && a.case !== 'nom')) {
    const base = known(noun) && !mend(noun) ? noun : mend(noun)?.base;
    if (base === undefined) return label;
    return [...adjectives.map((a) => agreeing(a!.stem, a!.soft, base)), base].join(' ');
  }
  // a person's names: all capitalised, the first declined, the others in the same case or not declined
  if (words.length > 3 || !words.every((w) => /^\p{Lu}/u.test(w))) return label;
  // a first name the dictionary knows as written is taken as a nominative (Ангела, Олена); -и and -і are
  // too often a foreign name's own ending (Руді Джуліані) or a genitive complement (Ради Європи)
  if (known(words[0]!)) return label;
  const first = mend(words[0]!);
  if (!first || first.case === 'genf' || first.case === 'loc') return label;
  const out = [first.base];
  for (const w of words.slice(1)) {
    const m = mend(w);
    const adj = adjective(w);
    if (m && m.case === first.case) out.push(m.base);
    else if (adj && adj.case === first.case) out.push(agreeing(adj.stem, adj.soft, first.base));
    else if (known(w) && !m) out.push(w);
    else return label;
  }
  return out.join(' ');
}
