/**
 * The sidecar: `foo.json` beside `foo.txt`, with what the text format cannot say.
 * Unknown keys and wrong types are errors that name the file and the field.
 */
import * as v from 'valibot';
import { ISO_DATE_TIME, Lang, SAFE_URL, SLUG } from '../../core/model/article.ts';
import type { ImportError } from '../errors.ts';
import { notAnObject, parseJson, schemaErrors } from '../schemaIssues.ts';
import { parseTimestamp } from './timestamp.ts';

const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const Sidecar = v.strictObject({
  lang: v.optional(Lang),
  slug: v.optional(v.pipe(v.string(), v.regex(SLUG, 'a slug is lower-case ASCII letters and digits with single hyphens'), v.maxLength(120))),
  id: v.optional(v.pipe(v.string(), v.regex(ID_PATTERN, 'an id is 1–64 ASCII letters, digits, "_" or "-"'))),
  /** topic slugs or labels */
  topics: v.optional(v.array(NonEmpty)),
  /** base name of the content file this article translates */
  translationOf: v.optional(NonEmpty),
  source: v.optional(
    v.strictObject({
      name: NonEmpty,
      url: v.optional(v.pipe(v.string(), v.regex(SAFE_URL, 'a link must be http(s) or mailto'))),
    }),
  ),
  author: v.optional(NonEmpty),
  /** ISO 8601 with offset, or Kyiv time "HH:MM DD.MM.YYYY" */
  updatedAt: v.optional(
    v.pipe(
      v.string(),
      v.check(
        (s) => ISO_DATE_TIME.test(s) || parseTimestamp(s).iso !== undefined,
        'expected ISO 8601 with an offset (2021-12-21T16:00:00+02:00) or Kyiv time "HH:MM DD.MM.YYYY"',
      ),
    ),
  ),
});
export type Sidecar = v.InferOutput<typeof Sidecar>;

export interface SidecarInput {
  file: string;
  text: string;
}

export interface ParsedSidecar {
  value?: Sidecar;
  /** the text, for finding the line of a field */
  text: string;
  file: string;
  errors: ImportError[];
}

export function parseSidecar(text: string, file: string): ParsedSidecar {
  const json = parseJson(text, file);
  if (json.errors.length > 0) return { text, file, errors: json.errors };
  const shape = notAnObject(file, json.value);
  if (shape.length > 0) return { text, file, errors: shape };
  const result = v.safeParse(Sidecar, json.value);
  if (!result.success) return { text, file, errors: schemaErrors(file, result.issues, json.value, text) };
  return { value: result.output, text, file, errors: [] };
}
