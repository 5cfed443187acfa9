import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Layer } from '../load/bundle.js';
import type { Loaded, ModuleSession } from '../load/load-modules.js';

/**
 * Loads page and layout modules that may sit behind a symbolic link inside the project (a linked folder in
 * pages/ or app/): such a file is loaded by its real path, as the bundler resolves it, and its result is
 * returned under the path the scan found. A file the loader returns nothing for is a load error, never a
 * silently missing route.
 */
export async function loadFollowingLinks(session: ModuleSession, root: string, files: readonly string[], layer: Layer): Promise<Map<string, Loaded>> {
  const realRoot = realpathSync(root);
  const loadAs = new Map<string, string>();
  for (const file of files) {
    let real = file;
    try {
      const resolved = realpathSync(file);
      if (resolved !== path.join(realRoot, path.relative(root, file))) real = resolved;
    } catch {
      // A file that vanished: the loader reports it.
    }
    loadAs.set(file, real);
  }
  const loaded = await session.load([...new Set(loadAs.values())], layer);
  const results = new Map<string, Loaded>();
  for (const [file, real] of loadAs) {
    results.set(file, loaded.get(real) ?? { ok: false, error: { message: 'the module could not be loaded' } });
  }
  return results;
}
