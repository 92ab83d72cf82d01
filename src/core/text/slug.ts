/**
 * Ukrainian → Latin transliteration by the official national table (Cabinet of
 * Ministers of Ukraine resolution №55 of 27 January 2010), and URL slugs built on it.
 *
 * Rules of the table implemented here:
 * - є ї й ю я are written ye yi y yu ya at the start of a word, ie i i iu ia elsewhere;
 * - зг is written zgh (so it never reads as zh);
 * - ь and the apostrophe (' ’ ʼ) are not transliterated.
 * Russian-only letters get the usual mappings: ы y, э e, ё io (yo at the start), ъ dropped.
 * Anything that is not Cyrillic passes through unchanged.
 */

const SIMPLE: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z',
  и: 'y', і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ь: '', ю: 'iu', я: 'ia',
  // Russian-only letters
  ы: 'y', э: 'e', ё: 'io', ъ: '',
};

/** The different spelling of some letters at the start of a word. */
const INITIAL: Readonly<Record<string, string>> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya', ё: 'yo' };

/** Apostrophe-like characters the table drops inside words. */
const APOSTROPHES = new Set(["'", '’', 'ʼ', '‘', '`']);

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LETTER = /\p{L}/u;

/** What transliterate() asks of a character, worked out once per character met (it runs on every headline). */
interface CharInfo {
  lower: string;
  /** a letter, not an apostrophe */
  letter: boolean;
  upper: boolean;
  cyrillic: boolean;
  apostrophe: boolean;
}
const INFO = new Map<string, CharInfo>();
const NONE: CharInfo = { lower: '', letter: false, upper: false, cyrillic: false, apostrophe: false };

function info(ch: string | undefined): CharInfo {
  if (ch === undefined) return NONE;
  let known = INFO.get(ch);
  if (known === undefined) {
    const lower = ch.toLowerCase();
    const apostrophe = APOSTROPHES.has(ch);
    known = {
      lower,
      letter: LETTER.test(ch) && !apostrophe,
      upper: ch !== lower && ch === ch.toUpperCase(),
      cyrillic: CYRILLIC.test(ch),
      apostrophe,
    };
    INFO.set(ch, known);
  }
  return known;
}

/** Is chars[i] an apostrophe inside a word that has Cyrillic on at least one side? */
function isCyrillicApostrophe(chars: readonly string[], i: number): boolean {
  const before = info(chars[i - 1]);
  const after = info(chars[i + 1]);
  return before.letter && after.letter && (before.cyrillic || after.cyrillic);
}

/**
 * Transliterate Ukrainian (and, reasonably, Russian) text to Latin.
 * Case is kept: "Щерба" → "Shcherba", "ЩЕРБА" → "SHCHERBA".
 */
export function transliterate(text: string): string {
  const nfc = text.normalize('NFC');
  // Without Cyrillic nothing changes (an apostrophe is dropped only beside a Cyrillic letter).
  if (!CYRILLIC.test(nfc)) return nfc;
  const chars = Array.from(nfc);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const c = info(ch);
    if (c.apostrophe && isCyrillicApostrophe(chars, i)) continue;
    const lower = c.lower;
    if (!(lower in SIMPLE)) {
      out += ch;
      continue;
    }
    // Word-initial: no letter (an apostrophe counts as part of the word) before it.
    let j = i - 1;
    while (j >= 0 && info(chars[j]).apostrophe && isCyrillicApostrophe(chars, j)) j--;
    const initial = !info(chars[j]).letter;
    let latin: string;
    if (lower === 'г' && info(chars[i - 1]).lower === 'з') latin = 'gh';
    else latin = (initial ? INITIAL[lower] : undefined) ?? SIMPLE[lower] ?? '';
    if (latin === '' || !c.upper) {
      out += latin;
      continue;
    }
    // An upper-case letter: all caps inside an all-caps word, otherwise capitalised.
    const next = info(chars[i + 1]);
    const prev = info(chars[i - 1]);
    const allCaps = next.letter ? next.upper : prev.upper;
    out += allCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** The slug used when a text has nothing to make a slug from. */
export const FALLBACK_SLUG = 'article';

/**
 * A URL slug: transliterated, lower-case ASCII letters and digits joined by single
 * hyphens, cut at a word boundary to at most `maxLen` characters, never empty.
 * "Кремль і НАТО: що далі?" → "kreml-i-nato-shcho-dali".
 */
export function slugify(text: string, maxLen = 80): string {
  const ascii = transliterate(text)
    // apostrophes inside words vanish rather than split the word: "Kremlin's" → "kremlins"
    .replace(/(?<=\p{L})['’ʼ‘`](?=\p{L})/gu, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const limit = Math.max(1, Math.floor(maxLen));
  if (slug.length > limit) {
    const cut = slug.slice(0, limit + 1);
    const boundary = cut.lastIndexOf('-');
    slug = boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, limit);
    slug = slug.replace(/-+$/, '');
  }
  return slug === '' ? FALLBACK_SLUG.slice(0, limit) : slug;
}
