/**
 * Turn zod issues into import errors that name the file, the field and the line
 * the field is on. zod/mini carries no message locale, so messages are written here.
 */
import type * as z from 'zod/mini';
import { type ImportError, importError, lineAt, quote } from './errors.ts';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

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
  const field = fieldName(issue.path);
  const what = field === '' ? 'the file' : `field "${field}"`;
  const custom = issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .map((k) => `"${fieldName([...issue.path, k])}"`)
        .join(', ')}`;
    case 'invalid_type': {
      const found = valueAt(data, issue.path);
      return found === undefined
        ? `${what} is required (${issue.expected})`
        : `${what}: expected ${issue.expected}, found ${describeValue(found)}`;
    }
    case 'invalid_value':
      return `${what}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(valueAt(data, issue.path))}`;
    case 'too_small':
      return custom ? `${what}: ${custom}` : `${what} must not be empty`;
    case 'invalid_key':
      return `${what}: invalid key${custom ? ` (${custom})` : ''}`;
    default:
      return `${what}: ${custom ?? `invalid value ${describeValue(valueAt(data, issue.path))}`}`;
  }
}

/** Import errors for a failed safeParse of `data` read from `file` (JSON `text` gives lines). */
export function schemaErrors(file: string, issues: readonly Issue[], data: unknown, text?: string, line?: number): ImportError[] {
  return issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    return importError(file, line ?? jsonFieldLine(text, path), describeIssue(issue, data));
  });
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
