/**
 * A few synonym groups that no stemming can join (abbreviation vs. full name, uk vs. en).
 * Every name of a group maps to the key of the group's first name; the original key stays as an alias.
 * Extend freely: one line per entity, names separated by '|'.
 */
import { abbrKey, wordKey } from './normalise.ts';

const GROUPS = `
ЄС|Євросоюз|Європейський Союз|EU|European Union
Європейська комісія|Єврокомісія|ЄК|European Commission
Європейський парламент|Європарламент|European Parliament
США|Сполучені Штати|Сполучені Штати Америки|US|USA|United States
Велика Британія|Британія|Великобританія|Сполучене Королівство|UK|Britain|Great Britain|United Kingdom
Німеччина|ФРН|Germany
Росія|РФ|Російська Федерація|Russia
Україна|Ukraine
ООН|Організація Об'єднаних Націй|UN|United Nations
Brexit|Брексит
Нафтогаз|Нафтогаз України|Naftogaz
Газпром|Gazprom
Мінфін|Міністерство фінансів
МЗС|Міністерство закордонних справ
`;

function key(surface: string): string {
  return surface
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w) ? abbrKey(w) : wordKey(w)))
    .join(' ');
}

let map: Map<string, string> | undefined;
const labels = new Map<string, { uk: string; en: string | undefined }>();
/** key → canonical key (only for keys that belong to a group). */
export function synonymMap(): Map<string, string> {
  if (map) return map;
  map = new Map();
  for (const line of GROUPS.split('\n')) {
    const names = line.split('|').map((s) => s.trim()).filter(Boolean);
    const first = names[0];
    if (first === undefined) continue;
    const canon = key(first);
    for (const n of names) map.set(key(n), canon);
    labels.set(canon, { uk: first, en: names.find((n) => /^[A-Za-z]/.test(n)) });
  }
  return map;
}

/** Preferred label of a synonym group's key for a reader's language (undefined for other keys). */
export function preferredLabel(canonKey: string, lang: 'uk' | 'en'): string | undefined {
  synonymMap();
  const l = labels.get(canonKey);
  return l ? (lang === 'uk' ? l.uk : l.en ?? l.uk) : undefined;
}
