import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataError, fetchData, isDataError } from './fetchData.ts';
import { ListPage } from '../../core/model/dataset.ts';
import { Article } from '../../core/model/article.ts';

function respond(body: BodyInit | null, init: ResponseInit & { type?: string } = {}) {
  const headers = new Headers({ 'content-type': init.type ?? 'application/json' });
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status: init.status ?? 200, headers })));
}

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return isDataError(e) ? e.kind : `other: ${String(e)}`;
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchData', () => {
  it('returns valid data', async () => {
    respond(JSON.stringify({ page: 1, pages: 1, total: 0, items: [] }));
    await expect(fetchData('/data/latest/uk/1.json', ListPage)).resolves.toEqual({ page: 1, pages: 1, total: 0, items: [] });
  });

  it('asks for JSON, so a static host does not answer with its SPA page', async () => {
    respond('{"page":1,"pages":1,"total":0,"items":[]}');
    await fetchData('/x.json', ListPage);
    const init = vi.mocked(fetch).mock.calls[0]?.[1];
    expect(new Headers(init?.headers).get('accept')).toBe('application/json');
  });

  it('classifies every failure', async () => {
    respond(null, { status: 404 });
    expect(await kindOf(fetchData('/a', ListPage))).toBe('not-found');
    respond('<!doctype html><title>app</title>', { type: 'text/html' });
    expect(await kindOf(fetchData('/a', ListPage))).toBe('not-found');
    respond('oops', { status: 500 });
    expect(await kindOf(fetchData('/a', ListPage))).toBe('network');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await kindOf(fetchData('/a', ListPage))).toBe('network');
    respond('{"page": 1, "items": [');
    expect(await kindOf(fetchData('/a', ListPage))).toBe('invalid'); // truncated
    respond('not json at all', { type: 'text/plain' });
    expect(await kindOf(fetchData('/a', ListPage))).toBe('invalid');
    respond(JSON.stringify({ page: '1', items: 'many' }));
    expect(await kindOf(fetchData('/a', ListPage))).toBe('invalid'); // wrong shape
    respond(JSON.stringify([1, 2, 3]));
    expect(await kindOf(fetchData('/a', Article))).toBe('invalid');
    respond('null');
    expect(await kindOf(fetchData('/a', Article))).toBe('invalid');
  });

  it('rejects an article whose link is not http(s)/mailto', async () => {
    const article = {
      id: 'x', slug: 'x', lang: 'uk', headline: 'H', publishedAt: '2021-12-21T16:00:00+02:00', source: { name: 'S' },
      lead: '', body: [{ type: 'paragraph', content: [{ type: 'link', text: 'click', href: 'javascript:alert(1)' }] }],
      context: [], topics: [], related: [], translations: {}, wordCount: 1,
    };
    respond(JSON.stringify(article));
    const error = await fetchData('/a', Article).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(/body\.0\.content\.0\.href/);
  });

  it('survives a very large wrong file', async () => {
    respond(JSON.stringify({ items: Array.from({ length: 200_000 }, (_, i) => ({ id: i })) }));
    expect(await kindOf(fetchData('/a', ListPage))).toBe('invalid');
  });
});
