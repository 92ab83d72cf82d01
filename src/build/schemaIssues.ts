/**
 * Turn schema (valibot) issues into import errors that name the file, the field
 * and the line the field is on, in the pipeline's own wording.
 */
import type * as v from 'valibot';
import { type ImportError, importError, lineAt, quote } from './errors.ts';

type Issue = v.BaseIssue<unknown>;
type PathKey = PropertyKey;

/** The keys of an issue's path: ['source', 'url'], ['topics', 2]. */
export function issuePath(issue: Issue): PathKey[] {
  return (issue.path ?? []).map((item) => item.key as PathKey);
}

/** `source.url`, `topics[2]` */
export function fieldName(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return quote(v, 40);
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Best-effort line of a JSON field: the line where its keys appear, in order. */
export function jsonFieldLine(text: string | undefined, path: readonly PathKey[]): number {
  if (text === undefined) return 0;
  let offset = 0;
  let found = false;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const at = text.indexOf(JSON.stringify(key), offset);
    if (at < 0) break;
    offset = at;
    found = true;
  }
  return found ? lineAt(text, offset) : 1;
}

export function describeIssue(issue: Issue, data: unknown): string {
  const path = issuePath(issue);
  const field = fieldName(path);
  const what = field === '' ? 'the file' : `field "${field}"`;
  if (issue.type === 'strict_object' && issue.expected === 'never') return `unknown field "${field}"`;
  if (issue.kind === 'schema') {
    const found = valueAt(data, path);
    if (issue.type === 'picklist') {
      const options = (issue.expected ?? '').replace(/^\(|\)$/g, '').split(' | ').join(', ');
      return `${what}: expected one of ${options}, found ${describeValue(found)}`;
    }
    return found === undefined ? `${what} is required (${issue.expected})` : `${what}: expected ${issue.expected}, found ${describeValue(found)}`;
  }
  return `${what}: ${issue.message}`;
}

/** valibot's object schemas accept arrays: a JSON file that must hold an object is checked first. */
export function notAnObject(file: string, data: unknown): ImportError[] {
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) return [];
  return [importError(file, 1, `the file: expected object, found ${describeValue(data)}`)];
}

/** Import errors for a failed safeParse of `data` read from `file` (JSON `text` gives lines). */
export function schemaErrors(file: string, issues: readonly Issue[], data: unknown, text?: string, line?: number): ImportError[] {
  return issues.map((issue) => importError(file, line ?? jsonFieldLine(text, issuePath(issue)), describeIssue(issue, data)));
}

/** Parse JSON text, reporting a syntax error with its line. */
export function parseJson(text: string, file: string): { value?: unknown; errors: ImportError[] } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown, errors: [] };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lineMatch = /line (\d+)/.exec(message);
    const posMatch = /position (\d+)/.exec(message);
    const line = lineMatch ? Number(lineMatch[1]) : posMatch ? lineAt(text, Number(posMatch[1])) : 1;
    return { errors: [importError(file, line, `not valid JSON: ${message.split('\n')[0]}`)] };
  }
}
