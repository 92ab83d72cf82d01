/**
 * A reader's page of a list, newest first: page 1 is the list's head; page p ≥ 2 is the older
 * page the head's count names (core/model/dataset.ts, olderPageOf), fetched after the head.
 */
import { OlderPage, olderPageOf, type ListPage } from '../../core/model/dataset.ts';
import { DataError, fetchData } from './fetchData.ts';

export async function readerPage<T extends ListPage>(head: Promise<T>, olderPath: (n: number) => string, page: number, signal?: AbortSignal): Promise<T> {
  const first = await head;
  if (page === 1) return first;
  const n = olderPageOf(page, first.pages);
  if (n === undefined) throw new DataError('not-found', olderPath(page));
  const older = await fetchData(olderPath(n), OlderPage, signal);
  return { ...first, page, items: older.items };
}
