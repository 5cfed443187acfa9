// Written by zfb-next migrate: the `process` that modules the pages import read while they load
// (`path.join(process.cwd(), 'posts')`, say). zfb renders pages in V8 without Node; this one answers with
// plain values, so those modules load, and the Node work stays in the pages' data (next-data/).
if (typeof globalThis.process === 'undefined') {
  globalThis.process = {
    env: { NODE_ENV: 'production' },
    cwd: () => '/',
    platform: 'linux',
    version: '',
    versions: {},
    argv: [],
    nextTick: (callback, ...args) => Promise.resolve().then(() => callback(...args)),
  };
}
