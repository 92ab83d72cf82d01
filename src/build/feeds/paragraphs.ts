/**
 * Readable text from feeds that give it as one block (issue 18): sentence
 * boundaries in Ukrainian and English, paragraphs of readable length, a lead of
 * a sentence or two, a headline made from the text. Pure.
 *
 * A boundary is `.`, `!`, `?` or `…` (closing quotes and brackets may follow),
 * then white space, then what starts a sentence: a capital letter, a digit, an
 * opening quote or bracket, or a dash and a space (direct speech). It is not a
 * boundary after a single letter (initials "Д. Трамп", "J. Smith"; "м.", "р.",
 * "с."), after a word with a dot inside ("U.S.", "т.д.", "e.g."), after the
 * abbreviations below ("ст.", "вул.", "Mr.", "Feb."), nor inside a quotation
 * («…», “…”, "…"). Decimals ("3.5") never are: no space follows their dot.
 * When unsure it does not split: a long paragraph is better than a broken one.
 */
import type { Block, Inline } from '../../core/model/article.ts';
import { blockText, inlineText } from '../../core/model/article.ts';
import { summary } from '../../core/links/meta.ts';

/** Abbreviations written with a dot that a capital often follows (lower case, without the dot). */
const ABBREVIATIONS = new Set([
  // Ukrainian
  'ст', 'вул', 'просп', 'пров', 'пл', 'обл', 'бул', 'буд', 'кв', 'пп', 'рр', 'ім', 'див', 'напр', 'проф', 'акад',
  'доц', 'св', 'ген', 'ред', 'заст', 'смт', 'тел', 'хв', 'год', 'гр', 'ін', 'пор', 'прим', 'мін', 'сер', 'гол',
  // English
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'co', 'no', 'nos', 'gen', 'gov', 'sen', 'rep', 'lt', 'col',
  'capt', 'sgt', 'rev', 'hon', 'mt', 'ft', 'vs', 'approx', 'dept', 'fig', 'pp', 'vol', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'messrs', 'pty', 'bhd', 'cf', 'ca',
]);

/** Opening → closing quotation marks; a straight " closes itself. */
const QUOTES: Readonly<Record<string, string>> = { '«': '»', '“': '”', '„': '“', '"': '"' };
/** A quotation longer than this is taken for an unpaired mark, not a quotation. */
const MAX_QUOTE = 600;

const TERMINATOR = /[.!?…]+[»”"’')\]]*(?=\s+(?:[\p{Lu}\p{N}«“„"'(\[]|[—–-]\s))/gu;

/** [start, end) spans of the quotations in `text` (paired marks at most MAX_QUOTE apart). */
function quotations(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const close = QUOTES[text[i]!];
    if (close === undefined) continue;
    const end = text.indexOf(close, i + 1);
    if (end < 0 || end - i > MAX_QUOTE) continue;
    spans.push([i, end]);
    i = end;
  }
  return spans;
}

function abbreviationBefore(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  const word = /[\p{L}.’'-]*$/u.exec(text.slice(Math.max(0, dot - 20), dot))?.[0] ?? '';
  if (word === '') return false;
  const letters = word.replace(/^[’'-]+/, '');
  if (/^\p{L}$/u.test(letters)) return true; // an initial, "м.", "р."
  if (letters.includes('.')) return true; // "U.S", "т.д", "e.g"
  return ABBREVIATIONS.has(letters.toLowerCase());
}

/** Where sentences end (offsets after their closing marks), in order, not the text's end; `quoted`: inside a quotation. */
function boundaries(text: string): Array<{ end: number; quoted: boolean }> {
  const spans = quotations(text);
  const out: Array<{ end: number; quoted: boolean }> = [];
  for (const m of text.matchAll(TERMINATOR)) {
    const at = m.index;
    const end = at + m[0].length;
    if (abbreviationBefore(text, at)) continue;
    out.push({ end, quoted: spans.some(([s, e]) => at > s && end <= e) }); // a mark that ends the quotation is not in it
  }
  return out;
}

/** The offsets where sentences end (after their closing marks), in order; not the text's end, nor inside a quotation. */
export function sentenceEnds(text: string): number[] {
  return boundaries(text)
    .filter((b) => !b.quoted)
    .map((b) => b.end);
}

/** The text's sentences, trimmed. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const end of [...sentenceEnds(text), text.length]) {
    const s = text.slice(from, end).trim();
    if (s !== '') out.push(s);
    from = end;
  }
  return out;
}

/** A paragraph longer than this is split at sentences. */
export const LONG_PARAGRAPH = 600;
/** A paragraph being filled ends once it has this many characters… */
const PARAGRAPH_FILL = 250;
/** …or when the next sentence would take it over this. */
const PARAGRAPH_MAX = 450;
/** The lead: the first sentence or two, at most this long. */
export const LEAD_MAX = 300;
/** A headline made from the text: at most this long, cut at a word. */
export const HEADLINE_MAX = 110;

/** Where to cut text[from, to) at the sentence ends `ends` into paragraphs of readable length. */
function pack(ends: readonly number[], from: number, to: number): number[] {
  const cuts: number[] = [];
  let start = from;
  let last = from;
  for (const end of [...ends.filter((e) => e > from && e < to), to]) {
    if (last > start && (last - start >= PARAGRAPH_FILL || end - start > PARAGRAPH_MAX)) {
      cuts.push(last);
      start = last;
    }
    last = end;
  }
  // a short tail joins the paragraph before it when that stays readable
  if (cuts.length > 0 && to - cuts.at(-1)! < 120 && to - (cuts.at(-2) ?? from) <= PARAGRAPH_MAX + 120) cuts.pop();
  return cuts;
}

/**
 * Where to cut a long text into paragraphs: at sentence ends outside
 * quotations; a piece still longer than LONG_PARAGRAPH (a long quotation, or
 * straight quotes paired wrongly) is cut at the sentence ends inside it too.
 */
function paragraphCuts(text: string): number[] {
  const all = boundaries(text);
  const strong = pack(all.filter((b) => !b.quoted).map((b) => b.end), 0, text.length);
  const ends = all.map((b) => b.end);
  return [0, ...strong].flatMap((from, k) => {
    const to = strong[k] ?? text.length;
    return [...(k > 0 ? [from] : []), ...(to - from > LONG_PARAGRAPH ? pack(ends, from, to) : [])];
  });
}

/** Inline runs cut at character offsets of their joined text; each piece trimmed, empty pieces left out. */
export function sliceRuns(runs: readonly Inline[], cuts: readonly number[]): Inline[][] {
  const pieces: Inline[][] = [];
  const bounds = [0, ...cuts, Number.POSITIVE_INFINITY];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [from, to] = [bounds[k]!, bounds[k + 1]!];
    const piece: Inline[] = [];
    let at = 0;
    for (const run of runs) {
      const [s, e] = [Math.max(from, at), Math.min(to, at + run.text.length)];
      if (s < e) piece.push({ ...run, text: run.text.slice(s - at, e - at) });
      at += run.text.length;
    }
    const first = piece[0];
    if (first) piece[0] = { ...first, text: first.text.trimStart() };
    const last = piece.at(-1);
    if (last) piece[piece.length - 1] = { ...last, text: last.text.trimEnd() };
    const kept = piece.filter((r) => r.text !== '');
    if (kept.length > 0) pieces.push(kept);
  }
  return pieces;
}

/** A body's long paragraphs split at sentences into paragraphs of readable length; other blocks as they were. */
export function readableParagraphs(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b): Block[] => {
    if (b.type !== 'paragraph') return [b];
    const text = inlineText(b.content);
    if (text.length <= LONG_PARAGRAPH) return [b];
    return sliceRuns(b.content, paragraphCuts(text)).map((content) => ({ type: 'paragraph', content }));
  });
}

/**
 * The lead taken from a first paragraph: the whole paragraph when it is at
 * most LEAD_MAX characters; else its first sentence or two within LEAD_MAX, and
 * the rest stays in the body (`rest`); a first sentence longer than that is cut
 * at a word (with "…") and the whole paragraph stays in the body.
 */
export function leadFrom(paragraph: readonly Inline[]): { lead: string; rest?: Inline[] } {
  const text = inlineText(paragraph);
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= LEAD_MAX) return { lead: flat };
  let end = 0;
  for (const e of sentenceEnds(text)) {
    if (text.slice(0, e).trim().length > LEAD_MAX) break;
    end = e;
    if (end >= LEAD_MAX / 2) break; // a sentence or two, not a paragraph
  }
  if (end === 0) return { lead: summary(flat, LEAD_MAX), rest: [...paragraph] };
  const [, rest] = sliceRuns(paragraph, [end]);
  return { lead: text.slice(0, end).replace(/\s+/g, ' ').trim(), ...(rest && { rest }) };
}

/** A headline for an item without one: the text's first sentence (without its full stop), cut at a word when it is long. */
export function headlineFrom(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // The first sentence with a letter or digit in it, without the punctuation that opens it (". HEADLINES AT 0800").
  const first = sentences(flat).find((s) => WORDY.test(s)) ?? flat;
  return summary(first.replace(LEADING_PUNCTUATION, ''), HEADLINE_MAX).replace(/(?<!\.)\.$/, '');
}

const WORDY = /[\p{L}\p{N}]/u;
const LEADING_PUNCTUATION = /^[\s.,;:!?…\-–—*•·]+/u;

/** "…", "...", "[…]", " [...]" at the end of a summary: it was cut from the text. */
const CUT = /\s*(\[\s*(…|\.\.\.)\s*\]|…|\.\.\.)\s*$/u;

const paragraphText = (b: Block): string => (b.type === 'paragraph' ? inlineText(b.content).replace(/\s+/g, ' ').trim() : '');

/** Whether the summary is the text's start (cut, often with "…"): the paragraphs from `first` on begin with it. */
function cutFromText(summary: string, blocks: readonly Block[], first: number): boolean {
  const stem = summary.replace(CUT, '');
  if (stem === '') return false;
  let text = '';
  for (let k = first; k < blocks.length && text.length < summary.length; k++) {
    if (blocks[k]!.type !== 'paragraph') break;
    text = text === '' ? paragraphText(blocks[k]!) : `${text} ${paragraphText(blocks[k]!)}`;
  }
  return text === summary || text.startsWith(stem);
}

/**
 * The lead and the body. A summary that is the start of the text (cut, often
 * with "…") is not the lead: the lead comes from the first paragraph
 * (leadFrom), which leaves the body, or leaves it the rest of its sentences. A
 * summary of its own is the lead (its first sentences when it is longer than
 * LEAD_MAX; the rest of it then opens the body). Long paragraphs are split
 * (readableParagraphs).
 */
export function leadAndBody(summary: string, blocks: readonly Block[]): { lead: string; body: Block[] } {
  const firstPara = blocks.findIndex((b) => b.type === 'paragraph');
  const first = blocks[firstPara];
  if (summary !== '' && !(first && cutFromText(summary, blocks, firstPara))) {
    if (summary.length <= LEAD_MAX) return { lead: summary, body: readableParagraphs(blocks) };
    const { lead, rest } = leadFrom([{ type: 'text', text: summary }]);
    return { lead, body: readableParagraphs(rest ? [{ type: 'paragraph', content: rest }, ...blocks] : blocks) };
  }
  if (first?.type !== 'paragraph') return { lead: '', body: readableParagraphs(blocks) };
  const { lead, rest } = leadFrom(first.content);
  const body = blocks.flatMap((b, k): Block[] => (k !== firstPara ? [b] : rest ? [{ type: 'paragraph', content: rest }] : []));
  return { lead, body: readableParagraphs(body) };
}

const hasText = (b: Block): boolean => b.type !== 'image' && blockText(b).trim() !== '';

/**
 * The headline of an item without a title, from its text: the first line of a
 * plain text (`firstLine`), else the first block's text — its first sentence,
 * cut at a word when long (headlineFrom). A first line that is the headline
 * whole (no sentence: "GOLD PRICES - APR 7", a title line) then leaves the text,
 * when other text remains. Undefined when there is no text.
 */
export function headlineFromText(blocks: readonly Block[], firstLine: string): { headline: string; blocks: Block[] } | undefined {
  const first = blocks.findIndex(hasText);
  const block = blocks[first];
  const blockLine = block ? blockText(block).replace(/\s+/g, ' ').trim() : '';
  const text = WORDY.test(firstLine) ? firstLine : blockLine;
  const headline = headlineFrom(text);
  if (headline === '') return undefined;
  if (headline !== text || block?.type !== 'paragraph' || !inlineText(block.content).startsWith(text)) return { headline, blocks: [...blocks] };
  const rest = sliceRuns(block.content, [text.length]).slice(1);
  const after = blocks.filter((b, k) => k !== first);
  if (rest.length === 0 && !after.some(hasText)) return { headline, blocks: [...blocks] };
  return { headline, blocks: blocks.flatMap((b, k): Block[] => (k !== first ? [b] : rest.map((content) => ({ type: 'paragraph', content })))) };
}
