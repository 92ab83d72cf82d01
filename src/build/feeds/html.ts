/**
 * Feed HTML → article blocks, through an allow-list. The HTML is parsed by
 * htmlparser2 (a real, forgiving HTML tokenizer) and nothing of it survives but
 * text and what the model can say:
 *
 *   p, div, section…           → paragraph        h1–h6 → heading (levels 2–4)
 *   blockquote                 → quote            ul/ol/li → list
 *   em/i, strong/b             → emphasis         a (http, https, mailto) → link
 *   img (http(s) src)          → image with its alt
 *
 * script, style, iframe, object, embed, form, svg… are dropped with their
 * content; attributes other than href/src/alt (event handlers, style) are never
 * read; javascript:, data: and other links keep only their text. Pure.
 */
import { Parser } from 'htmlparser2';
import { isSpace } from '../../core/text/letters.ts';
import type { Block, Inline } from '../../core/model/article.ts';
import { safeLink } from './normalise.ts';
import { imageLink } from './clean.ts';

/** Elements dropped together with everything inside them. */
const DROPPED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'template',
  'svg', 'math', 'form', 'button', 'select', 'textarea', 'input', 'video', 'audio', 'canvas', 'head', 'title', 'map',
]);
/** Elements that end a paragraph. */
const BREAKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'nav', 'figure', 'figcaption', 'table',
  'tr', 'td', 'th', 'thead', 'tbody', 'dl', 'dt', 'dd', 'pre', 'address', 'hr', 'center', 'details', 'summary',
]);
const HEADINGS: Readonly<Record<string, 2 | 3 | 4>> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 };
const EMPHASIS = new Set(['em', 'i', 'cite', 'dfn']);
const STRONG = new Set(['strong', 'b']);

export interface HtmlOptions {
  /** resolves relative links and images */
  base?: string;
  /** applied to every piece of text (apostrophes, Unicode form) */
  text?: (s: string) => string;
}

const SPACE = /[\s\u00a0\u200b\ufeff]+/g;

/** Whether SPACE would change `text`: it has white space other than single plain spaces. */
function collapsible(text: string): boolean {
  let prev = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 0x200b || isSpace(c);
    if (space && (prev || c !== 0x20)) return true;
    prev = space;
  }
  return false;
}

/** Adjacent runs of one kind merge; whitespace collapses; the ends are trimmed. */
function tidy(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const text = collapsible(run.text) ? run.text.replace(SPACE, ' ') : run.text;
    if (text === '') continue;
    const last = out[out.length - 1];
    const same =
      last !== undefined &&
      last.type === run.type &&
      (run.type !== 'link' || (last.type === 'link' && last.href === run.href)) &&
      (run.type !== 'emphasis' || (last.type === 'emphasis' && last.strong === run.strong));
    if (same) last.text += text;
    else out.push({ ...run, text });
  }
  // collapse a space at a run boundary, then trim the ends
  for (let k = 1; k < out.length; k++) {
    const prev = out[k - 1] as Inline;
    const cur = out[k] as Inline;
    if (prev.text.endsWith(' ') && cur.text.startsWith(' ')) cur.text = cur.text.slice(1);
  }
  const first = out[0];
  if (first) first.text = first.text.trimStart();
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  return out.filter((r) => r.text !== '');
}

export function htmlToBlocks(html: string, options: HtmlOptions = {}): Block[] {
  const fix = options.text ?? ((s: string) => s);
  const blocks: Block[] = [];
  let runs: Inline[] = [];
  let dropDepth = 0;
  let dropTag = '';
  let em = 0;
  let strong = 0;
  const links: Array<string | undefined> = [];
  let heading: { level: 2 | 3 | 4; tag: string } | undefined;
  let quote = 0;
  let quoteRuns: Inline[] = [];
  const lists: Array<{ ordered: boolean; items: Inline[][] }> = [];
  let inItem = false;

  const flush = (): void => {
    const content = tidy(runs);
    runs = [];
    if (content.length === 0) return;
    if (heading) {
      const text = content.map((r) => r.text).join('');
      if (text !== '') blocks.push({ type: 'heading', level: heading.level, text });
    } else if (lists.length > 0) {
      lists[lists.length - 1]?.items.push(content);
    } else if (quote > 0) {
      if (quoteRuns.length > 0) quoteRuns.push({ type: 'text', text: ' ' });
      for (const run of content) quoteRuns.push(run);
    } else blocks.push({ type: 'paragraph', content });
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (dropDepth > 0) {
          if (name === dropTag) dropDepth++;
          return;
        }
        if (DROPPED.has(name)) {
          dropDepth = 1;
          dropTag = name;
          return;
        }
        const level = HEADINGS[name];
        if (level !== undefined) {
          flush();
          heading = { level, tag: name };
        } else if (name === 'blockquote') {
          flush();
          if (quote++ === 0) quoteRuns = [];
        } else if (name === 'ul' || name === 'ol') {
          flush();
          // A nested list's items are its outermost list's (the model has no nesting): they are
          // gathered in that list's array from the start, so closing a list copies nothing.
          const outer = lists[lists.length - 1];
          lists.push({ ordered: name === 'ol', items: outer ? outer.items : [] });
        } else if (name === 'li') {
          flush();
          inItem = true;
        } else if (BREAKS.has(name)) flush();
        else if (name === 'br') runs.push({ type: 'text', text: ' ' });
        else if (EMPHASIS.has(name)) em++;
        else if (STRONG.has(name)) strong++;
        else if (name === 'a') links.push(safeLink(attrs.href, options.base));
        else if (name === 'img') {
          const src = imageLink(attrs.src, options.base);
          if (src === undefined) return;
          flush();
          const alt = fix((attrs.alt ?? '').replace(SPACE, ' ').trim());
          if (lists.length === 0 && quote === 0 && !heading) blocks.push({ type: 'image', src, alt });
        }
      },
      ontext(text) {
        if (dropDepth > 0 || text === '') return;
        const t = fix(text);
        const href = links.length > 0 ? links[links.length - 1] : undefined;
        if (href !== undefined) runs.push({ type: 'link', text: t, href });
        else if (em > 0 || strong > 0) runs.push(strong > 0 ? { type: 'emphasis', text: t, strong: true } : { type: 'emphasis', text: t });
        else runs.push({ type: 'text', text: t });
      },
      onclosetag(name) {
        if (dropDepth > 0) {
          if (name === dropTag) dropDepth--;
          return;
        }
        if (heading && name === heading.tag) {
          flush();
          heading = undefined;
        } else if (name === 'blockquote' && quote > 0) {
          flush();
          if (--quote === 0) {
            const content = tidy(quoteRuns);
            quoteRuns = [];
            if (content.length > 0) blocks.push({ type: 'quote', content });
          }
        } else if ((name === 'ul' || name === 'ol') && lists.length > 0) {
          flush();
          const list = lists.pop();
          if (list && list.items.length > 0 && lists.length === 0) {
            if (quote > 0) {
              for (const item of list.items) {
                if (quoteRuns.length > 0) quoteRuns.push({ type: 'text', text: ' ' });
                for (const run of item) quoteRuns.push(run);
              }
            } else blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
          }
        } else if (name === 'li') {
          flush();
          inItem = false;
        } else if (BREAKS.has(name)) flush();
        else if (EMPHASIS.has(name)) em = Math.max(0, em - 1);
        else if (STRONG.has(name)) strong = Math.max(0, strong - 1);
        else if (name === 'a') links.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  void inItem;
  flush();
  // lists left open: their items are the outermost one's
  const outermost = lists[0];
  if (outermost && outermost.items.length > 0) blocks.push({ type: 'list', ordered: outermost.ordered, items: outermost.items });
  if (quoteRuns.length > 0) {
    const content = tidy(quoteRuns);
    if (content.length > 0) blocks.push({ type: 'quote', content });
  }
  return blocks;
}

/** The text of some HTML (a title, a summary): tags gone, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(SPACE, ' ').trim();
  let out = '';
  let dropDepth = 0;
  let dropTag = '';
  const parser = new Parser(
    {
      onopentag(name) {
        if (dropDepth > 0) {
          if (name === dropTag) dropDepth++;
        } else if (DROPPED.has(name)) {
          dropDepth = 1;
          dropTag = name;
        } else if (BREAKS.has(name) || name === 'br' || name === 'li' || HEADINGS[name] !== undefined) out += ' ';
      },
      ontext(text) {
        if (dropDepth === 0) out += text;
      },
      onclosetag(name) {
        if (dropDepth > 0 && name === dropTag) dropDepth--;
        else if (BREAKS.has(name) || name === 'li' || HEADINGS[name] !== undefined) out += ' ';
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out.replace(SPACE, ' ').trim();
}

/** Plain text (JSON Feed content_text) → paragraphs: blank lines separate them, or else every line is one. */
export function textToBlocks(text: string, fix: (s: string) => string = (s) => s): Block[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const parts = /\n[ \t]*\n/.test(normalised) ? normalised.split(/\n[ \t]*\n+/) : normalised.split('\n');
  const blocks: Block[] = [];
  for (const part of parts) {
    const t = fix(part.replace(SPACE, ' ').trim());
    if (t !== '') blocks.push({ type: 'paragraph', content: [{ type: 'text', text: t }] });
  }
  return blocks;
}
