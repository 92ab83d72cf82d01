/**
 * Key phrases of one article: the two- and three-word terms its text repeats
 * ("crude oil", "shelf registration", "воєнний стан"), for the articles whose
 * text names few people, places or organisations (an earnings report, a
 * market story). RAKE's candidates (Rose et al. 2010): runs of lower-case
 * content words between stop words, punctuation, numbers and capitalised
 * names; each run gives its 2- and 3-word pieces.
 *
 *   extractPhrases(headline, text) → Mention[]   key "p:<stems>", forms as written
 *
 * A phrase counts when the article uses it twice, or in its headline and its
 * text (a text's every pair of words would be a candidate otherwise: millions
 * in a big archive). Whether it is a topic is the archive's call
 * (entityTopics.ts: enough articles share it, not too many). Keys are the
 * search's stems (core/text/words.ts), so "oil price" / "oil prices" and
 * "воєнний стан" / "воєнного стану" are one phrase; the label is picked like
 * an entity's (the most nominative-looking, most frequent form).
 */
import { fold, term } from '../../../core/text/words.ts';
import type { Mention } from './extract.ts';

/** The key prefix that tells a phrase from a name. */
export const PHRASE = 'p:';

/** Words that end a candidate: function words, reporting verbs, time and quantity words, units (both languages apply to every text). */
const STOP = new Set(
  `
a about above after again against ago all almost also although always am among an and another any are around as at away
back be became because become been before being below between both but by can cannot could did do does doing done down
due during each either else even ever every few for from further get gets got had has have having he her here hers him
his how however i if in including into is it its itself just last later least less like made make makes many may me
meanwhile might more most much must my near nearly neither never new next no nor not now of off often on once one only
onto or other others our out over own per perhaps put rather same say said says saying see seen she should since so some
still such than that the their them then there these they this those though through thus to today together told too
toward towards under until up upon us very via was way we well were what when where whether which while who whom whose
why will with within without would yet you your
told tell tells added adds noted asked announced reported according expected expects agreed plans planned
year years month months week weeks day days quarter quarters today yesterday tomorrow time times period
first second third fourth last next previous earlier later recent current currently
mln bln billion million pct percent cent cents dlr dlrs dollar dollars shr shrs vs avg revs net reuter reuters
cts qtr qtly div divs prior oper mths yr shows show showed shown rose rise rises fell fall falls totaled totalled reached
met made took gave went came saw held left set cut got paid sold bought won lost began became ran kept brought thought
found meant led hit spent built sent stood fought grew drew chose spoke wrote broke knew
two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
mr mrs ms inc corp co ltd plc company companies group
chief executive officer president vice chairman director manager managers spokesman spokeswoman analyst analysts
source sources official officials
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday

а аби або адже але б би без біля більш більше будь був була були було бути в вам вас весь ви від він вона вони воно вже
все всі всіх втім вся всього де для до досі дуже є його її їй їм їх з за завжди зараз зі й і із інша інше інші інших
їхній їхня їхні так також там тут те тепер ти тим тих то тобто того тоді той тому треба ту тут у усі хоча це цей ці цим цих
цього цю ця через чи що щоб як який яка яке які якого якої якщо ж же лише лиш тільки ще навіть майже понад близько
на над не ні ну о об од от по під після перед при про проте раз разом серед сам сама саме самі свій своя своє свої себе
собі та так також тієї тією тоді тому у хто чому між мене мені нам нас ним них нього неї нею нині наразі
проти щодо стосовно згідно завдяки внаслідок замість
заявив заявила заявили сказав сказала сказали повідомив повідомила повідомили зазначив зазначила зазначили
додав додала додали каже кажуть вважає вважають може можуть має мають буде будуть став стала стали
рік року році роки років місяць місяця тиждень тижня день дня дні днів сьогодні вчора завтра час часу
перший перша перше другий друга третій останній останні наступний минулого минулий цьогоріч
млн млрд тис грн дол відсотків відсотка відсоток
президент президента міністр міністра голова голови речник речниця джерело джерела
два дві три чотири п'ять шість сім вісім дев'ять десять двадцять тридцять сто тисяча тисячі тисяч
`
    .split(/\s+/)
    .filter(Boolean)
    .map(fold),
);

/** A word's stem: the search's term (cached: news vocabularies are small), or the folded word for its few stop words. */
const stemOf = (w: string): string => term(w) ?? fold(w);

const WORD = /[\p{L}][\p{L}\p{M}'’ʼ-]*/gu;
const LOWER_START = /^\p{Ll}/u;
const HAS_LOWER = /\p{Ll}/u;
/** Between two words of one candidate there is only space (a hyphen or apostrophe stays inside a word). */
const ONLY_SPACE = /^[ \t\u00a0]+$/;
const MIN_LETTERS = 3;

interface Found {
  forms: Map<string, number>;
  count: number;
}

/**
 * A lower-case word's stem when it can be part of a term, else null (cached:
 * the same few thousand words come back all the time; one lookup per word).
 */
const contentStems = new Map<string, string | null>();
function contentStem(w: string): string | null {
  let c = contentStems.get(w);
  if (c === undefined) {
    c = LOWER_START.test(w) && w.replace(/[^\p{L}]/gu, '').length >= MIN_LETTERS && !STOP.has(fold(w)) ? stemOf(w) : null;
    if (contentStems.size > 300_000) contentStems.clear();
    contentStems.set(w, c);
  }
  return c;
}

const TRAILING = /[-'’ʼ]+$/u;

/**
 * The candidate runs of one text: content words joined by spaces only, in
 * lower case; a capitalised word is one only where the article also writes it
 * (in any form) in lower case (the start of a sentence: "Crude oil prices
 * rose"). `lower`: the stems of the article's lower-case words, filled by the
 * body's call, read by the headline's.
 */
function stemmed(text: string, lower: Set<string>): Run[] {
  const words: string[] = [];
  const stems: Array<string | null> = [];
  const breaks: boolean[] = [];
  let end = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let w = m[0];
    const last = w.charCodeAt(w.length - 1);
    if (last === 45 || last === 39 || last === 0x2019 || last === 0x2bc) w = w.replace(TRAILING, '');
    // only spaces between two words of one candidate (a hyphen or apostrophe stays inside a word)
    breaks.push(!(m.index - end === 1 && text.charCodeAt(end) === 32) && !ONLY_SPACE.test(text.slice(end, m.index)));
    end = m.index + m[0].length;
    const stem = contentStem(w);
    if (stem !== null) lower.add(stem);
    words.push(w);
    stems.push(stem);
  }
  const out: Run[] = [];
  let run: Run = { words: [], stems: [] };
  const close = (): void => {
    if (run.words.length > 1) out.push(run);
    run = { words: [], stems: [] };
  };
  for (let i = 0; i < words.length; i++) {
    if (breaks[i]) close();
    let w = words[i]!;
    let stem = stems[i]!;
    if (stem === null && !LOWER_START.test(w) && HAS_LOWER.test(w.slice(1))) {
      // a capitalised word the article also writes in lower case
      const lc = w.toLowerCase();
      const s = contentStem(lc);
      if (s !== null && lower.has(s)) {
        w = lc;
        stem = s;
      }
    }
    if (stem === null) close();
    else {
      run.words.push(w);
      run.stems.push(stem);
    }
  }
  close();
  return out;
}

/** An English word that can end a term: not a verb's past ("board declared") nor an adverb ("effective immediately"). */
const BAD_END = /^[a-z'-]+(?:ed|ly)$/;
/** …and one that can open it: not an adverb ("seasonally adjusted"). */
const BAD_START = /^[a-z'-]+ly$/;

/** A run's words with their stems and whether each may open or close a term. */
interface Run {
  words: string[];
  stems: string[];
}


const piece = (run: Run, i: number, n: number): boolean => !BAD_START.test(run.words[i]!) && !BAD_END.test(run.words[i + n - 1]!);

/**
 * The key phrases of an article (`text`: its lead and body). A headline in
 * capitals ("OPEC OUTPUT CEILING TALKS") is read in lower case.
 *
 * Speed: a long text has thousands of word pairs and few repeat, so pairs are
 * counted by number (each stem numbered within the article) and only the
 * repeated ones, and the triples both of whose pairs repeat, become strings.
 */
export function extractPhrases(headline: string, text: string): Mention[] {
  const lower = new Set<string>();
  const body = stemmed(text, lower);
  const title = stemmed(HAS_LOWER.test(headline) ? headline : headline.toLowerCase(), lower);
  const inTitle = new Set<string>();
  for (const run of title) {
    for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= run.words.length; i++) inTitle.add(PHRASE + run.stems.slice(i, i + n).join(' '));
  }
  // pairs by number
  const ids = new Map<string, number>();
  const idOf = (stem: string): number => {
    let id = ids.get(stem);
    if (id === undefined) ids.set(stem, (id = ids.size));
    return id;
  };
  const code = (run: readonly number[], i: number): number => run[i]! * 0x100000 + run[i + 1]!;
  const titlePairs = new Set<number>();
  for (const run of title.map((t) => t.stems.map(idOf))) for (let i = 0; i + 1 < run.length; i++) titlePairs.add(code(run, i));
  const numbered = body.map((run) => run.stems.map(idOf));
  const pairs = new Map<number, number>();
  for (const run of numbered) for (let i = 0; i + 1 < run.length; i++) pairs.set(code(run, i), (pairs.get(code(run, i)) ?? 0) + 1);
  // the pieces worth a string: repeated, or in the headline
  const wanted = (run: readonly number[], i: number): boolean => (pairs.get(code(run, i)) ?? 0) >= 2 || titlePairs.has(code(run, i));
  const found = new Map<string, Found>();
  const count = (key: string, form: string): void => {
    let f = found.get(key);
    if (!f) found.set(key, (f = { forms: new Map(), count: 0 }));
    f.count += 1;
    f.forms.set(form, (f.forms.get(form) ?? 0) + 1);
  };
  body.forEach((run, r) => {
    const nums = numbered[r]!;
    for (let i = 0; i + 1 < run.words.length; i++) {
      if (!wanted(nums, i)) continue;
      if (piece(run, i, 2)) count(`${PHRASE}${run.stems[i]} ${run.stems[i + 1]}`, `${run.words[i]} ${run.words[i + 1]}`);
      if (i + 2 < run.words.length && wanted(nums, i + 1) && piece(run, i, 3)) {
        count(`${PHRASE}${run.stems[i]} ${run.stems[i + 1]} ${run.stems[i + 2]}`, `${run.words[i]} ${run.words[i + 1]} ${run.words[i + 2]}`);
      }
    }
  });
  const out: Mention[] = [];
  for (const [key, f] of found) {
    if (f.count < 2 && !inTitle.has(key)) continue;
    const forms = [...f.forms].sort((x, y) => y[1] - x[1]);
    out.push({ key, altKey: key, label: forms[0]![0], forms, count: f.count, inTitle: inTitle.has(key), aliases: [] });
  }
  return out;
}
