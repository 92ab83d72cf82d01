/**
 * The same article twice, in one feed or several, becomes one article: the most
 * recently updated version, with the topics of all of them. The same article
 * means the same guid (RSS guid, Atom id, JSON Feed id); an item without a guid
 * is the same as another with the same link (tracking parameters already gone).
 * Two items with different guids stay two articles even when they share a link:
 * the guid is the publisher's word on identity, a link can be a section page.
 * Pure.
 */
import type { Draft } from './draft.ts';
import { type ImportError, importWarning } from '../errors.ts';

const when = (d: Draft): number => {
  const t = Date.parse(d.updatedAt ?? d.publishedAt);
  return Number.isNaN(t) ? -Infinity : t;
};

const where = (d: Draft): string => (d.item !== undefined ? `${d.file} item ${d.item}` : d.file);

export function mergeDuplicates(drafts: readonly Draft[]): { drafts: Draft[]; errors: ImportError[]; merged: number } {
  const errors: ImportError[] = [];
  const byKey = new Map<string, number>();
  const out: Array<Draft | undefined> = [];
  let merged = 0;
  for (const d of drafts) {
    // a guid is the same article only within one publisher's feed: idSource holds both (toDraft.ts)
    const keys = d.guid !== undefined ? [`g\u0000${d.idSource}`] : d.url !== undefined ? [`u\u0000${d.url}`] : [];
    const hit = keys.map((k) => byKey.get(k)).find((k) => k !== undefined);
    if (hit === undefined || d.item === undefined) {
      for (const k of keys) if (!byKey.has(k)) byKey.set(k, out.length);
      out.push(d);
      continue;
    }
    const kept = out[hit] as Draft;
    merged++;
    const newer = when(d) > when(kept) ? d : kept;
    const older = newer === d ? kept : d;
    const topics = [...newer.topics];
    for (const t of older.topics) if (!topics.some((x) => x.value === t.value)) topics.push(t);
    out[hit] = { ...newer, topics };
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, hit);
    errors.push(
      importWarning(d.file, d.line ?? 0, `item ${d.item}: the same article as ${where(kept)} (same ${d.guid !== undefined && d.guid === kept.guid ? 'guid' : 'link'}); merged, keeping the ${newer === d ? 'later' : 'earlier'} version`),
    );
  }
  return { drafts: out.filter((d): d is Draft => d !== undefined), errors, merged };
}
