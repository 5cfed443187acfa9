/**
 * What react-server-dom-webpack's browser client expects from webpack, set before it loads (it reads
 * `__webpack_require__.u` when it starts): a client reference's chunk is its module's URL,
 * `__webpack_chunk_load__` imports it and `__webpack_require__` hands out the module's exports.
 */
const loaded = new Map<string, unknown>();
const globals = globalThis as Record<string, unknown>;

globals.__webpack_chunk_load__ = (chunk: string): Promise<void> =>
  import(/* webpackIgnore: true */ chunk).then((module: unknown) => {
    loaded.set(chunk, module);
  });
globals.__webpack_require__ = Object.assign((id: string) => loaded.get(id), { u: (chunk: string) => chunk });
