/**
 * Inflection groups from the news: each group's forms should give one index
 * term. Used by the unit tests (the ones we promise) and by
 * `npm run bench:search`, which prints how many groups each stemmer conflates
 * (docs/adr/0006-search.md).
 */
export const UK_GROUPS: readonly (readonly string[])[] = [
  ['Казахстан', 'Казахстану', 'Казахстані', 'Казахстаном'],
  ['переговори', 'переговорів', 'переговорах', 'переговорами'],
  ['Росія', 'Росії', 'Росією', 'Росію'],
  ['Україна', 'України', 'Україні', 'Україною', 'Україну'],
  ['Вірменія', 'Вірменії', 'Вірменією', 'Вірменію'],
  ['гарантія', 'гарантії', 'гарантією', 'гарантію'],
  ['міністр', 'міністра', 'міністрові', 'міністрів', 'міністрами'],
  ['російський', 'російського', 'російському', 'російських', 'російським'],
  ['вимога', 'вимоги', 'вимог', 'вимогами', 'вимогу'],
  ['відповідь', 'відповіді', 'відповідей', 'відповідями'],
  ['війська', 'військ', 'військами', 'військах'],
  ['миротворці', 'миротворців', 'миротворцями'],
  ['Путін', 'Путіна', 'Путіну', 'Путіним'],
  ['Байден', 'Байдена', 'Байдену', 'Байденом'],
  ['делегація', 'делегації', 'делегацією'],
  ['ситуація', 'ситуації', 'ситуацію'],
  ['Альянс', 'Альянсу', 'Альянсом', 'Альянсі'],
  ['ґрунт', 'ґрунту', 'ґрунтом'],
  ['заява', 'заяви', 'заявою', 'заяві'],
  ['Женева', 'Женеви', 'Женевою'],
  ['уряд', 'уряду', 'урядом', 'уряді'],
];

/**
 * Groups no suffix stripper joins: the stem itself alternates (і/о, к/ц, doubled
 * consonants). Measured, not promised; fuzzy matching usually bridges them.
 */
export const UK_HARD_GROUPS: readonly (readonly string[])[] = [
  ['договір', 'договору', 'договором'],
  ['безпека', 'безпеки', 'безпеці', 'безпекою'],
  ['зустріч', 'зустрічі', 'зустріччю'],
  ['Київ', 'Києва', 'Києві'],
];

/** Different words that must not share an index term. */
export const UK_DISTINCT: readonly (readonly [string, string])[] = [
  ['Росія', 'росте'],
  ['Казахстан', 'Киргизстан'],
  ['міністр', 'міністерство'],
  ['мир', 'міра'],
  ['Київ', 'кит'],
];

export const EN_GROUPS: readonly (readonly string[])[] = [
  ['negotiation', 'negotiations'],
  ['talk', 'talks', 'talked', 'talking'],
  ['guarantee', 'guarantees', 'guaranteed'],
  ['troop', 'troops'],
  ['minister', 'ministers'],
  ['price', 'prices', 'priced'],
  ['export', 'exports', 'exported', 'exporting'],
];
