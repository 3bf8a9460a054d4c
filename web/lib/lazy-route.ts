import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/**
 * A page's route whose code is loaded on first visit:
 * `lazyRoute(paths.parks.path, () => import('./components/parks-page').then((m) => m.ParksPage))`.
 * The import stays a literal `import()` at the call, so the bundler splits each page off.
 */
export function lazyRoute(path: string | undefined, load: () => Promise<ComponentType>): RouteObject {
  return { path, lazy: async () => ({ Component: await load() }) };
}
