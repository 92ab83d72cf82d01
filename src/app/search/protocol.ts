/** Messages between the page (searchClient.ts) and the search worker. */
import type { Lang } from '../../core/model/article.ts';
import type { SearchAnswer, SearchErrorKind } from './engine.ts';

export type WorkerRequest =
  | { id: number; type: 'warm'; lang: Lang }
  | { id: number; type: 'search'; lang: Lang; query: string; limit: number };

export type WorkerResponse =
  | { id: number; ok: true; answer: SearchAnswer | null }
  | { id: number; ok: false; error: SearchErrorKind | 'unknown'; detail: string };
