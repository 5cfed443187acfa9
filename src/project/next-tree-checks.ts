import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The project layouts `next build` 16.4.6 refuses before it reads a page, with the text it fails with.
 * lib/find-pages-dir.ts `findDir` takes the first of `<root>/<name>` and `<root>/src/<name>` that exists,
 * folder or not, so a regular file named `pages` is the pages folder, and lib/recursive-readdir.ts then fails
 * on it with the file system's error; `findPagesDir` refuses `pages` and `app` in different folders.
 */
export function nextTreeRefusal(root: string): string | undefined {
  const pagesDir = findDir(root, 'pages');
  const appDir = findDir(root, 'app');
  for (const dir of [pagesDir, appDir]) {
    if (dir !== undefined && !statSync(dir).isDirectory()) return `ENOTDIR: not a directory, scandir '${dir}'`;
  }
  if (pagesDir && appDir && path.dirname(pagesDir) !== path.dirname(appDir)) {
    return '> `pages` and `app` directories should be under the same folder';
  }
  return undefined;
}

function findDir(root: string, name: string): string | undefined {
  return [path.join(root, name), path.join(root, 'src', name)].find((candidate) => existsSync(candidate));
}
