import { realpathSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir`, relative to it with forward slashes, sorted; [] when `dir` does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export type JsonRead = { ok: true; value: unknown } | { ok: false; reason: string };

/** Reads and parses one JSON file; the reason names the file and what went wrong. */
export async function readJsonFile(file: string, shownAs: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? `${shownAs} does not exist` : `${shownAs}: ${(error as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `${shownAs} is not valid JSON (${(error as Error).message})` };
  }
}

/**
 * `relative` under `root`, when it is a file that stays inside `root` also after following links; else
 * undefined. A build output names its own files, and a report must never read (or quote) a file outside
 * the directory it was given.
 */
export function fileInside(root: string, relative: string): string | undefined {
  if (path.isAbsolute(relative)) return undefined;
  const file = path.resolve(root, relative);
  try {
    const realRoot = realpathSync(root);
    const real = realpathSync(file);
    const inside = path.relative(realRoot, real);
    if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return undefined;
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}
