/**
 * The seed text format (docs/DATA.md):
 *
 *   Headline                                  line 1
 *   16:00 21.12.2021                          Kyiv time
 *   Lead paragraph.                           paragraphs are separated by blank lines
 *   Body paragraph.
 *   > A quote paragraph.
 *   Контекст | Context                        optional: background paragraphs
 *   Теми: | Topics:                           names, comma- or line-separated
 *   Ще на цю тему | More on this topic        headlines of other articles, one per line
 *
 * parseSeed is pure: text in, a Draft or errors out. Errors are values.
 */
import type { Block, Inline } from '../../core/model/article.ts';
import { DEFAULT_SOURCE, type Draft, type Located, baseName } from './draft.ts';
import { type ImportError, importError, quote } from '../errors.ts';
import { type SidecarInput, parseSidecar } from './sidecar.ts';
import { TIMESTAMP_FORMAT, parseTimestamp } from './timestamp.ts';
import { jsonFieldLine } from '../schemaIssues.ts';
import { cleanText } from './clean.ts';

export type SectionKind = 'context' | 'topics' | 'related';

/** Section titles, folded (lower case, no trailing colon), in both languages. */
const SECTIONS: ReadonlyMap<string, SectionKind> = new Map([
  ['контекст', 'context'],
  ['context', 'context'],
  ['теми', 'topics'],
  ['topics', 'topics'],
  ['ще на цю тему', 'related'],
  ['more on this topic', 'related'],
]);

const KNOWN_SECTIONS = 'Контекст, Теми:, Ще на цю тему (or Context, Topics:, More on this topic)';

/** "Теми: a, b" — topics may follow the title on its line. */
const TOPICS_INLINE = /^(теми|topics)\s*:\s*(.*)$/iu;
const MAX_UNKNOWN_SECTION = 40;

interface Line {
  text: string;
  /** 1-based */
  n: number;
}

export interface ParseResult {
  draft?: Draft;
  errors: ImportError[];
}

/** Split text into trimmed lines, handling a BOM and CRLF/CR line ends. */
export function splitLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ text: raw.trim(), n: i + 1 }));
}

/** Groups of consecutive non-blank lines (paragraphs). */
function paragraphs(lines: readonly Line[]): Line[][] {
  const out: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text === '') {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function sectionOf(text: string): { kind: SectionKind; rest?: string } | undefined {
  const inline = TOPICS_INLINE.exec(text);
  if (inline) return { kind: 'topics', rest: inline[2] ?? '' };
  const folded = text.replace(/\s*:$/, '').replace(/\s+/g, ' ').toLocaleLowerCase('uk');
  const kind = SECTIONS.get(folded);
  return kind ? { kind } : undefined;
}

function isUnknownSection(text: string): boolean {
  return text.length <= MAX_UNKNOWN_SECTION && text.endsWith(':') && !text.startsWith('>');
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function textRuns(text: string): Inline[] {
  return [{ type: 'text', text }];
}

/** A paragraph, or a quote when it starts with "> " (a last line "— Name" is the cite). */
export function toBlock(group: readonly Line[]): Block {
  const first = group[0]?.text ?? '';
  if (!first.startsWith('>')) return { type: 'paragraph', content: textRuns(collapse(group.map((l) => l.text).join(' '))) };
  const lines = group.map((l) => l.text.replace(/^>\s?/, ''));
  const last = lines[lines.length - 1] ?? '';
  const citeMatch = lines.length > 1 ? /^[—–]\s*(.+)$/.exec(last) : null;
  const text = collapse((citeMatch ? lines.slice(0, -1) : lines).join(' '));
  return citeMatch?.[1] ? { type: 'quote', content: textRuns(text), cite: collapse(citeMatch[1]) } : { type: 'quote', content: textRuns(text) };
}

/** Topic names: comma-, semicolon- or line-separated. */
function topicNames(text: string, file: string, line: number): Located[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim().replace(/\.$/, '').trim())
    .filter((s) => s !== '')
    .map((value) => ({ value, file, line }));
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Parse one seed text. `file` names it in errors and gives the base name the id
 * is made from; `sidecar` is the text of `foo.json` beside `foo.txt`, if any.
 */
export function parseSeed(text: string, file: string, sidecar?: SidecarInput): ParseResult {
  const errors: ImportError[] = [];
  const err = (line: number, message: string): void => {
    errors.push(importError(file, line, message));
  };
  const lines = splitLines(cleanText(text));
  const nonBlank = lines.filter((l) => l.text !== '');

  // ---- headline and timestamp ------------------------------------------------
  const headlineLine = nonBlank[0];
  if (!headlineLine) {
    err(1, 'missing headline: the file is empty');
    return { errors };
  }
  if (parseTimestamp(headlineLine.text).shaped) {
    err(headlineLine.n, `missing headline: expected a headline before the timestamp, found ${quote(headlineLine.text)}`);
    return { errors };
  }
  if (sectionOf(headlineLine.text)) {
    err(headlineLine.n, `missing headline: expected a headline, found the section title ${quote(headlineLine.text)}`);
    return { errors };
  }
  const headline = collapse(headlineLine.text);

  const stampLine = nonBlank[1];
  let publishedAt: string | undefined;
  if (!stampLine) {
    err(headlineLine.n + 1, `expected a timestamp "${TIMESTAMP_FORMAT}" after the headline, found the end of the file`);
    return { errors };
  }
  const stamp = parseTimestamp(stampLine.text);
  if (stamp.iso) publishedAt = stamp.iso;
  else if (stamp.shaped) err(stampLine.n, `impossible timestamp ${quote(stampLine.text)}: ${stamp.problem ?? 'not a real time'}`);
  else {
    err(
      stampLine.n,
      `expected a timestamp "${TIMESTAMP_FORMAT}", found ${quote(stampLine.text)}${stamp.problem ? ` (${stamp.problem})` : ''}`,
    );
  }

  // ---- body and sections -----------------------------------------------------
  const blocks: Block[] = [];
  let lead: string | undefined;
  const context: Block[] = [];
  const topics: Located[] = [];
  const picks: Located[] = [];
  const seen = new Map<SectionKind, number>();
  let state: 'body' | SectionKind = 'body';
  let firstSectionLine = 0;

  for (const group of paragraphs(lines.filter((l) => l.n > stampLine.n))) {
    const head = group[0];
    if (!head) continue;
    let content = group;
    const section = sectionOf(head.text);
    if (section) {
      const before = seen.get(section.kind);
      if (before !== undefined) err(head.n, `duplicate section ${quote(head.text)}: it already began on line ${before}`);
      else seen.set(section.kind, head.n);
      if (firstSectionLine === 0) firstSectionLine = head.n;
      state = section.kind;
      content = group.slice(1);
      if (section.rest) topics.push(...topicNames(section.rest, file, head.n));
    } else if (isUnknownSection(head.text)) {
      err(head.n, `unknown section ${quote(head.text)}: expected one of ${KNOWN_SECTIONS}`);
      continue;
    }
    if (content.length === 0) continue;
    switch (state) {
      case 'body':
        if (lead === undefined) {
          lead = collapse(content.map((l) => l.text).join(' '));
        } else blocks.push(toBlock(content));
        break;
      case 'context':
        context.push(toBlock(content));
        break;
      case 'topics':
        for (const l of content) topics.push(...topicNames(l.text, file, l.n));
        break;
      case 'related':
        for (const l of content) {
          const value = collapse(l.text.replace(/^[-•*—–]\s+/, ''));
          if (value !== '') picks.push({ value, file, line: l.n });
        }
        break;
    }
  }
  if (lead === undefined) {
    err(
      firstSectionLine || stampLine.n + 1,
      `empty body: expected at least one paragraph after the timestamp, found ${firstSectionLine ? 'a section title' : 'the end of the file'}`,
    );
  }

  // ---- sidecar ----------------------------------------------------------------
  const side = sidecar ? parseSidecar(sidecar.text, sidecar.file) : undefined;
  if (side) errors.push(...side.errors);
  const meta = side?.value;

  if (errors.length > 0 || publishedAt === undefined || lead === undefined) return { errors };

  const sideLine = (key: string): number => jsonFieldLine(side?.text, [key]);
  const sideFile = sidecar?.file ?? file;
  let updatedAt: string | undefined;
  if (meta?.updatedAt !== undefined) updatedAt = parseTimestamp(meta.updatedAt).iso ?? meta.updatedAt;

  const ref = baseName(file);
  const draft: Draft = {
    file,
    ref,
    idSource: `seed:${ref}`,
    lang: meta?.lang ?? (CYRILLIC.test(headline) ? 'uk' : 'en'),
    headline,
    publishedAt,
    source: meta?.source ? { ...meta.source } : { ...DEFAULT_SOURCE },
    lead,
    body: blocks,
    context,
    topics: [...topics, ...(meta?.topics ?? []).map((value) => ({ value, file: sideFile, line: sideLine('topics') }))],
    picks,
  };
  if (meta?.id !== undefined) draft.id = meta.id;
  if (meta?.slug !== undefined) draft.slug = meta.slug;
  if (meta?.author !== undefined) draft.author = meta.author;
  if (updatedAt !== undefined) draft.updatedAt = updatedAt;
  if (meta?.translationOf !== undefined) {
    const target = (meta.translationOf.split(/[\\/]/).pop() ?? '').replace(/\.txt$/i, '');
    draft.translationOf = { value: target, file: sideFile, line: sideLine('translationOf') };
  }
  return { draft, errors };
}
