// Bundles the command line into dist/cli/ (run by `npm run build`, after tsc has checked and compiled the
// library into dist/src/ and dist/codemods/).
//
// Why a bundle: a codemod run loads recast, ast-types and @babel/parser, about 150 modules, before it reads
// its first file. Loaded as one file each, they cost 110-160 ms on two cores; bundled, 40-60 ms. On a run of
// 1,000 files that is 5% of the wall time. Every command starts faster for the same reason.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Packages copied into the bundle: the codemod runtime and the small ones every command loads. Every other
 * package stays an import resolved from node_modules at run time, as the user's own modules need them
 * (react, next, esbuild) or they are only loaded on demand.
 */
const BUNDLED = new Set(['recast', 'ast-types', '@babel/parser', 'esprima', 'source-map', 'tiny-invariant', 'tslib', 'commander', 'diff', 'picomatch']);

const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

// Chunk names carry a hash: the chunks of an earlier build would otherwise pile up beside the new ones.
rmSync(path.join(root, 'dist/cli'), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  // The worker threads are entry points of their own: pool.ts and writer.ts find them beside the chunk they
  // are bundled into, so every file lands in the one folder.
  entryPoints: {
    main: 'src/cli/main.ts',
    worker: 'src/codemod/worker.ts',
    'write-worker': 'src/codemod/write-worker.ts',
    // The process that runs a project's user code (src/load/host.ts starts it), and what the bin loads first
    // to start it early.
    'host-main': 'src/load/host-main.ts',
    'early-hosts': 'src/cli/early-hosts.ts',
  },
  outdir: 'dist/cli',
  chunkNames: '[name]-[hash]',
  bundle: true,
  // Code loaded on demand (a transform, the route model) stays in chunks of its own, loaded when needed.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  // The CommonJS packages in the bundle call require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [
    {
      name: 'bundle-only-listed-packages',
      setup(b) {
        // recast's CommonJS modules call tslib's helpers (__assign on every line it prints) through
        // `tslib_1.__assign`. esbuild would pick tslib's ES module build and wrap it, turning each of those
        // calls into a getter call first; tslib's CommonJS build is a plain object.
        b.onResolve({ filter: /^tslib$/ }, () => ({ path: createRequire(import.meta.url).resolve('tslib') }));
        b.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) =>
          specifier.startsWith('node:') || !BUNDLED.has(packageName(specifier)) ? { path: specifier, external: true } : undefined,
        );
      },
    },
  ],
});
