import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Global setup of `npm run test:versions`: installs each Next.js release of test/next-versions/<line>/
 * (its package.json and lockfile) into .work/next-versions/<line>/, where fixtures built with it resolve
 * it. An install is redone only when its package.json or lockfile changed.
 */
export default function setup(): void {
  process.env.ZFB_NEXT_TEST_RUN_ID ??= `${Date.now()}-${process.pid}`;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const sources = path.join(root, 'test', 'next-versions');
  for (const line of readdirSync(sources).filter((name) => existsSync(path.join(sources, name, 'package.json')))) {
    const from = path.join(sources, line);
    const to = path.join(root, '.work', 'next-versions', line);
    const stamp = createHash('sha256')
      .update(readFileSync(path.join(from, 'package.json')))
      .update(readFileSync(path.join(from, 'package-lock.json')))
      .digest('hex');
    const stampFile = path.join(to, '.installed');
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) continue;
    mkdirSync(to, { recursive: true });
    copyFileSync(path.join(from, 'package.json'), path.join(to, 'package.json'));
    copyFileSync(path.join(from, 'package-lock.json'), path.join(to, 'package-lock.json'));
    const npm = (args: string[]) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: to, stdio: 'inherit' });
    // As .ci/run: a registry that serves only this platform's binaries leaves the other platforms' optional
    // packages out of the lockfile, which `npm ci` counts as out of sync; `npm install` then installs the
    // same locked versions.
    try {
      npm(['ci']);
    } catch {
      npm(['install']);
    }
    writeFileSync(stampFile, stamp);
  }
}
