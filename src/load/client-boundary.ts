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

export function clientReferenceStub(file: string): string {
  return `
const reference = (name) => {
  const ref = function ClientReference() { return null; };
  ref.$$typeof = Symbol.for('react.client.reference');
  ref.$$id = ${JSON.stringify(file)} + '#' + name;
  return ref;
};
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
