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
import { type Lang, SLUG, type TopicLabels, type TopicRef } from '../../core/model/article.ts';
import { slugify } from '../../core/text/slug.ts';
import { type ImportError, importError } from '../errors.ts';
import { notAnObject, parseJson, schemaErrors } from '../schemaIssues.ts';

const Label = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

export const GlossaryFile = v.record(
  v.pipe(v.string(), v.regex(SLUG, 'a topic slug is lower-case ASCII letters and digits with single hyphens'), v.maxLength(120)),
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

/** Fold a label for matching: case, spacing, quotes and apostrophes do not matter. */
/** The glossary of all topics.json files given: their names and labels, merged. */
export function loadGlossary(files: ReadonlyArray<{ file: string; text: string }>): { glossary: Glossary; errors: ImportError[] } {
  const parsed = files.map((f) => ({ file: f.file, ...parseGlossary(f.text, f.file) }));
  const merged = mergeGlossaries(parsed);
  return { glossary: merged.glossary, errors: [...parsed.flatMap((p) => p.errors), ...merged.errors] };
}

export function foldLabel(label: string): string {
  return label.normalize('NFC').replace(QUOTES, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('uk');
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
    const slug = glossarySlug ?? this.byLabel.get(folded) ?? slugify(folded);
    const labels = this.labels.get(slug);
    if (!labels || (labels[lang] === undefined && glossarySlug === undefined)) {
      if (!labels) this.labels.set(slug, { [lang]: label });
      else labels[lang] = label;
      this.refs.delete(slug);
    }
    if (!this.byLabel.has(folded)) this.byLabel.set(folded, slug);
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
