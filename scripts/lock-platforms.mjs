// Adds the lockfile entries `npm ci` needs for the native packages of other platforms. Run it after
// `npm install` has rewritten package-lock.json:   node scripts/lock-platforms.mjs
//
// Why: @takazudo/zfb and next each list one optional package per platform (@takazudo/zfb-darwin-arm64,
// @next/swc-win32-x64-msvc, ...). When npm installs from a registry that serves only this platform's
// binaries, it cannot write lock entries for the others, and `npm ci` then refuses the lockfile ("Missing:
// @takazudo/zfb-darwin-arm64@ from lock file"). An entry with the version and the `os` / `cpu` fields npm
// uses to skip a package on another platform is enough: no `resolved` or `integrity`, which cannot be known
// without the package; on a machine of that platform npm fetches it by name and version.
//
// `--check` changes nothing and exits 1 when an entry is missing (CI runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCKFILE = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'package-lock.json');
/** Whose optional platform packages to complete: the pinned engines. */
const PARENTS = ['node_modules/@takazudo/zfb', 'node_modules/next'];
const PLATFORM = /-(darwin|linux|win32)-(x64|arm64)(?:-(gnu|musl|msvc))?$/;

const lock = JSON.parse(readFileSync(LOCKFILE, 'utf8'));
const added = [];
for (const parent of PARENTS) {
  const entry = lock.packages[parent];
  if (!entry) throw new Error(`${parent} is not in package-lock.json; run npm install first`);
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const platform = PLATFORM.exec(name);
    if (!platform || lock.packages[`node_modules/${name}`]) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) throw new Error(`${parent} asks for ${name}@${version}, not one exact version`);
    const [, os, cpu, libc] = platform;
    lock.packages[`node_modules/${name}`] = {
      version,
      cpu: [cpu],
      ...(entry.dev ? { dev: true } : {}),
      ...(libc === 'gnu' ? { libc: ['glibc'] } : libc === 'musl' ? { libc: ['musl'] } : {}),
      optional: true,
      os: [os],
    };
    added.push(`${name}@${version}`);
  }
}

if (process.argv.includes('--check')) {
  if (added.length > 0) {
    console.error(`package-lock.json lacks ${added.join(', ')}: run node scripts/lock-platforms.mjs`);
    process.exit(1);
  }
  process.exit(0);
}

// npm writes the packages in name order, the root ("") first.
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(LOCKFILE, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(added.length > 0 ? `added ${added.join(', ')}` : 'package-lock.json already lists every platform package');
