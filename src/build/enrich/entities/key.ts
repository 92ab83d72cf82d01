/** Key of a free-standing name ("Тереза Мей", "НАТО", "Kazakhstan"): same scheme as extracted mentions. */
import { abbrKey, wordKey } from './normalise.ts';

export function topicKey(surface: string): string {
  const words = surface.replace(/[«»"“”„()]/g, ' ').split(/\s+/).filter(Boolean);
  return words
    .map((w) => (w.length > 1 && /^\p{Lu}+$/u.test(w.replace(/[^\p{L}]/gu, '')) ? abbrKey(w) : wordKey(w)))
    .join(' ');
}
