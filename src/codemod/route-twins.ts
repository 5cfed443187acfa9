import path from 'node:path';
import { routeFromPath } from '../../codemods/_shared/route-file.js';
import { SOURCE_EXTENSIONS } from './expand-paths.js';
import { toProjectPath } from './project-root.js';

/**
 * The other names a file could have for the route `target` serves: `page.jsx` and `route.ts` beside
 * `app/x/page.tsx`; `pages/x.jsx` and `pages/x/index.tsx` for `pages/x.tsx`. A file moved to `target` while one
 * of these exists would make two files for one route (Next.js refuses such a tree), so the move is refused as
 * when `target` itself exists. `movedFrom`, the file being moved, is not a twin.
 */
export function routeTwins(root: string, target: string, movedFrom?: string): string[] {
  const route = routeFromPath(toProjectPath(root, target));
  if (!route) return [];
  const dir = path.dirname(target);
  const names: string[] = [];
  const add = (base: string): void => {
    for (const ext of SOURCE_EXTENSIONS) names.push(`${base}${ext}`);
  };
  if (route.router === 'app') {
    if (route.role !== 'page' && route.role !== 'route') return [];
    add(path.join(dir, 'page'));
    add(path.join(dir, 'route'));
  } else {
    const stem = path.basename(target, path.extname(target));
    if (stem === 'index') {
      add(path.join(dir, 'index'));
      // pages/x/index.tsx and pages/x.tsx are one route; pages/index.tsx has no such twin.
      if (route.folder !== '') add(dir);
    } else {
      add(path.join(dir, stem));
      add(path.join(dir, stem, 'index'));
    }
  }
  return names.filter((name) => name !== target && name !== movedFrom);
}
