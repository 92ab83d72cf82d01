import common from './common.json';
import article from './article.json';
import home from './home.json';
import topics from './topics.json';
import offline from './offline.json';
import saved from './saved.json';
import embed from './embed.json';
import search from './search.json';

/** Every namespace of the en UI, loaded as one chunk when en is first needed. */
export default { common, article, home, topics, offline, saved, embed, search };
