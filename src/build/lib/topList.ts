/**
 * A short best-first list kept in two typed columns (scores and items), for
 * hot loops that must not allocate: `place` puts an item at a position and
 * moves it up past worse scores, shifting them down one place.
 */
export function place(score: Float64Array, item: Int32Array, at: number, s: number, id: number): void {
  let k = at;
  while (k > 0 && (score[k - 1] as number) < s) {
    score[k] = score[k - 1] as number;
    item[k] = item[k - 1] as number;
    k--;
  }
  score[k] = s;
  item[k] = id;
}
