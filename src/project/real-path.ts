import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * `file` (absolute) with every symbolic link in it resolved, also when its last parts do not exist yet (an
 * output folder to be made). A project is worked on from its real path: esbuild's metafile paths are
 * relative to it, so a project reached through a link (macOS's /tmp, a linked home folder) would otherwise
 * lose its bundles; and an output folder is compared with the project by real paths too.
 */
export function realPath(file: string): string {
  const missing: string[] = [];
  let current = path.resolve(file);
  for (;;) {
    try {
      return path.join(realpathSync.native(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(file);
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
