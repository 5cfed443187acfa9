import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found from this file in src/ (tests), dist/src/ (the library) and dist/cli/ (the CLI bundle). */
export const PACKAGE_ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) || !readFileSync(path.join(dir, 'package.json'), 'utf8').includes('"name": "zfb-next"')) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('zfb-next: cannot find its own package.json');
    dir = parent;
  }
  return dir;
})();

export const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
