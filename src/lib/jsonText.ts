/**
 * JSON text computed once per value. A step that has to serialise a big value
 * anyway (the search index hashes and gzips each shard) remembers the text, and
 * the writer reuses it instead of serialising the value a second time. Keys are
 * held weakly: the text goes when the value does.
 */
const known = new WeakMap<object, string>();

/** Remember `text` as the JSON of `value` (the caller has just made it with JSON.stringify). */
export function rememberJson<T extends object>(value: T, text: string): T {
  known.set(value, text);
  return value;
}

/** JSON.stringify(value), from memory when a step already made it. */
export function jsonText(value: unknown): string {
  const text = typeof value === 'object' && value !== null ? known.get(value) : undefined;
  return text ?? JSON.stringify(value);
}
