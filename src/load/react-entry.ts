import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageNameOf } from './packages.js';

/**
 * Where a layer's React comes from. React must be one instance per layer in a process, so it always loads
 * from node_modules: the project's own, or ours for a bare folder of pages. The app router's server layer
 * gets React's `react-server` build, as in Next (its server layer resolves with that condition): only that
 * build has a working `cache()`, and libraries keep their per-request state in it (next-intl's
 * `setRequestLocale`).
 */

export type ReactLayer = 'pages' | 'app' | 'zfb';

// Where React comes from for a project that has none of its own.
const OWN_DIR = path.dirname(fileURLToPath(import.meta.url));

export function reactEntry(specifier: string, layer: ReactLayer, root: string): string | undefined {
  if (layer === 'app') keepReactServerTogether();
  const name = packageNameOf(specifier);
  for (const dir of [root, OWN_DIR]) {
    const require = createRequire(path.join(dir, 'package.json'));
    let manifest: string;
    try {
      manifest = require.resolve(`${name}/package.json`);
    } catch {
      continue;
    }
    if (layer === 'app') {
      const served = reactServerExport(manifest, `.${specifier.slice(name.length)}`);
      if (served) return served;
    }
    try {
      return require.resolve(specifier);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The project's React module for a layer (the instance its bundled modules load), if it has one. */
export function loadReact(layer: ReactLayer, root: string): unknown {
  const file = reactEntry('react', layer, root);
  return file ? createRequire(file)(file) : undefined;
}

/** `exports[subpath]['react-server']` of a package.json, as an absolute path. */
function reactServerExport(manifest: string, subpath: string): string | undefined {
  try {
    const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown> }).exports;
    const entry = exports?.[subpath] as Record<string, unknown> | undefined;
    const target = entry && typeof entry === 'object' ? entry['react-server'] : undefined;
    return typeof target === 'string' ? path.join(path.dirname(manifest), target) : undefined;
  } catch {
    return undefined;
  }
}

let hooked = false;
// React's own react-server builds (react/cjs/react-jsx-runtime.react-server.production.js, react-dom's).
const REACT_SERVER_FILE = /[\\/]node_modules[\\/]react(?:-dom)?[\\/]cjs[\\/][^\\/]*\.react-server\.[^\\/]*\.js$/;

/**
 * The react-server builds of `react/jsx-runtime` and `react-dom` `require("react")` themselves, and Node,
 * which knows no `react-server` condition, would hand them React's client build ("The "react" package in
 * this environment is not configured correctly"). Next's require hook maps them for its server layer; here
 * the requests those files make are resolved with the condition, and nothing else is touched.
 */
function keepReactServerTogether(): void {
  if (hooked) return;
  hooked = true;
  const internal = Module as unknown as { _resolveFilename(request: string, parent: { filename?: string } | undefined, ...rest: unknown[]): string };
  const original = internal._resolveFilename.bind(Module);
  internal._resolveFilename = (request, parent, ...rest) => {
    if (request === 'react' && parent?.filename && REACT_SERVER_FILE.test(parent.filename)) {
      const manifest = original('react/package.json', parent, ...rest);
      const served = reactServerExport(manifest, '.');
      if (served) return served;
    }
    return original(request, parent, ...rest);
  };
}
