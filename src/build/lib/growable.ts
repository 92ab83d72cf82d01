/** The typed arrays that grow as columns fill (indexes built in typed columns). */
type Column = Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** `column` when it has room for `size` items, else a copy at least twice as long. */
export function withRoom<T extends Column>(column: T, size: number): T {
  if (size <= column.length) return column;
  const bigger = new (column.constructor as new (length: number) => T)(Math.max(size, column.length * 2));
  bigger.set(column);
  return bigger;
}
