import * as esbuild from 'esbuild';

/**
 * The `"use client"` boundary of the app router. In Next's server layer a client module is never run: it
 * becomes a set of client references (react-server-dom's `registerClientReference`). For loading server
 * modules, each export of the stand-in is a reference that renders nothing and says what it stands for.
 */

// A directive prologue: only comments, whitespace and other directives may come before it.
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|(['"])use strict\1;?)*(['"])use client\2/;

export function hasUseClientDirective(source: string): boolean {
  return USE_CLIENT.test(source.slice(0, 4000));
}

/**
 * The stand-in of a client module. esbuild reads a file in a `"type": "module"` package (or `.mjs`) as an ES
 * module, where `module.exports` is an undefined global, so such a file gets an ES module stand-in with
 * one reference per export; any other file gets a CommonJS one whose every property is a reference.
 */
export function clientReferenceStub(file: string, source: string, format: 'esm' | 'cjs'): string {
  return format === 'esm' ? esmStub(file, source) : cjsStub(file);
}

/** Thrown for a client module that re-exports with `export *`, as Next refuses it. */
export class ClientBoundaryError extends Error {}

function esmStub(file: string, source: string): string {
  const result = esbuild.buildSync({
    stdin: { contents: source, loader: loaderOf(file), sourcefile: file },
    bundle: false,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
  });
  // esbuild prints every kept re-export as a statement of its own.
  if (/^export \* from /m.test(result.outputFiles[0]?.text ?? '')) {
    // next/dist/build/webpack/loaders/next-flight-loader/index.js refuses it with this message.
    throw new ClientBoundaryError(`It's currently unsupported to use "export *" in a client boundary. Please use named exports instead.`);
  }
  const names = Object.values(result.metafile.outputs)[0]?.exports ?? [];
  return [
    referenceFactory(file),
    ...names.map((name, i) => `const __ref${i} = reference(${JSON.stringify(name)});\nexport { __ref${i} as ${JSON.stringify(name)} };`),
  ].join('\n');
}

function loaderOf(file: string): esbuild.Loader {
  if (/\.[cm]?tsx$/.test(file)) return 'tsx';
  if (/\.[cm]?ts$/.test(file)) return 'ts';
  return 'jsx';
}

function referenceFactory(file: string): string {
  return `
const reference = (name) => {
  const ref = function ClientReference() { return null; };
  ref.$$typeof = Symbol.for('react.client.reference');
  ref.$$id = ${JSON.stringify(file)} + '#' + name;
  return ref;
};`;
}

function cjsStub(file: string): string {
  return `${referenceFactory(file)}
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
