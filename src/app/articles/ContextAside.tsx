import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, Lang } from '../../core/model/article.ts';
import { Blocks } from './Blocks.tsx';

/** The background box ("Контекст"): beside the body on wide screens, after it on narrow ones. */
export function ContextAside({ blocks, lang }: { blocks: readonly Block[]; lang: Lang | undefined }) {
  const { t } = useTranslation('article');
  const id = useId();
  if (blocks.length === 0) return null;
  return (
    <aside className="context" aria-labelledby={id}>
      <h2 id={id}>{t('context.title')}</h2>
      <div lang={lang}>
        <Blocks blocks={blocks} />
      </div>
    </aside>
  );
}
