/**
 * Words that are capitalised in news text but are not topics: function words at sentence start,
 * months, weekdays, titles/roles, feed boilerplate ("Читайте також"). Matched by word key, so
 * inflected forms ("листопада", "Президента") are covered too.
 */
import { wordKey, type Lang } from './normalise.ts';

const UK = `
я ти він вона воно ми ви вони його її їх їй йому їм мене тебе нас вас себе свій своя своє свої
це цей ця ці той та те ті тут там так ні не ну ось от вже ще і й та а але або чи що як де коли
хто чому бо якщо щоб поки після перед під над за до від для про при без через між по у в з із зі
на о об біля серед також тому проте однак втім зокрема натомість крім окрім навіть лише тільки
всі усі весь вся все кожен кожна інші інший інша деякі багато мало більше менше понад близько
вже наразі зараз сьогодні вчора завтра нині тоді потім спочатку раніше пізніше далі згодом
як цього цьому цим цих якого якому яким якій яких який яка яке які чий
січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень
січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
понеділок вівторок середа четвер пʼятниця п'ятниця субота неділя
читайте також дивіться фото відео оновлено джерело коментар реклама
змі пат прат тов нак ват ат тзов ctrl enter promoted
президент прем'єр прем'єр-міністр прем'єр-міністерка міністр голова канцлер король королева
депутат посол речник генсек секретар директор керівник лідер глава мер губернатор суддя
пан пані доктор професор генерал
за словами згідно водночас загалом отже адже зазначимо нагадаємо нагадуємо відомо
перший другий третій головний головна
один одна одне два дві три чотири п'ять
`;

const EN = `
i you he she it we they me him her us them my your his its our their this that these those
the a an and or but if then so as at by for from in into of on onto to with without about after before
over under between among through during since until while when where why how what which who whom whose
there here also however meanwhile nevertheless moreover furthermore although though because
not no yes all any some each every other such many much more most less few several both either neither
is are was were be been being has have had do does did will would shall should can could may might must
said says say according
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
mr mrs ms dr sir president minister chairman chief secretary spokesman spokeswoman officials official
prime senator governor director analysts analyst sources
inc corp co ltd plc llc group company
first second third one two three four five

read see photo video update reuter reuters note
currently earlier later today yesterday tomorrow last next this
`;

function keys(list: string): Set<string> {
  const s = new Set<string>();
  for (const w of list.split(/\s+/)) {
    if (!w) continue;
    s.add(w);
    // inflected forms by key only for longer words (months, roles): short function words would collide
    // with names after stemming and folding ("цього" → "ts*h" = "Цуг"); months are listed in nominative and genitive
    if (w.length >= 7) s.add(wordKey(w));
  }
  return s;
}

let ukSet: Set<string> | undefined;
let enSet: Set<string> | undefined;

/** Stop keys for a language (both lists apply to every text: Ukrainian news quotes English names). */
export function stopKeys(lang: Lang): Set<string> {
  if (lang === 'uk') return (ukSet ??= new Set([...keys(UK), ...keys(EN)]));
  return (enSet ??= new Set([...keys(EN), ...keys(UK)]));
}

/** Honorifics dropped at the start of an English name run. */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'gen', 'pres']);
/** Company suffixes dropped at the end of a name run (kept out of the key and the label). */
export const CORP_SUFFIX: ReadonlySet<string> = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc']);

/**
 * Ukrainian heads of organisation names written "Capitalised-adjective + lower-case noun":
 * "Верховний суд", "Європейська комісія", "Економічна правда". Matched by word key.
 */
const UK_ORG_HEADS = `
суд комісія парламент союз рада банк міністерство асоціація прокуратура служба партія фонд агентство
арбітраж організація компанія палата конгрес сенат університет академія інститут церква армія флот
поліція бюро центр комітет федерація республіка рух фронт конференція асамблея трибунал правда ліга
кубок уряд коаліція угода договір конвенція співдружність біржа бюджет суспільство товариство об'єднання альянс спілка корпорація концерн
сили гвардія управління департамент відомство кабінет рахункова канцелярія сейм дума
`;
let orgHeads: Set<string> | undefined;
export function ukOrgHeads(): Set<string> {
  return (orgHeads ??= new Set(UK_ORG_HEADS.split(/\s+/).filter(Boolean).map(wordKey)));
}

/** Ukrainian role nouns that are followed by "Country/Organisation + Name" ("прем'єра Канади Джастіна Трюдо"). */
const UK_ROLES = `
президент президентка прем'єр прем'єр-міністр прем'єр-міністерка міністр міністерка канцлер канцлерка глава
голова посол лідер король королева генсек генеральний секретар речник речниця мер губернатор спікер
представник представниця очільник очільниця столиця місто уряд парламент віцепрем'єр віце-прем'єр
комісар єврокомісар депутат сенатор монарх принц принцеса патріарх
`;
let roles: Set<string> | undefined;
export function ukRoles(): Set<string> {
  return (roles ??= new Set(UK_ROLES.split(/\s+/).filter(Boolean).map(wordKey)));
}
