import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as esbuild from 'esbuild';

/**
 * webpack's inline loader requests (`require('!raw-loader?esModule=false!./worker.js')`), which Next.js
 * accepts when it builds with webpack. The one loader such requests name in practice is raw-loader: the file's
 * text, as `module.exports` with `esModule=false` and as the default export otherwise (raw-loader's own
 * `esModule` option, true by default). Any other inline loader is reported by name, as nothing here runs
 * webpack loaders.
 */

// webpack's request syntax: optional `!`, `!!` or `-!` prefix, then `loader?options!` segments, then the file.
const INLINE_REQUEST = /^(?:-!|!!|!)?(?:[^!?]+(?:\?[^!]*)?!)+[^!]+$/;
// One namespace per output form: esbuild keeps one module per path and namespace, and a file requested both
// ways (`!raw-loader!x` and `!raw-loader?esModule=false!x`) is two modules under webpack.
const ES_MODULE = 'raw-loader';
const COMMONJS = 'raw-loader-commonjs';

export function inlineLoaderPlugin(root: string): esbuild.Plugin {
  const projectRequire = createRequire(path.join(root, 'package.json'));
  return {
    name: 'zfb-next-inline-loaders',
    setup(build) {
      build.onResolve({ filter: /!/ }, async (args) => {
        if (args.namespace !== 'file' || !INLINE_REQUEST.test(args.path)) return undefined;
        const parts = args.path.replace(/^(?:-!|!!|!)/, '').split('!');
        const resource = parts.pop()!;
        const loaders = parts.map((part) => part.split('?')[0]!);
        if (loaders.length !== 1 || loaders[0] !== 'raw-loader') {
          return { errors: [{ text: `webpack inline loader request "${args.path}" is not supported: only raw-loader is (zfb-next runs no webpack loaders)` }] };
        }
        try {
          projectRequire.resolve('raw-loader');
        } catch {
          // webpack fails the build the same way when the loader is not installed.
          return { errors: [{ text: `Could not resolve "raw-loader"` }] };
        }
        const resolved = await build.resolve(resource, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const esModule = !/[?&]esModule=false(&|$)/.test(parts[0]!);
        return { path: resolved.path, namespace: esModule ? ES_MODULE : COMMONJS };
      });
      build.onLoad({ filter: /.*/, namespace: ES_MODULE }, (args) => ({ contents: `export default ${JSON.stringify(readFileSync(args.path, 'utf8'))};`, loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: COMMONJS }, (args) => ({ contents: `module.exports = ${JSON.stringify(readFileSync(args.path, 'utf8'))};`, loader: 'js' }));
    },
  };
}
