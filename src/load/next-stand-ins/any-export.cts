/**
 * Stand-in for every other `next/*` module (`next/dist/...` internals, `next/constants`, names a later Next
 * adds). It is CommonJS on purpose: its exports object inherits from a proxy, so any named or default import
 * resolves through esbuild's CommonJS interop, and the value is a callable that returns itself, so chained
 * use at module scope (`x.y()`, `new X()`) does not throw while a module loads.
 */
const passthrough: unknown = new Proxy(function passthrough() {}, {
  get(_target, key) {
    if (key === Symbol.toPrimitive) return () => '';
    if (key === 'then' || key === '__esModule') return undefined;
    return passthrough;
  },
  apply: () => passthrough,
  construct: () => ({}),
});

// `__esModule` makes esbuild take `default` from here, so a default import is the callable too.
module.exports = Object.create(passthrough as object, {
  __esModule: { value: true },
  default: { value: passthrough, enumerable: true },
});
