/**
 * A value kept as its JSON text. The search index is the biggest part of a
 * dataset: as objects its shards take several times the memory of their text
 * (100 000 articles did not fit in 4 GB), and the text has to be made anyway to
 * hash and gzip each shard. So a shard is kept as text, and the writer puts the
 * text on disk as it is instead of serialising it again.
 */
export class JsonText {
  constructor(readonly text: string) {}

  /** JSON.stringify(jsonText) gives the same text, so code that serialises values needs no special case. */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** The JSON text of a value: JSON.stringify, unless the value is kept as text already. */
export function jsonText(value: unknown): string {
  return value instanceof JsonText ? value.text : JSON.stringify(value);
}
