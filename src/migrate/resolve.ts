import { posix } from 'node:path';
import type { PathAliases } from './tsconfig.js';

const EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.mjs', '.cjs', '.mts', '.cts'];

/**
 * Finds the project file an import names, the way the bundlers do for project code: relative paths and the
 * tsconfig `paths` aliases, with the usual extensions and `index` files. Packages are not looked into.
 */
export class ModuleResolver {
  constructor(
    private readonly files: ReadonlySet<string>,
    private readonly aliases: PathAliases,
  ) {}

  /** Project-relative file for `specifier` imported from `from`, or undefined (a package, or nothing). */
  resolve(from: string, specifier: string): string | undefined {
    const bases = specifier.startsWith('.') ? [posix.normalize(posix.join(posix.dirname(from), specifier))] : this.aliases.resolve(specifier);
    for (const base of bases) {
      const found = this.file(base);
      if (found) return found;
    }
    return undefined;
  }

  private file(base: string): string | undefined {
    if (this.files.has(base)) return base;
    for (const extension of EXTENSIONS) if (this.files.has(base + extension)) return base + extension;
    // `./x.js` naming `x.ts`, as TypeScript allows.
    const stripped = base.replace(/\.(?:js|jsx|mjs|cjs)$/, '');
    if (stripped !== base) for (const extension of EXTENSIONS) if (this.files.has(stripped + extension)) return stripped + extension;
    for (const extension of EXTENSIONS) if (this.files.has(`${base}/index${extension}`)) return `${base}/index${extension}`;
    return undefined;
  }
}
