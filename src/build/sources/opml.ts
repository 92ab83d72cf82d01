/**
 * OPML, the subscription list feed readers export: `<outline xmlUrl="…">`
 * elements, nested in folders or not, each a feed. Parsed with fast-xml-parser
 * (adr/0003); only http(s) URLs are taken.
 */
import { decodeXML } from 'entities';
import { XMLParser } from 'fast-xml-parser';

/** Whether a text is an OPML document (its root element is `<opml>`). */
export function isOpml(text: string): boolean {
  return /^(?:\uFEFF)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(text.slice(0, 4096));
}

/** The feed URLs an OPML document names, each once, in order; or what is wrong with it. */
export function opmlFeeds(text: string): { urls: string[] } | { problem: string } {
  let doc: unknown;
  try {
    doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: false, isArray: (name) => name === 'outline' }).parse(text, true);
  } catch (e) {
    return { problem: `not well-formed OPML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  const urls: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const outline of ((node as { outline?: unknown[] }).outline ?? []) as Array<Record<string, unknown>>) {
      const raw = outline.xmlUrl ?? outline.xmlurl;
      // entities are decoded here, never by the parser (no DOCTYPE expansion: adr/0003)
      const url = typeof raw === 'string' ? decodeXML(raw).trim() : '';
      if (/^https?:\/\//i.test(url) && !urls.includes(url)) urls.push(url);
      walk(outline);
    }
  };
  walk((doc as { opml?: { body?: unknown } }).opml?.body);
  return urls.length > 0 ? { urls } : { problem: 'an OPML list that names no http(s) feed (outline xmlUrl)' };
}
