/**
 * next/headers for zfb: a static page is built once, without a request, so there are no cookies and no
 * request headers (Next.js would render such a page on each request instead).
 */
const empty = {
  get: (_name: string) => undefined,
  getAll: () => [],
  has: (_name: string) => false,
  entries: () => [][Symbol.iterator](),
  forEach: () => {},
  keys: () => [][Symbol.iterator](),
  values: () => [][Symbol.iterator](),
  set: () => {},
  delete: () => {},
  [Symbol.iterator]: () => [][Symbol.iterator](),
};

export async function cookies() {
  return empty;
}

export async function headers() {
  return empty;
}

export async function draftMode() {
  return { isEnabled: false, enable() {}, disable() {} };
}
