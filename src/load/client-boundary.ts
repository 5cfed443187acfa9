import type * as Esbuild from 'esbuild';
import { esbuild } from './esbuild.js';

/**
 * The `"use client"` boundary of the app router. In Next's server layer a client module is never run: it
 * becomes a set of client references (react-server-dom's `registerClientReference`). For loading server
 * modules, each export of the stand-in is a reference that renders nothing and says what it stands for.
 */

// A directive prologue: only comments, whitespace and other directives may come before it.
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|(['"])use strict\1;?)*(['"])use client\2/;
const EXPORT_STAR = /(?:^|[;\s])export\s*\*\s*from\b/;

export function hasUseClientDirective(source: string): boolean {
  return USE_CLIENT.test(source.slice(0, 4000));
}

const REFERENCE = (file: string): string => `
const reference = (name) => {
  const ref = function ClientReference() { return null; };
  ref.$$typeof = Symbol.for('react.client.reference');
  ref.$$id = ${JSON.stringify(file)} + '#' + name;
  return ref;
};
`;

/**
 * The server layer's view of a client module, shaped as next@16.4.6's flight loader shapes it
 * (build/webpack/loaders/next-flight-loader/index.ts): a module with ES exports gets one named reference per
 * export; one without (CommonJS) gets a proxy that answers any name. The ES form is not a choice only: esbuild,
 * like Node, treats a `.mjs` file or a `.js` file of a `"type": "module"` package as an ES module, where
 * `module.exports` would be an undefined variable ("module is not defined in ES module scope").
 */
export async function clientReferenceStub(file: string, source: string, loader: Esbuild.Loader, esmOnly: boolean): Promise<string> {
  const names = await exportNames(file, source, loader);
  const star = EXPORT_STAR.test(source);
  if (esmOnly || (names.length > 0 && !star)) {
    // The flight loader's own error for a client boundary it cannot list.
    if (star) throw new Error(`It's currently unsupported to use "export *" in a client boundary. Please use named exports instead.`);
    // A quoted export name covers `default` and names that are no identifiers alike.
    return REFERENCE(file) + names.map((name, i) => `const ref${i} = reference(${JSON.stringify(name)});\nexport { ref${i} as ${JSON.stringify(name)} };`).join('\n');
  }
  return `${REFERENCE(file)}
const references = new Map();
const anyExport = new Proxy({}, {
  get(_target, key) {
    if (typeof key !== 'string' || key === '__esModule' || key === 'then') return undefined;
    if (!references.has(key)) references.set(key, reference(key));
    return references.get(key);
  },
});
module.exports = Object.create(anyExport, {
  __esModule: { value: true },
  default: { value: reference('default'), enumerable: true },
});
`;
}

/** The names a module exports with ES syntax (`export * from` excluded), as esbuild's parser finds them. */
async function exportNames(file: string, source: string, loader: Esbuild.Loader): Promise<string[]> {
  const result = await esbuild.build({
    stdin: { contents: source, loader, sourcefile: file },
    bundle: false,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs).flatMap((output) => output.exports);
}
