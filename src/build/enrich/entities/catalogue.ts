/**
 * TopicCatalogue: merges the mentions of many articles and picks one label per topic key.
 *
 *   const cat = new TopicCatalogue();
 *   for (const a of articles) cat.add(a.id, extractEntities(a.title, a.text, a.lang));
 *   cat.label(topicKey('Терези Мей'), 'uk')   // → "Тереза Мей" (most nominative-looking, then most frequent form;
 *                                             //    a form seen only in an oblique case to its base form: lemmas.ts)
 *   cat.topicsOf(a.id)                       // → resolved topic keys of that article
 *   cat.articlesOf(key)                      // → ids of articles about that topic
 *   cat.topics()                             // → [{ key, label, articles }] most widespread first
 *
 * Keys are resolved archive-wide before labelling:
 *   - a key whose `altKey` (same words read as bare nominatives, "Газпром" → key of "Газпромом") exists
 *     as a key of its own joins it;
 *   - a key that was merged as an alias (a lone surname "Мей") into exactly one longer key ("Тереза Мей")
 *     joins it when that happened in ≥ 2 articles and in at least as many articles as it stood alone.
 * Pure in-memory data structure, no I/O. Adding articles after reading invalidates the cached groups.
 */
import { pickLabel, type Mention } from './extract.ts';
import { preferredLabel } from './synonyms.ts';
import { labelNominative } from './lemmas.ts';

interface Entry {
  forms: Map<string, number>;
  articles: Set<string>;
  words: number;
}

export interface Topic {
  key: string;
  label: string;
  articles: number;
}

/** Words that stay the same in forms of a name that differ elsewhere ("Бібі" in "Азія Бібі", "Азії Бібі"): not declined. */
function unchangedWords(forms: ReadonlyArray<readonly [string, number]>): Set<string> {
  const seenIn = new Map<string, number>();
  for (const [f] of forms) for (const w of new Set(f.split(' '))) seenIn.set(w, (seenIn.get(w) ?? 0) + 1);
  return new Set([...seenIn].filter(([, n]) => n >= 2).map(([w]) => w));
}

export class TopicCatalogue {
  private readonly entries = new Map<string, Entry>();
  /** alias key → target key → number of articles where the alias was merged into the target */
  private readonly aliasTargets = new Map<string, Map<string, number>>();
  private readonly byArticle = new Map<string, string[]>();
  private readonly altOf = new Map<string, string>();
  private groups: Map<string, Entry> | undefined;
  private readonly labels = new Map<string, string>();

  /** Add the mentions of one article (id must be unique per article). */
  add(articleId: string, mentions: readonly Mention[]): void {
    this.groups = undefined;
    this.labels.clear();
    const keys: string[] = [];
    for (const m of mentions) {
      let e = this.entries.get(m.key);
      if (!e) {
        e = { forms: new Map(), articles: new Set(), words: m.key.split(' ').length };
        this.entries.set(m.key, e);
      }
      e.articles.add(articleId);
      for (const [f, c] of m.forms) e.forms.set(f, (e.forms.get(f) ?? 0) + c);
      for (const a of m.aliases) {
        let t = this.aliasTargets.get(a);
        if (!t) this.aliasTargets.set(a, (t = new Map()));
        t.set(m.key, (t.get(m.key) ?? 0) + 1);
      }
      if (m.altKey !== m.key) this.altOf.set(m.key, m.altKey);
      keys.push(m.key);
    }
    this.byArticle.set(articleId, keys);
  }

  /** The topic key a key stands for (itself, unless joined to another key as described above). */
  resolve(key0: string): string {
    const alt = this.altOf.get(key0);
    const key = alt !== undefined && this.entries.has(alt) ? alt : key0;
    const t = this.aliasTargets.get(key);
    if (t && t.size === 1) {
      const [only] = t;
      if (only === undefined) return key;
      const standalone = this.entries.get(key)?.articles.size ?? 0;
      if (only[1] >= 2 && only[1] >= standalone) {
        const o = this.altOf.get(only[0]);
        return o !== undefined && this.entries.has(o) ? o : only[0];
      }
    }
    return key;
  }

  private grouped(): Map<string, Entry> {
    if (this.groups) return this.groups;
    const g = new Map<string, Entry>();
    for (const [k, e] of this.entries) {
      const r = this.resolve(k);
      let t = g.get(r);
      if (!t) g.set(r, (t = { forms: new Map(), articles: new Set(), words: r.split(' ').length }));
      for (const [f, c] of e.forms) t.forms.set(f, (t.forms.get(f) ?? 0) + c);
      for (const a of e.articles) t.articles.add(a);
    }
    this.groups = g;
    return g;
  }

  /**
   * Label for a key (undefined when the key was never seen). With `lang`, a synonym group's preferred name
   * for that language is used, else forms written in that language's script are preferred.
   */
  label(key: string, lang?: 'uk' | 'en'): string | undefined {
    const k = this.resolve(key);
    const ck = `${lang ?? ''}\u0000${k}`;
    let l = this.labels.get(ck);
    if (l !== undefined) return l;
    const e = this.grouped().get(k);
    if (!e) return undefined;
    l = lang ? preferredLabel(k, lang) : undefined;
    if (l === undefined) {
      let forms = [...e.forms.entries()];
      if (lang) {
        const cyr = /[\u0400-\u04FF]/;
        const pref = forms.filter(([f]) => cyr.test(f) === (lang === 'uk'));
        if (pref.length > 0) forms = pref;
      }
      // the base form of a name seen only in an oblique case ("Берліна" → "Берлін"), where the dictionary knows it
      l = labelNominative(pickLabel(forms, e.words), unchangedWords(forms));
    }
    this.labels.set(ck, l);
    return l;
  }

  /** Resolved topic keys of one article, without duplicates. */
  topicsOf(articleId: string): string[] {
    const ks = this.byArticle.get(articleId) ?? [];
    return [...new Set(ks.map((k) => this.resolve(k)))];
  }

  /** How many articles mention a topic (under any of its keys). */
  articleCount(key: string): number {
    return this.grouped().get(this.resolve(key))?.articles.size ?? 0;
  }

  /** Ids of the articles that mention a topic (under any of its keys). */
  articlesOf(key: string): string[] {
    return [...(this.grouped().get(this.resolve(key))?.articles ?? [])];
  }

  /** All topics with their labels, most widespread first. */
  topics(minArticles = 1, lang?: 'uk' | 'en'): Topic[] {
    const out: Topic[] = [];
    for (const [k, e] of this.grouped()) {
      if (e.articles.size < minArticles) continue;
      out.push({ key: k, label: this.label(k, lang) ?? k, articles: e.articles.size });
    }
    return out.sort((a, b) => b.articles - a.articles || a.label.localeCompare(b.label));
  }
}
