import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Some fixtures carry small stand-in packages under `_packages/` (the shapes of real npm packages that
 * module loaders stumble on). A test copies them into the fixture copy's own node_modules, beside which the
 * repository's node_modules still provides next and react.
 */
export function installFixturePackages(dir: string): void {
  const packages = path.join(dir, '_packages');
  if (!existsSync(packages)) return;
  const target = path.join(dir, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(packages)) {
    if (name.endsWith('.md')) continue;
    cpSync(path.join(packages, name), path.join(target, name), { recursive: true });
  }
}
