/**
 * A small query layer over parse5 (the HTML parser browsers' algorithm
 * follows) for the build tests: elements by tag, #id and [attr="value"]
 * selectors, attributes and text. JSDOM would do too, at 20× the time.
 */
import { parse, parseFragment } from 'parse5';

type Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string; content?: Node };

type Compound = { tag?: string; id?: string; attrs: { name: string; value?: string }[] };

function parseSelector(selector: string): Compound[] {
  return selector.split(',').map((part) => {
    const m = /^\s*([a-z0-9]*)((?:\[[^\]]+\])*)(?:#([\w-]+))?\s*$/i.exec(part);
    if (!m) throw new Error(`unsupported selector ${part}`);
    const attrs = [...(m[2] ?? '').matchAll(/\[([\w:-]+)(?:="([^"]*)")?\]/g)].map((a) => ({ name: a[1]!, value: a[2] }));
    return { tag: m[1] || undefined, id: m[3], attrs };
  });
}

export class El {
  constructor(private readonly node: Node) {}
  get tag(): string {
    return this.node.tagName ?? '';
  }
  attr(name: string): string | null {
    return this.node.attrs?.find((a) => a.name === name)?.value ?? null;
  }
  text(): string {
    const walk = (n: Node): string => (n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(walk).join(''));
    return walk(this.node);
  }
  get children(): El[] {
    return (this.node.childNodes ?? []).filter((c) => c.tagName).map((c) => new El(c));
  }
  private matches(c: Compound): boolean {
    if (!this.node.tagName) return false;
    if (c.tag && this.node.tagName !== c.tag.toLowerCase()) return false;
    if (c.id && this.attr('id') !== c.id) return false;
    return c.attrs.every((a) => (a.value === undefined ? this.attr(a.name) !== null : this.attr(a.name) === a.value));
  }
  all(selector: string): El[] {
    const compounds = parseSelector(selector);
    const out: El[] = [];
    const walk = (n: Node) => {
      for (const child of n.childNodes ?? []) {
        const el = new El(child);
        if (compounds.some((c) => el.matches(c))) out.push(el);
        walk(child);
      }
    };
    walk(this.node);
    return out;
  }
  first(selector: string): El | null {
    return this.all(selector)[0] ?? null;
  }
}

export const parseDocument = (html: string) => new El(parse(html) as unknown as Node);
export const parseHtmlFragment = (html: string) => new El(parseFragment(html) as unknown as Node);
