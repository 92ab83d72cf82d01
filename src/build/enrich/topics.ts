/**
 * Topics: the glossary (content/topics.json) and resolving the names editors
 * write to one topic each.
 *
 * A name resolves to a glossary topic when it is the topic's slug or, folded
 * (case, spacing, quotes, apostrophes), equals its uk or en label. Any other name
 * becomes a topic of its own with slug = slugify(name) and a label in the
 * article's language; names in two languages that slugify alike ("НАТО",
 * "NATO") share one topic and both labels.
 */
import * as v from 'valibot';
import { LANGS, type Lang, SLUG, type TopicLabels, type TopicRef } from '../../core/model/article.ts';
import { slugify } from '../../core/text/slug.ts';
import { type ImportError, importError } from '../errors.ts';
import { notAnObject, parseJson, schemaErrors } from '../schemaIssues.ts';

/** Slugs a topic cannot have: data/topics/index/<page>.json are the topic index's pages. */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['index']);

/** slugify(name), but never a reserved slug ("Index" → "index-topic"). */
export function topicSlug(name: string): string {
  const slug = slugify(name);
  return RESERVED_SLUGS.has(slug) ? `${slug}-topic` : slug;
}

const Label = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

export const GlossaryFile = v.record(
  v.pipe(
    v.string(),
    v.regex(SLUG, 'a topic slug is lower-case ASCII letters and digits with single hyphens'),
    v.maxLength(120),
    v.check((slug) => !RESERVED_SLUGS.has(slug), 'a topic slug must not be "index": the topic index has that path'),
  ),
  v.strictObject({ uk: v.optional(Label), en: v.optional(Label) }),
);

/** slug → labels */
export type Glossary = ReadonlyMap<string, TopicLabels>;

export function parseGlossary(text: string, file: string): { glossary: Glossary; errors: ImportError[] } {
  const json = parseJson(text, file);
  if (json.errors.length > 0) return { glossary: new Map(), errors: json.errors };
  const shape = notAnObject(file, json.value);
  if (shape.length > 0) return { glossary: new Map(), errors: shape };
  const result = v.safeParse(GlossaryFile, json.value);
  if (!result.success) return { glossary: new Map(), errors: schemaErrors(file, result.issues, json.value, text) };
  return { glossary: new Map(Object.entries(result.output).map(([slug, l]) => [slug, { ...l }])), errors: [] };
}

/** Merge glossaries; a slug defined twice with different labels is an error. */
export function mergeGlossaries(parts: ReadonlyArray<{ file: string; glossary: Glossary }>): { glossary: Glossary; errors: ImportError[] } {
  const out = new Map<string, TopicLabels>();
  const from = new Map<string, string>();
  const errors: ImportError[] = [];
  for (const { file, glossary } of parts) {
    for (const [slug, labels] of glossary) {
      const seen = out.get(slug);
      if (seen && (seen.uk !== labels.uk || seen.en !== labels.en)) {
        errors.push(importError(file, 0, `topic "${slug}" is also defined, differently, in ${from.get(slug) ?? 'another glossary'}`));
        continue;
      }
      out.set(slug, labels);
      from.set(slug, file);
    }
  }
  return { glossary: out, errors };
}

const QUOTES = /["'`«»„“”‘’‚‹›ʼ]/g;

/** The glossary of all topics.json files given: their names and labels, merged. */
export function loadGlossary(files: ReadonlyArray<{ file: string; text: string }>): { glossary: Glossary; errors: ImportError[] } {
  const parsed = files.map((f) => ({ file: f.file, ...parseGlossary(f.text, f.file) }));
  const merged = mergeGlossaries(parsed);
  return { glossary: merged.glossary, errors: [...parsed.flatMap((p) => p.errors), ...merged.errors] };
}

/** Fold a label for matching: case, spacing, quotes and apostrophes do not matter. */
export function foldLabel(label: string): string {
  return label.normalize('NFC').replace(QUOTES, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('uk');
}

/** Feed categories that are slugs of common news sections, with their names in both languages. */
const SECTION_NAMES: Record<string, TopicLabels> = {
  ukraine: { uk: 'Україна', en: 'Ukraine' },
  world: { uk: 'Світ', en: 'World' },
  news: { uk: 'Новини', en: 'News' },
  politics: { uk: 'Політика', en: 'Politics' },
  economy: { uk: 'Економіка', en: 'Economy' },
  business: { uk: 'Бізнес', en: 'Business' },
  finance: { uk: 'Фінанси', en: 'Finance' },
  society: { uk: 'Суспільство', en: 'Society' },
  sport: { uk: 'Спорт', en: 'Sport' },
  sports: { uk: 'Спорт', en: 'Sport' },
  culture: { uk: 'Культура', en: 'Culture' },
  science: { uk: 'Наука', en: 'Science' },
  technology: { uk: 'Технології', en: 'Technology' },
  tech: { uk: 'Технології', en: 'Technology' },
  health: { uk: 'Здоров’я', en: 'Health' },
  war: { uk: 'Війна', en: 'War' },
  opinion: { uk: 'Думки', en: 'Opinion' },
  regions: { uk: 'Регіони', en: 'Regions' },
  kyiv: { uk: 'Київ', en: 'Kyiv' },
  europe: { uk: 'Європа', en: 'Europe' },
  usa: { uk: 'США', en: 'USA' },
  education: { uk: 'Освіта', en: 'Education' },
  environment: { uk: 'Довкілля', en: 'Environment' },
  entertainment: { uk: 'Розваги', en: 'Entertainment' },
  lifestyle: { uk: 'Стиль життя', en: 'Lifestyle' },
};

/** A category written as a slug ("ukraine", "el-salvador", "money_fx"). */
const SLUG_LIKE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/**
 * A category's label as a reader sees it: a slug is never shown raw — a known
 * section has its name in both languages, another slug becomes words
 * ("el-salvador" → "El Salvador", "usa" → "USA"). Any other name is kept as written.
 */
export function categoryLabels(label: string, lang: Lang): TopicLabels {
  if (!SLUG_LIKE.test(label)) return { [lang]: label };
  const known = SECTION_NAMES[label.replace(/_/g, '-')];
  if (known) return { ...known };
  const words = label.split(/[-_]/).map((w) => (w.length <= 3 && !/\d/.test(w) && label.length <= 4 ? w.toUpperCase() : `${w.charAt(0).toUpperCase()}${w.slice(1)}`));
  return { [lang]: words.join(' ') };
}

/** How a topic name is written as a label: trimmed, single spaces, otherwise as given. */
export function cleanLabel(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Resolves names to topic slugs over a whole build, collecting labels as it goes,
 * then hands out TopicRefs with every label known. Feed names in a deterministic
 * order (sorted files) so the first label seen for a language is stable.
 */
export class TopicRegistry {
  private readonly labels = new Map<string, TopicLabels>();
  private readonly byLabel = new Map<string, string>();
  private readonly glossarySlugs: ReadonlySet<string>;
  /** name as written → its label and folded form (a feed repeats a few thousand names 100 000 times) */
  private readonly written = new Map<string, { label: string; folded: string }>();
  /** refs handed out, until the topic's labels change (a ref is never changed: articles share it) */
  private readonly refs = new Map<string, TopicRef>();

  constructor(glossary: Glossary) {
    this.glossarySlugs = new Set(glossary.keys());
    for (const [slug, labels] of glossary) {
      this.labels.set(slug, { ...labels });
      for (const label of [labels.uk, labels.en]) {
        if (label !== undefined && !this.byLabel.has(foldLabel(label))) this.byLabel.set(foldLabel(label), slug);
      }
    }
  }

  /** The topic slug for a name or slug written in an article in `lang`; undefined when the name is empty. */
  resolve(name: string, lang: Lang): string | undefined {
    let seen = this.written.get(name);
    if (!seen) {
      const label = cleanLabel(name);
      seen = { label, folded: foldLabel(label) };
      this.written.set(name, seen);
    }
    const { label, folded } = seen;
    if (folded === '') return undefined;
    const glossarySlug = this.glossarySlugs.has(folded) ? folded : undefined;
    const slug = glossarySlug ?? this.byLabel.get(folded) ?? topicSlug(folded);
    const labels = this.labels.get(slug);
    if (!labels || (labels[lang] === undefined && glossarySlug === undefined)) {
      const shown = categoryLabels(label, lang);
      if (!labels) this.labels.set(slug, shown);
      else for (const l of LANGS) labels[l] ??= shown[l];
      this.refs.delete(slug);
      // a section named in both languages is found by either name (США, found in a text, is `usa`)
      for (const l of LANGS) {
        const other = shown[l];
        if (other !== undefined && !this.byLabel.has(foldLabel(other))) this.byLabel.set(foldLabel(other), slug);
      }
    }
    if (!this.byLabel.has(folded)) this.byLabel.set(folded, slug);
    return slug;
  }

  /**
   * The slug of a topic found in the text (entityTopics.ts), named in one
   * language or both: one topic for all its labels, and the same topic as a
   * category or glossary entry of the same name.
   */
  resolveNamed(named: TopicLabels): string | undefined {
    const given = LANGS.flatMap((lang) => {
      const label = named[lang] === undefined ? '' : cleanLabel(named[lang]);
      return label === '' ? [] : [{ lang, label, folded: foldLabel(label) }];
    });
    const first = given[0];
    if (!first) return undefined;
    const known = given.map(({ folded }) => (this.glossarySlugs.has(folded) ? folded : this.byLabel.get(folded))).find((s) => s !== undefined);
    const slug = known ?? slugify(first.folded);
    if (slug === '') return undefined;
    let labels = this.labels.get(slug);
    if (!labels) this.labels.set(slug, (labels = {}));
    for (const { lang, label, folded } of given) {
      if (labels[lang] === undefined && !this.glossarySlugs.has(slug)) {
        labels[lang] = label;
        this.refs.delete(slug);
      }
      if (!this.byLabel.has(folded)) this.byLabel.set(folded, slug);
    }
    return slug;
  }

  /** The topic with the labels known so far (one object per topic and labels, shared). */
  ref(slug: string): TopicRef {
    let ref = this.refs.get(slug);
    if (!ref) {
      ref = { slug, labels: { ...(this.labels.get(slug) ?? {}) } };
      this.refs.set(slug, ref);
    }
    return ref;
  }
}
