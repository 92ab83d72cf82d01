/**
 * Key phrases of one article: the two- and three-word terms its text repeats
 * ("crude oil", "shelf registration", "воєнний стан"), for the articles whose
 * text names few people, places or organisations (an earnings report, a
 * market story). RAKE's candidates (Rose et al. 2010): runs of lower-case
 * content words between stop words, punctuation, numbers and capitalised
 * names; each run gives its 2- and 3-word pieces.
 *
 *   extractPhrases(headline, text, lang) → Mention[]   key "p:<stems>", forms as written
 *
 * A phrase counts when the article uses it twice, or in its headline and its
 * text (a text's every pair of words would be a candidate otherwise: millions
 * in a big archive). Whether it is a topic is the archive's call
 * (entityTopics.ts: enough articles share it, not too many). Keys are the
 * search's stems (core/text/words.ts), so "oil price" / "oil prices" and
 * "воєнний стан" / "воєнного стану" are one phrase; the label is picked like
 * an entity's (the most nominative-looking, most frequent form).
 */
import { fold, stem } from '../../../core/text/words.ts';
import type { Lang } from './normalise.ts';
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
 * The candidate runs of one text: content words joined by spaces only, in
 * lower case; a capitalised word is one only where the article also writes it
 * (in any form) in lower case (the start of a sentence: "Crude oil prices rose").
 * `lower`: the stems of the article's lower-case words.
 */
function runs(text: string, lower: ReadonlySet<string>): string[][] {
  const out: string[][] = [];
  let run: string[] = [];
  let end = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const written = m[0].replace(/[-'’ʼ]+$/u, '');
    const w = LOWER_START.test(written) ? written : HAS_LOWER.test(written.slice(1)) && lower.has(stem(fold(written))) ? written.toLowerCase() : written;
    const between = text.slice(end, m.index);
    end = m.index + m[0].length;
    if (run.length > 0 && !ONLY_SPACE.test(between)) {
      out.push(run);
      run = [];
    }
    const content = LOWER_START.test(w) && w.replace(/[^\p{L}]/gu, '').length >= MIN_LETTERS && !STOP.has(fold(w));
    if (content) run.push(w);
    else if (run.length > 0) {
      out.push(run);
      run = [];
    }
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** An English word that can end a term: not a verb's past ("board declared") nor an adverb ("effective immediately"). */
const BAD_END = /^[a-z'-]+(?:ed|ly)$/;
/** …and one that can open it: not an adverb ("seasonally adjusted"). */
const BAD_START = /^[a-z'-]+ly$/;

/** The 2- and 3-word pieces of the runs, each with its key. */
function pieces(text: string, lower: ReadonlySet<string>, each: (key: string, form: string) => void): void {
  for (const run of runs(text, lower)) {
    const keys = run.map((w) => stem(fold(w)));
    for (let n = 2; n <= 3; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        if (BAD_START.test(run[i]!) || BAD_END.test(run[i + n - 1]!)) continue;
        each(PHRASE + keys.slice(i, i + n).join(' '), run.slice(i, i + n).join(' '));
      }
    }
  }
}

/**
 * The key phrases of an article (`text`: its lead and body). A headline in
 * capitals ("OPEC OUTPUT CEILING TALKS") is read in lower case.
 */
export function extractPhrases(headline: string, text: string, _lang: Lang): Mention[] {
  const found = new Map<string, Found>();
  const lower = new Set<string>();
  for (const w of text.match(WORD) ?? []) if (LOWER_START.test(w)) lower.add(stem(fold(w)));
  pieces(text, lower, (key, form) => {
    let f = found.get(key);
    if (!f) found.set(key, (f = { forms: new Map(), count: 0 }));
    f.count += 1;
    f.forms.set(form, (f.forms.get(form) ?? 0) + 1);
  });
  const inTitle = new Set<string>();
  pieces(HAS_LOWER.test(headline) ? headline : headline.toLowerCase(), lower, (key) => inTitle.add(key));
  const out: Mention[] = [];
  for (const [key, f] of found) {
    if (f.count < 2 && !inTitle.has(key)) continue;
    const forms = [...f.forms].sort((x, y) => y[1] - x[1]);
    out.push({ key, altKey: key, label: forms[0]![0], forms, count: f.count, inTitle: inTitle.has(key), aliases: [] });
  }
  return out;
}
