/** The public address of the site (KONTEKST_BASE_URL), checked once where the build reads it. */
export const DEFAULT_BASE_URL = 'http://localhost:4173';

/**
 * The public origin the site is served from (KONTEKST_BASE_URL), without a
 * trailing slash. The app's routes live at the root of their origin, so a
 * path (https://example.org/news/) is refused rather than producing links
 * that would not work.
 */
export function baseUrlFrom(env: string | undefined): string {
  const raw = (env ?? '').trim() || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`KONTEKST_BASE_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`KONTEKST_BASE_URL must be http(s): "${raw}"`);
  if (url.pathname !== '/' || url.search || url.hash) throw new Error(`KONTEKST_BASE_URL must be an origin such as https://news.example.org, without a path: "${raw}"`);
  return url.origin;
}
