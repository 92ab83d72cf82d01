/**
 * Named-entity topic extraction from one news article (title + plain text), Ukrainian or English.
 *
 * Public interface:
 *   extractEntities(title, text, lang) → Mention[]
 *     One Mention per topic found in the article: `key` (language-independent, inflection-independent,
 *     e.g. "ter*z mei" for Тереза/Терези Мей, "kazakhst*n" for Казахстан/Kazakhstan, "nato" for НАТО/NATO),
 *     `label` (best base-form surface seen in this article), `forms` (every surface form with its count,
 *     to be fed to TopicCatalogue for archive-wide labels), `count`, `inTitle`, `aliases` (keys of shorter
 *     mentions merged into this one, e.g. "mei" merged into "ter*z mei").
 *
 * Method (no model, no dictionary): capitalised word runs, with
 *   - sentence-initial words kept only when the same word (by key) is capitalised mid-sentence somewhere in
 *     the article, or when they start a longer run and are not seen lower-case in the article;
 *   - stop keys (function words, months, weekdays, roles, "Читайте також") cut runs;
 *   - all-caps words: an abbreviation key (НАТО → nato) unless the word also occurs in normal case (КИЇВ);
 *   - Ukrainian "Capitalised adjective + lower-case organisation noun" ("Верховний суд", "Європейська комісія");
 *   - a single surname merged into the longer name in the same article (Мей → Тереза Мей).
 * Pure function over strings; cost is one regex tokenisation pass plus memoised word keys.
 */
import { abbrKey, nominativeScore, wordAltKey, wordKey, type Lang } from './normalise.ts';
import { synonymMap } from './synonyms.ts';
import { CORP_SUFFIX, HONORIFICS, stopKeys, ukOrgHeads, ukRoles } from './stopwords.ts';

export type { Lang } from './normalise.ts';

export interface Mention {
  /** Topic key: equal for the same entity across inflections and languages. */
  key: string;
  /** Best base-form surface in this article (see TopicCatalogue for archive-wide labels). */
  label: string;
  /** Surface forms and how often each occurred. */
  forms: Array<[surface: string, count: number]>;
  /** Number of occurrences in title + text. */
  count: number;
  /** Occurs in the title. */
  inTitle: boolean;
  /** Keys of other mentions merged into this one (a surname alone, a synonym, another stemming of it). */
  aliases: string[];
  /**
   * Key of the same words read as bare nominatives ("Газпром" → key of "Газпромом"); differs from `key`
   * only when an ending could be part of the stem. TopicCatalogue uses it to join such keys across articles.
   */
  altKey: string;
}

// ---- memoised word keys ------------------------------------------------------------------------
/** `fn` with its answers kept (cleared past 300 000 words, so a long import never grows without bound). */
function memoised(fn: (w: string) => string): (w: string) => string {
  const memo = new Map<string, string>();
  return (w) => {
    let k = memo.get(w);
    if (k === undefined) {
      if (memo.size > 300_000) memo.clear();
      k = fn(w);
      memo.set(w, k);
    }
    return k;
  };
}
const memoAlt = memoised(wordAltKey);
const memoKey = memoised(wordKey);

// ---- tokenisation ------------------------------------------------------------------------------
// 1: dotted abbreviation (U.S., U.K.)  2: word  3: number  4: one punctuation char / newline
const TOKEN =
  /((?:\p{Lu}\.){2,})|(\p{L}[\p{L}\p{M}\d'’ʼ-]*[\p{L}\p{M}\d]|\p{L})|(\d[\d.,]*)|([^\s\p{L}\d]|\n)/gu;
const SENT_END = new Set(['.', '!', '?', '…', ':', ';', '\n', '«', '"', '“', '„', '(', '•', '|', '[']);
const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const LATIN = /^[A-Za-z]/;
const LOWER_START = /^\p{Ll}/u;
const UK_ADJ_STRONG = /(?:\p{L}{2}(?:ий|ого|ому|ими|их|ій)|(?:ськ|цьк|зьк)(?:а|ої|ою|у|ю|е|і|ій|им|ім)|(?:н|ов|ев|ів|ч|щ)(?:ої|ою|ій|им|ім|е))$/u;
const VERBISH = /(?:ла|ло|ли|ть|ся|сь|ує|ює|ає|яє|ав|ив|ув|іє)$/;
const DEMONYM = /^(?:[A-Z][a-z]{3,}(?:ese|ian|ish|can|ean)|French|Swiss|Dutch|German|Greek|Thai|Arab|British|Irish|Israeli|Iraqi|Saudi|Kuwaiti)$/;
const EN_CONNECT = new Set(['of', 'de', 'von', 'van', 'der', 'den', 'al', 'la', 'le', 'du', 'da', 'dos', 'del', 'bin']);
/** Ukrainian adjective forms: unambiguous masculine endings on any stem, other endings on adjective suffixes. */
const UK_ADJ = /(?:\p{L}{2}(?:ий|ого|ому|ими|их)|(?:ськ|цьк|зьк|н|ов|ев|ів|ичн|альн|щ|ч)(?:ій|им|ім|а|ої|ою|у|ю|е|і))$/u;

const OPEN_Q = new Set(['«', '"', '“', '„']);
const CLOSE_Q = /[»"“”]/;
function isShortQuote(src: string, from: number): boolean {
  const seg = src.slice(from, from + 48);
  const m = CLOSE_Q.exec(seg);
  if (!m) return false;
  const inner = seg.slice(0, m.index);
  return inner.length > 1 && !/[.,!?:;]/.test(inner) && inner.split(' ').length <= 4;
}

const enum T { Word, Num, Punct }
interface Tok {
  t: T;
  s: string;
  /** first word of a sentence / quote / paragraph / title */
  initial: boolean;
  cap: boolean;
  allCaps: boolean;
  title: boolean;
}

function tokenise(src: string, inTitle: boolean, out: Tok[], startsSentence = true): void {
  let initial = startsSentence;
  let firstWord = true;
  let prevWord = '';
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(src)) !== null) {
    if (m[1] !== undefined) {
      const s = m[1].replace(/\./g, '');
      out.push({ t: T.Word, s, initial, cap: true, allCaps: true, title: inTitle });
      initial = false;
      prevWord = s;
    } else if (m[2] !== undefined) {
      const s = m[2];
      const cap = UPPER.test(s);
      // a dateline ("КИЇВ. 25 липня.") is a normal word written in capitals
      const dateline = firstWord && !inTitle && s.length >= 4 && cap && !HAS_LOWER.test(s);
      const allCaps = cap && s.length > 1 && !HAS_LOWER.test(s) && !dateline;
      firstWord = false;
      out.push({ t: T.Word, s, initial: initial && !dateline, cap, allCaps, title: inTitle });
      initial = false;
      prevWord = s;
    } else if (m[3] !== undefined) {
      out.push({ t: T.Num, s: m[3], initial: false, cap: false, allCaps: false, title: inTitle });
      initial = false;
      prevWord = '';
    } else {
      const p = m[4] ?? '';
      out.push({ t: T.Punct, s: p, initial: false, cap: false, allCaps: false, title: inTitle });
      // "Д. Трамп": a dot after a single capital letter is an initial, not a sentence end
      if (SENT_END.has(p) && !(p === '.' && prevWord.length === 1)) initial = true;
      // «Газпром», "Нафтогаз": a short quoted name is not a sentence start
      if (OPEN_Q.has(p) && isShortQuote(src, m.index + 1)) initial = false;
      prevWord = '';
    }
  }
  out.push({ t: T.Punct, s: '\n', initial: false, cap: false, allCaps: false, title: inTitle });
}

/** A title is used for capitalisation evidence only if it is sentence case (not ALL CAPS / Title Case). */
function titleUsable(title: string): boolean {
  // a headline in capitals ("TRIBUNE CO 3RD QTR NET") says nothing of which words are names
  if (!HAS_LOWER.test(title) && (title.match(/\p{L}+/gu)?.length ?? 0) >= 2) return false;
  const words = title.match(/\p{L}{4,}/gu);
  if (!words || words.length === 0) return true;
  let caps = 0;
  for (const w of words) if (UPPER.test(w)) caps++;
  return !(words.length >= 3 && caps / words.length > 0.6);
}

/**
 * The company a headline in capitals opens with, in the case a reader writes
 * it: "POTLATCH CORP 1ST QTR NET" → "Potlatch Corp" (the newswires' style for
 * results and dividends, whose text is a table that names no one).
 */
export function capsCompany(title: string): string | undefined {
  if (HAS_LOWER.test(title)) return undefined;
  const words = title.trim().split(/\s+/);
  const at = words.findIndex((w, i) => i > 0 && CORP_SUFFIX.has(w.toLowerCase().replace(/[^a-z]/g, '')));
  if (at < 1) return undefined;
  const name = words.slice(0, at + 1);
  if (name.length > 5 || name.some((w) => !/^\p{Lu}[\p{Lu}'’&.-]*$/u.test(w))) return undefined;
  return name.map((w) => (w.length <= 3 && !/[AEIOUY]/.test(w) ? w : w.charAt(0) + w.slice(1).toLowerCase())).join(' ');
}

interface Acc {
  key: string;
  forms: Map<string, number>;
  count: number;
  inTitle: boolean;
  words: string[];
  aliases: string[];
  /** token index of the first occurrence */
  first: number;
  /** all words capitalised, normal case, Cyrillic or Latin letters only: may be a person's name */
  person: boolean;
  alt: string;
}

function mergeInto(t: Acc, e: Acc): void {
  t.count += e.count;
  t.inTitle ||= e.inTitle;
  t.first = Math.min(t.first, e.first);
  if (!t.aliases.includes(e.key)) t.aliases.push(e.key);
  for (const a of e.aliases) if (!t.aliases.includes(a)) t.aliases.push(a);
  for (const [f, c] of e.forms) t.forms.set(f, (t.forms.get(f) ?? 0) + c);
}

/** Extract the named-entity topics of one article. */
export function extractEntities(title: string, text: string, lang: Lang): Mention[] {
  const stops = stopKeys(lang);
  const toks: Tok[] = [];
  if (title && titleUsable(title)) tokenise(title, true, toks);
  else if (title) {
    const company = capsCompany(title);
    // a name by the newswire's convention, not a sentence that happens to start with a capital
    if (company !== undefined) tokenise(company, true, toks, false);
  }
  tokenise(text, false, toks);

  // Pass 1: capitalisation evidence per word key.
  const capMid = new Set<string>(); // capitalised (not all-caps) away from sentence start
  const capAny = new Set<string>(); // capitalised normal-case word anywhere
  const lowerRaw = new Set<string>();
  let afterInitial = false;
  for (const tk of toks) {
    if (tk.t !== T.Word) {
      afterInitial = false;
      continue;
    }
    if (tk.cap) {
      if (!tk.allCaps) {
        const k = memoKey(tk.s);
        capAny.add(k);
        // in English, right after a capitalised sentence start is no evidence either: newswire
        // sentences start with names ("Louisiana Pacific Corp said"); Ukrainian ones with an
        // adjective or a noun before a name ("Військові Казахстану", "Уряд Казахстану")
        if (!tk.initial && !(afterInitial && lang === 'en')) capMid.add(k);
      }
    } else lowerRaw.add(tk.s);
    afterInitial = tk.initial && tk.cap;
  }
  let lowerKeys: Set<string> | undefined;
  const isLowerSeen = (w: string): boolean => {
    if (lowerRaw.has(w.toLowerCase())) return true;
    if (!lowerKeys) {
      lowerKeys = new Set();
      for (const l of lowerRaw) lowerKeys.add(memoKey(l));
    }
    return lowerKeys.has(memoKey(w));
  };

  const tokKey = (tk: Tok): string => {
    if (tk.allCaps) {
      const k = memoKey(tk.s);
      if (tk.s.length >= 3 && capAny.has(k)) return k; // КИЇВ ↔ Київ
      return abbrKey(tk.s);
    }
    return memoKey(tk.s);
  };
  // shouted boilerplate ("ПІДТРИМКИ", "PROMOTED"): long all-caps words not seen in normal case
  const isShout = (tk: Tok): boolean => tk.allCaps && tk.s.length >= 7 && !capAny.has(memoKey(tk.s));
  const isStop = (tk: Tok): boolean => {
    const low = tk.s.toLowerCase();
    return stops.has(low) || (!tk.allCaps && stops.has(memoKey(tk.s)));
  };

  const acc = new Map<string, Acc>();
  let order = 0;
  const runs: Array<{ toks: Tok[]; before: Tok | undefined }> = [];
  const prevOf = new Map<Tok, Tok | undefined>();
  const emit = (run: Tok[]): void => {
    // trim stop words / honorifics at both ends; company suffixes at the end
    let a = 0;
    let b = run.length;
    while (a < b) {
      const tk = run[a]!;
      if (tk.t !== T.Word || isStop(tk) || HONORIFICS.has(tk.s.toLowerCase()) || !tk.cap || isShout(tk)) a++;
      else break;
    }
    while (b > a) {
      const tk = run[b - 1]!;
      if (tk.t !== T.Word || isStop(tk) || CORP_SUFFIX.has(tk.s.toLowerCase()) || EN_CONNECT.has(tk.s) || isShout(tk)) b--;
      else break;
    }
    if (b <= a) return;
    const first = run[a]!;
    const n = b - a;
    if (first.initial && !first.allCaps) {
      const k = memoKey(first.s);
      if (!capMid.has(k)) {
        if (n === 1) return;
        const second = run[a + 1]!;
        if (isLowerSeen(first.s) || (second.t === T.Word && !second.allCaps && capMid.has(memoKey(second.s)) && !capMid.has(k) && n === 2)) {
          emit(run.slice(a + 1, b));
          return;
        }
      }
    }
    if (n === 1 && first.s.length < 2) return;
    if (n === 1 && lang === 'en' && DEMONYM.test(first.s)) return;
    // "Комісія", "Рада", "Суд" alone refer back to a named body: not a topic of their own
    if (n === 1 && lang === 'uk' && !first.allCaps && ukOrgHeads().has(memoKey(first.s))) return;
    runs.push({ toks: run.slice(a, b), before: run[a - 1] ?? prevOf.get(run[0]!) });
  };
  const add = (run: Tok[]): void => {
    const a = 0;
    const b = run.length;
    const keys: string[] = [];
    const alts: string[] = [];
    const surf: string[] = [];
    let inTitle = false;
    let person = true;
    for (let i = a; i < b; i++) {
      const tk = run[i]!;
      surf.push(tk.s);
      if (tk.title) inTitle = true;
      if (tk.t === T.Word) {
        const k = tk.cap ? tokKey(tk) : memoKey(tk.s);
        keys.push(k);
        alts.push(tk.allCaps && k !== memoKey(tk.s) ? k : memoAlt(tk.s));
      } else {
        keys.push(tk.s);
        alts.push(tk.s);
      }
      if (tk.t !== T.Word || !tk.cap || tk.allCaps) person = false;
      if (i === a && lang === 'uk' && UK_ADJ.test(tk.s.toLowerCase())) person = false;
    }
    const key = keys.join(' ');
    if (key.length < 2) return;
    const surface = surf.join(' ');
    let e = acc.get(key);
    if (!e) {
      e = { key, forms: new Map(), count: 0, inTitle: false, words: keys, aliases: [], first: order++, person, alt: alts.join(' ') };
      acc.set(key, e);
    }
    e.count++;
    e.inTitle ||= inTitle;
    e.forms.set(surface, (e.forms.get(surface) ?? 0) + 1);
  };

  // Pass 2: runs of capitalised words.
  const orgHeads = lang === 'uk' ? ukOrgHeads() : undefined;
  let run: Tok[] = [];
  const flush = (): void => {
    if (run.length > 0) emit(run);
    run = [];
  };
  const startRun = (i: number): void => {
    if (run.length === 0) prevOf.set(toks[i]!, toks[i - 1]);
  };
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i]!;
    if (tk.t === T.Word && tk.cap) {
      if (isStop(tk) && !tk.allCaps) {
        flush();
        continue;
      }
      startRun(i);
      run.push(tk);
      continue;
    }
    if (run.length > 0 && tk.t === T.Word) {
      const next = toks[i + 1];
      // "Bank of England"
      if (EN_CONNECT.has(tk.s) && next && next.t === T.Word && next.cap && LATIN.test(next.s)) {
        run.push(tk);
        continue;
      }
      // "Верховний суд", "Пакистанська християнська асоціація"
      if (orgHeads && LOWER_START.test(tk.s)) {
        const last = run[run.length - 1]!;
        if (!last.allCaps && UK_ADJ.test(last.s.toLowerCase())) {
          let j = i;
          let found = -1;
          while (j < toks.length && j < i + 3) {
            const t2 = toks[j]!;
            if (t2.t !== T.Word || t2.cap) break;
            if (orgHeads.has(memoKey(t2.s))) {
              found = j;
              break;
            }
            if (!UK_ADJ.test(t2.s)) break;
            j++;
          }
          // mid-sentence capitalised adjective + lower-case noun: "Північний потік", "Балтійське море"
          if (found < 0 && !last.initial && UK_ADJ_STRONG.test(last.s.toLowerCase())) {
            let q = i;
            while (q < i + 2 && q + 1 < toks.length && toks[q]!.t === T.Word && UK_ADJ_STRONG.test(toks[q]!.s) && toks[q + 1]!.t === T.Word && !toks[q + 1]!.cap) q++;
            const head = toks[q]!;
            if (head.t === T.Word && !head.cap && head.s.length >= 3 && !isStop(head) && !VERBISH.test(head.s) && !UK_ADJ_STRONG.test(head.s)) found = q;
          }
          if (found >= 0) {
            for (let q = i; q <= found; q++) run.push(toks[q]!);
            i = found;
            flush();
            continue;
          }
        }
      }
    }
    // "Nord Stream 2", "Boeing 737": a short number right after a Latin name
    if (run.length > 0 && tk.t === T.Num && tk.s.length <= 3 && LATIN.test(run[run.length - 1]!.s)) {
      const next = toks[i + 1];
      run.push(tk);
      if (next && next.t === T.Word && next.cap) continue;
    }
    flush();
  }
  flush();

  // Split glued runs: "США Дональда Трампа", "прем'єра Канади Джастіна Трюдо", "Brussels Reuters".
  const single = new Set<string>();
  const runKeys = new Set<string>();
  const keyOf = (ts: Tok[]): string => ts.map((t) => (t.t === T.Word ? (t.cap ? tokKey(t) : memoKey(t.s)) : t.s)).join(' ');
  for (const r of runs) {
    if (r.toks.length === 1) single.add(tokKey(r.toks[0]!));
    runKeys.add(keyOf(r.toks));
  }
  const roles = lang === 'uk' ? ukRoles() : undefined;
  for (const r of runs) {
    const ts = r.toks;
    if (ts.length === 1) {
      add(ts);
      continue;
    }
    // a prefix that is a name of its own elsewhere in the article: "Північна Ірландія | Шейлеш Вара",
    // "Канада | Париж" (two-word runs only when both halves stand alone elsewhere)
    let pre = 0;
    for (let i = ts.length - 1; i >= 1; i--) {
      if (runKeys.has(keyOf(ts.slice(0, i))) && (ts.length >= 3 || runKeys.has(keyOf(ts.slice(i))))) {
        pre = i;
        break;
      }
    }
    if (pre > 1) {
      add(ts.slice(0, pre));
      add(ts.slice(pre));
      continue;
    }
    let start = 0;
    // role word before the run ("прем'єра Канади Джастіна Трюдо") → first word is a place/organisation
    const roleBefore =
      roles !== undefined && r.before !== undefined && r.before.t === T.Word && (!r.before.cap || r.before.initial) && roles.has(memoKey(r.before.s));
    for (let i = 1; i < ts.length; i++) {
      const p = ts[i - 1]!;
      const q = ts[i]!;
      let cut = false;
      if (p.t === T.Word && q.t === T.Word) {
        // all-caps next to normal case (Ukrainian: abbreviations are rarely part of a longer name)
        if (lang === 'uk' && p.allCaps !== q.allCaps && !LATIN.test(p.s) && !LATIN.test(q.s)) cut = true;
        // first word is a known standalone entity and a role word precedes / rest is long
        else if (i === 1 && single.has(tokKey(p)) && (roleBefore || ts.length - i >= 2 || runKeys.has(keyOf(ts.slice(1))))) cut = true;
        else if (i === 1 && roleBefore && ts.length >= 3) cut = true;
      }
      if (cut) {
        add(ts.slice(start, i));
        start = i;
      }
    }
    add(ts.slice(start));
  }

  // Another stemming of the same name in this article: "Газпром" (key hazpr, alt hazpr*m) joins "Газпромом".
  for (const e of [...acc.values()]) {
    if (e.alt === e.key) continue;
    const t = acc.get(e.alt);
    if (!t || t === e) continue;
    mergeInto(t, e);
    acc.delete(e.key);
  }

  // Synonyms (ЄС = Євросоюз = EU, …): merge into the group's key, keep the original key as an alias.
  const syn = synonymMap();
  for (const e of [...acc.values()]) {
    const c = syn.get(e.key);
    if (c === undefined || c === e.key) continue;
    let t = acc.get(c);
    if (!t) {
      t = { key: c, forms: new Map(), count: 0, inTitle: false, words: c.split(' '), aliases: [], first: e.first, person: false, alt: c };
      acc.set(c, t);
    }
    mergeInto(t, e);
    acc.delete(e.key);
  }

  // Merge a lone surname into the unique longer name ending with it (Мей → Тереза Мей) when the full
  // name came first, as news style has it.
  const multiByLast = new Map<string, Acc | null>();
  for (const e of acc.values()) {
    if (e.words.length >= 2 && e.words.length <= 3 && e.person) {
      const last = e.words[e.words.length - 1]!;
      multiByLast.set(last, multiByLast.has(last) ? null : e);
    }
  }
  for (const e of [...acc.values()]) {
    if (e.words.length !== 1) continue;
    const target = multiByLast.get(e.key);
    if (!target) continue;
    mergeInto(target, e);
    acc.delete(e.key);
  }

  const out: Mention[] = [];
  for (const e of acc.values()) {
    const forms = [...e.forms.entries()].sort((x, y) => y[1] - x[1]);
    out.push({ key: e.key, label: pickLabel(forms, e.words.length), forms, count: e.count, inTitle: e.inTitle, aliases: e.aliases, altKey: e.alt });
  }
  out.sort((x, y) => Number(y.inTitle) - Number(x.inTitle) || y.count - x.count);
  return out;
}

/**
 * Choose the label among surface forms: the form that looks most like a nominative (Ukrainian endings),
 * then the most frequent; forms with the full word count of the key, normal case preferred over ALL CAPS.
 */
export function pickLabel(forms: ReadonlyArray<readonly [string, number]>, nWords?: number): string {
  let best = '';
  let bestScore = -Infinity;
  const anyMixed = forms.some(([f]) => HAS_LOWER.test(f));
  for (const [f, c] of forms) {
    const ws = f.split(' ');
    let nom = 0;
    for (const w of ws) nom += nominativeScore(w);
    nom /= ws.length;
    let score = nom * 2 + Math.log(1 + c);
    if (nWords !== undefined && ws.length < nWords) score -= 4;
    const allCaps = !HAS_LOWER.test(f);
    if (allCaps && (anyMixed || f.replace(/[^\p{L}]/gu, '').length > 4)) score -= 3;
    if (score > bestScore) {
      bestScore = score;
      best = f;
    }
  }
  return best.split(' ').map(guessNominative).join(' ');
}

/**
 * Safe Ukrainian base-form guesses for a label word seen only in an oblique case:
 * Франції/Францією → Франція, Європейської → Європейська, Терезою → Тереза, Трампові → Трамп.
 */
function guessNominative(w: string): string {
  const m = /^(.*\p{Ll})(ії|ію|ією|ої|ою|ові|еві)$/u.exec(w);
  if (!m || (m[1] ?? '').length < 3) return w;
  const stem = m[1] ?? '';
  switch (m[2]) {
    case 'ії': case 'ію': case 'ією': return stem + 'ія';
    case 'ої': return UK_ADJ.test(w.toLowerCase()) ? stem + 'а' : w;
    case 'ою': return stem + 'а';
    default: return stem; // -ові/-еві: masculine dative
  }
}
