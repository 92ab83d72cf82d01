/**
 * An island: a part of a prerendered page that a reader can touch (save, share, the search box,
 * the offer of new articles, the update prompt). Everywhere the app renders it, it is its children
 * in a wrapper that does not take part in layout (`display: contents`); the wrapper's attributes
 * tell the islands runtime (src/app/shell/islands.tsx) which component hydrates it, with which
 * props, and how soon. A prerendered page hydrates these wrappers one by one and nothing else
 * (docs/adr/0012-islands.md); inside the full app (the SPA shell, or after the first in-app
 * navigation) they are plain React children.
 */
import type { ReactNode } from 'react';

/** The islands a page can hold; the runtime has one hydrator per name. */
export type IslandName = 'save' | 'share' | 'search' | 'offline' | 'new-articles' | 'update';

export const ISLAND_ATTR = 'data-island';
export const ISLAND_PROPS_ATTR = 'data-island-props';

export function Island({ name, props, children }: { name: IslandName; props?: Record<string, unknown>; children: ReactNode }) {
  return (
    <div className="island" data-island={name} data-island-props={props ? JSON.stringify(props) : undefined}>
      {children}
    </div>
  );
}
