import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../core/page/state.ts';
import { readHydrationState, type HydrationState } from './hydration.ts';

const state: HydrationState = { path: '/en/', queries: [{ key: ['latest', 'en', 1], data: { headline: '</script><script>alert(1)</script>' } }], router: {} };
const docWith = (text: string | null) => ({ getElementById: () => (text === null ? null : { textContent: text }) }) as unknown as Document;

describe('jsonForScript', () => {
  it('leaves no "<", ">", "&" or line separators in the text, and parses back to the same value', () => {
    const value = { a: '</script><!-- & \u2028\u2029 >' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('readHydrationState', () => {
  it('returns the state of a page rendered for this path (trailing slash or not)', () => {
    const doc = docWith(jsonForScript(state));
    expect(readHydrationState(doc, { pathname: '/en/', search: '' })).toEqual(state);
    expect(readHydrationState(doc, { pathname: '/en', search: '' })).toEqual(state);
  });
  it('ignores it for another URL the host answered with this page (a query string, another path)', () => {
    const doc = docWith(jsonForScript(state));
    expect(readHydrationState(doc, { pathname: '/en/', search: '?page=2' })).toBeNull();
    expect(readHydrationState(doc, { pathname: '/uk/', search: '' })).toBeNull();
  });
  it('is null on the SPA shell and for a damaged block', () => {
    expect(readHydrationState(docWith(null), { pathname: '/en/', search: '' })).toBeNull();
    expect(readHydrationState(docWith('{"path":'), { pathname: '/en/', search: '' })).toBeNull();
  });
});
