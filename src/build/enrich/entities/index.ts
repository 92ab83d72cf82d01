/**
 * Topic extraction for Kontekst (build side). See extract.ts and catalogue.ts for the details.
 *   extractEntities(title, text, lang) → Mention[]      one article, pure
 *   new TopicCatalogue().add(id, mentions); .label(key)  many articles, labels from all mentions
 *   topicKey(surface)                                    key of a name typed by a reader/editor
 */
export { extractEntities, pickLabel, type Mention, type Lang } from './extract.ts';
export { TopicCatalogue, type Topic } from './catalogue.ts';
export { topicKey } from './key.ts';
