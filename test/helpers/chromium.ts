import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** Browser names on PATH, in the order the usual packages install them (Debian, Ubuntu, Chrome, Arch). */
const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export const CHROMIUM_HELP = [
  'The HTML report test needs Chromium (or Chrome), and none was found. Any one of these works:',
  '  - set CHROMIUM_PATH to the browser executable;',
  '  - npx playwright-core install chromium   (downloads the build playwright-core expects into ~/.cache/ms-playwright);',
  '  - install a package that puts `chromium` on PATH: `apt-get install chromium` (Debian),',
  '    `snap install chromium` (Ubuntu), `brew install --cask chromium` (macOS), or Google Chrome.',
  'Looked for: $CHROMIUM_PATH, playwright’s own download, then ' + ON_PATH.join(', ') + ' on PATH.',
].join('\n');

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where Chromium is, looked for the way people install it: CHROMIUM_PATH first (it must then point to an
 * executable), then the browser playwright-core downloads, then the usual names on PATH. Throws, saying
 * how to install one, when there is none: the HTML test then fails with that message, it is never skipped.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, downloaded = chromium.executablePath()): string {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (executable(explicit)) return explicit;
    throw new Error(`CHROMIUM_PATH is ${explicit}, which is not an executable file.\n\n${CHROMIUM_HELP}`);
  }
  if (downloaded && executable(downloaded)) return downloaded;
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of ON_PATH) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (executable(file)) return file;
    }
  }
  throw new Error(CHROMIUM_HELP);
}
