import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../../core/model/article.ts';
import { CACHES } from '../offline/caches.ts';
import { createSavedStore, SAVED_AT_HEADER, type CacheLike, type CacheStorageLike } from './store.ts';

/** An in-memory Cache Storage: what the store needs of the browser's, no more. */
class FakeCache implements CacheLike {
  readonly entries = new Map<string, { body: string; headers: Headers }>();
  async match(key: string) {
    const e = this.entries.get(new URL(key, 'http://localhost').pathname);
    return e ? new Response(e.body, { headers: e.headers }) : undefined;
  }
  async put(key: string, response: Response) {
    this.entries.set(new URL(key, 'http://localhost').pathname, { body: await response.text(), headers: response.headers });
  }
  async delete(key: string) {
    return this.entries.delete(new URL(key, 'http://localhost').pathname);
  }
  async keys() {
    return [...this.entries.keys()].map((path) => ({ url: `http://localhost${path}` }));
  }
}
class FakeCacheStorage implements CacheStorageLike {
  readonly caches = new Map<string, FakeCache>();
  async open(name: string) {
    let c = this.caches.get(name);
    if (!c) this.caches.set(name, (c = new FakeCache()));
    return c;
  }
}

function article(slug: string, extra: Partial<Article> = {}): Article {
  return {
    id: `id-${slug}`,
    slug,
    lang: 'uk',
    headline: `Заголовок ${slug}`,
    publishedAt: '2022-01-10T12:00:00+02:00',
    source: { name: 'Kontekst' },
    lead: 'Лід',
    body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Текст' }] }],
    context: [],
    topics: [],
    related: [],
    translations: {},
    wordCount: 2,
    ...extra,
  } as Article;
}

function clock(...isoTimes: string[]) {
  let i = 0;
  return () => new Date(isoTimes[Math.min(i++, isoTimes.length - 1)]!);
}

describe('saved articles store', () => {
  it('saves an article under its data URL in the saved cache, with the time of saving', async () => {
    const storage = new FakeCacheStorage();
    const store = createSavedStore({ storage, now: clock('2026-11-25T10:00:00.000Z') });
    await store.save(article('a'));
    const cache = storage.caches.get(CACHES.saved)!;
    const res = await cache.match('/data/articles/a.json');
    expect(res).toBeDefined();
    expect(res!.headers.get('content-type')).toBe('application/json');
    expect(res!.headers.get(SAVED_AT_HEADER)).toBe('2026-11-25T10:00:00.000Z');
    expect(((await res!.json()) as Article).headline).toBe('Заголовок a');
    expect([...storage.caches.keys()]).toEqual([CACHES.saved]);
  });

  it('lists saved articles as summaries, last saved first, and removes one', async () => {
    const storage = new FakeCacheStorage();
    const store = createSavedStore({ storage, now: clock('2026-11-25T10:00:00.000Z', '2026-11-25T11:00:00.000Z', '2026-11-25T09:00:00.000Z') });
    await store.save(article('a'));
    await store.save(article('b', { lang: 'en', headline: 'B headline' }));
    await store.save(article('c'));
    expect((await store.load()).map((e) => [e.slug, e.savedAt])).toEqual([
      ['b', '2026-11-25T11:00:00.000Z'],
      ['a', '2026-11-25T10:00:00.000Z'],
      ['c', '2026-11-25T09:00:00.000Z'],
    ]);
    const b = store.snapshot()![0]!;
    expect(b).toMatchObject({ slug: 'b', lang: 'en', headline: 'B headline', id: 'id-b', lead: 'Лід' });
    expect(b).not.toHaveProperty('body');

    await store.remove('a');
    expect(store.snapshot()!.map((e) => e.slug)).toEqual(['b', 'c']);
    expect(await storage.caches.get(CACHES.saved)!.match('/data/articles/a.json')).toBeUndefined();
  });

  it('saving again keeps one entry, with the new time', async () => {
    const storage = new FakeCacheStorage();
    const store = createSavedStore({ storage, now: clock('2026-11-25T10:00:00.000Z', '2026-11-25T12:00:00.000Z') });
    await store.save(article('a'));
    await store.save(article('a', { headline: 'Виправлений заголовок' }));
    expect(store.snapshot()).toHaveLength(1);
    expect(store.snapshot()![0]).toMatchObject({ headline: 'Виправлений заголовок', savedAt: '2026-11-25T12:00:00.000Z' });
  });

  it('survives a restart: a new store over the same storage sees what the old one saved', async () => {
    const storage = new FakeCacheStorage();
    await createSavedStore({ storage }).save(article('a'));
    const reopened = createSavedStore({ storage });
    expect(reopened.snapshot()).toBeNull();
    expect((await reopened.load()).map((e) => e.slug)).toEqual(['a']);
  });

  it('answers whether one article is saved without reading the list', async () => {
    const store = createSavedStore({ storage: new FakeCacheStorage() });
    expect(await store.has('a')).toBe(false);
    await store.save(article('a'));
    const reopened = createSavedStore({ storage: new FakeCacheStorage() });
    expect(await reopened.has('a')).toBe(false);
    expect(await store.has('a')).toBe(true);
    expect(await store.has('b')).toBe(false);
    await store.remove('a');
    expect(await store.has('a')).toBe(false);
    expect(await createSavedStore({ storage: undefined }).has('a')).toBe(false);
  });

  it('tells subscribers about every change, and stops when they unsubscribe', async () => {
    const store = createSavedStore({ storage: new FakeCacheStorage() });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    await store.save(article('a'));
    expect(listener).toHaveBeenCalledTimes(1);
    await store.remove('a');
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    await store.save(article('b'));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('asks the browser to persist storage when saving, and saving does not fail when it refuses', async () => {
    const persist = vi.fn(async () => {
      throw new Error('denied');
    });
    const store = createSavedStore({ storage: new FakeCacheStorage(), persist });
    await store.save(article('a'));
    expect(persist).toHaveBeenCalled();
    expect(store.snapshot()!.map((e) => e.slug)).toEqual(['a']);
  });

  it('leaves out damaged entries and files that are not articles instead of failing', async () => {
    const storage = new FakeCacheStorage();
    const store = createSavedStore({ storage });
    await store.save(article('good'));
    const cache = await storage.open(CACHES.saved);
    await cache.put('/data/articles/broken.json', new Response('{"headline": 4'));
    await cache.put('/data/articles/wrong.json', new Response('{"headline": "no other fields"}'));
    await cache.put('/data/latest/uk/1.json', new Response('{}'));
    expect((await createSavedStore({ storage }).load()).map((e) => e.slug)).toEqual(['good']);
  });

  it('counts saved copies it cannot show (damaged, or an older schema) and removes them on request, keeping the rest', async () => {
    const storage = new FakeCacheStorage();
    const store = createSavedStore({ storage });
    await store.save(article('good'));
    const cache = await storage.open(CACHES.saved);
    await cache.put('/data/articles/broken.json', new Response('{"headline": 4'));
    await cache.put('/data/articles/old.json', new Response(JSON.stringify({ ...article('old'), body: 'an older schema' })));
    await cache.put('/data/latest/uk/1.json', new Response('{}'));
    const fresh = createSavedStore({ storage });
    await fresh.load();
    expect(fresh.staleCount()).toBe(2);
    await fresh.removeStale();
    expect(fresh.staleCount()).toBe(0);
    expect(fresh.snapshot()!.map((e) => e.slug)).toEqual(['good']);
    expect([...cache.entries.keys()].sort()).toEqual(['/data/articles/good.json', '/data/latest/uk/1.json']);
  });

  it('hears other tabs: a change announced on the channel reloads the list', async () => {
    const storage = new FakeCacheStorage();
    let deliver: (() => void) | undefined;
    const channel = { postMessage: vi.fn(), addEventListener: (_: string, fn: () => void) => void (deliver = fn) };
    const store = createSavedStore({ storage, channel: channel as never });
    await store.load();
    await createSavedStore({ storage }).save(article('elsewhere'));
    const listener = vi.fn();
    store.subscribe(listener);
    deliver!();
    await vi.waitFor(() => expect(listener).toHaveBeenCalled());
    expect(store.snapshot()!.map((e) => e.slug)).toEqual(['elsewhere']);
    await store.save(article('here'));
    expect(channel.postMessage).toHaveBeenCalledWith('changed');
  });

  it('without Cache Storage it says so, lists nothing, and saving rejects', async () => {
    const store = createSavedStore({ storage: undefined });
    expect(store.available).toBe(false);
    expect(await store.load()).toEqual([]);
    await expect(store.save(article('a'))).rejects.toThrow(/not available/);
  });
});

describe('saved articles store, broken storage', () => {
  it('lists nothing (instead of loading forever) when the storage cannot be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = createSavedStore({ storage: { open: () => Promise.reject(new Error('SecurityError')) } });
    expect(await store.load()).toEqual([]);
    expect(store.snapshot()).toEqual([]);
    await expect(store.save(article('a'))).rejects.toThrow('SecurityError');
    warn.mockRestore();
  });
});
