import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file below `dir` as a sorted project path (forward slashes). `node_modules` and dot folders (build
 * output such as .next) are left out unless `all` is set.
 */
export function listFiles(dir: string, { all = false } = {}): string[] {
  const out: string[] = [];
  const visit = (current: string): void => {
    if (!existsSync(current)) return;
    for (const name of readdirSync(current)) {
      if (!all && (name === 'node_modules' || name.startsWith('.'))) continue;
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  visit(dir);
  return out.sort();
}
