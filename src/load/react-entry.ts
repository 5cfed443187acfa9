import { existsSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageNameOf } from './packages.js';

/**
 * Where a layer's React comes from. React must be one instance per layer in a process, so it always loads
 * from node_modules: the project's own, or ours for a bare folder of pages. The app router's server layer
 * gets React's `react-server` build, as in Next (its server layer resolves with that condition): only that
 * build has a working `cache()`, and libraries keep their per-request state in it (next-intl's
 * `setRequestLocale`). And it gets the React that the project's Next.js ships in `next/dist/compiled`, not
 * the project's own: Next aliases `react` and `react-dom` of the app router to its vendored copies
 * (build/create-compiler-aliases.ts `createVendoredReactAliases`), so an app on React 18, whose
 * `react-server` build throws "This entry point is not yet supported outside of experimental channels",
 * renders with Next's React as under `next build`.
 */

export type ReactLayer = 'pages' | 'app' | 'zfb';

// Where React comes from for a project that has none of its own.
const OWN_DIR = path.dirname(fileURLToPath(import.meta.url));

export function reactEntry(specifier: string, layer: ReactLayer, root: string): string | undefined {
  if (layer === 'app') keepReactServerTogether();
  // Asked once per import of React in every bundled module (1,000 pages, 1,000 times): the answer depends
  // on node_modules only, which no run changes.
  const key = `${layer}\0${root}\0${specifier}`;
  if (entries.has(key)) return entries.get(key);
  const entry = findReactEntry(specifier, layer, root);
  entries.set(key, entry);
  return entry;
}

const entries = new Map<string, string | undefined>();

function findReactEntry(specifier: string, layer: ReactLayer, root: string): string | undefined {
  const name = packageNameOf(specifier);
  if (layer === 'app') {
    const vendored = vendoredReactServer(specifier, name, root);
    if (vendored) return vendored;
  }
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

/**
 * `react` or `react-dom` (or a subpath) from the project's `next/dist/compiled`, with the `react-server`
 * condition. Next's `-experimental` channel (for experimental flags such as taint) is not modelled: the stable
 * copy has the same server APIs.
 */
function vendoredReactServer(specifier: string, name: string, root: string): string | undefined {
  let manifest: string;
  try {
    const next = createRequire(path.join(root, 'package.json')).resolve('next/package.json');
    manifest = path.join(path.dirname(next), 'dist', 'compiled', name, 'package.json');
    if (!existsSync(manifest)) return undefined;
  } catch {
    return undefined;
  }
  const subpath = `.${specifier.slice(name.length)}`;
  const served = reactServerExport(manifest, subpath);
  if (served) return served;
  try {
    return createRequire(manifest).resolve(path.join(path.dirname(manifest), subpath));
  } catch {
    return undefined;
  }
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
// React's own react-server builds (react/cjs/react-jsx-runtime.react-server.production.js, react-dom's), in
// node_modules or in Next's vendored copies (next/dist/compiled/react/cjs/...).
const REACT_SERVER_FILE = /[\\/]node_modules[\\/](?:next[\\/]dist[\\/]compiled[\\/])?react(?:-dom)?[\\/]cjs[\\/][^\\/]*\.react-server\.[^\\/]*\.js$/;
// What they require for React: the vendored copies name it by its path in Next.
const REACT_REQUEST = new Set(['react', 'next/dist/compiled/react']);

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
    if (REACT_REQUEST.has(request) && parent?.filename && REACT_SERVER_FILE.test(parent.filename)) {
      const manifest = original(`${request}/package.json`, parent, ...rest);
      const served = reactServerExport(manifest, '.');
      if (served) return served;
    }
    return original(request, parent, ...rest);
  };
}
