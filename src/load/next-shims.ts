/**
 * Stand-ins for `next/*` imports, so a page, layout or route module can be loaded in plain Node to call its
 * static-path functions without a Next.js runtime. They are CommonJS proxies on purpose: any named import
 * (`import { whatever } from 'next/x'`) resolves, so a module is never rejected for using a Next API we
 * did not list; only the few that change control flow during data loading behave like Next.
 */

/** The error `notFound()` / `redirect()` throw, so a caller can tell them from a real failure. */
export const CONTROL_FLOW_MARK = '__zfbNextControlFlow';

const CONTROL_FLOW = `
function control(kind, extra) {
  const error = new Error(kind === 'not-found' ? 'NEXT_HTTP_ERROR_FALLBACK;404' : 'NEXT_REDIRECT');
  error.${CONTROL_FLOW_MARK} = Object.assign({ kind }, extra);
  throw error;
}
`;

/** Used for every `next/*` specifier without a dedicated shim. */
const GENERIC = `
const noop = function () { return undefined; };
const passthrough = new Proxy(function shim() { return shim; }, {
  get(target, key) {
    if (key === '__esModule') return true;
    if (key === 'default') return passthrough;
    if (key === Symbol.toPrimitive) return () => '';
    return passthrough;
  },
  apply() { return passthrough; },
  construct() { return {}; },
});
module.exports = passthrough;
`;

const SHIMS: Record<string, string> = {
  'next/navigation': `${CONTROL_FLOW}
module.exports = {
  notFound: () => control('not-found'),
  redirect: (destination, type) => control('redirect', { destination, permanent: false, type }),
  permanentRedirect: (destination, type) => control('redirect', { destination, permanent: true, type }),
  useRouter: () => ({ push() {}, replace() {}, back() {}, forward() {}, refresh() {}, prefetch() {} }),
  usePathname: () => '/',
  useSearchParams: () => new URLSearchParams(),
  useParams: () => ({}),
  useSelectedLayoutSegment: () => null,
  useSelectedLayoutSegments: () => [],
  RedirectType: { push: 'push', replace: 'replace' },
  unstable_rethrow: () => {},
};`,
  'next/cache': `
module.exports = {
  unstable_cache: (fn) => fn,
  unstable_noStore: () => {},
  revalidatePath: () => {},
  revalidateTag: () => {},
  cacheLife: () => {},
  cacheTag: () => {},
};`,
  'next/headers': `
module.exports = {
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  draftMode: async () => ({ isEnabled: false }),
};`,
  'next/server': `
class NextResponse extends Response {
  static json(body, init) { return Response.json(body, init); }
  static redirect(url, status) { return Response.redirect(url, status); }
  static next() { return new Response(null); }
}
module.exports = { NextResponse, NextRequest: Request, after: () => {}, connection: async () => {} };`,
  'next/font/google': `
module.exports = new Proxy({}, { get: (_, key) => key === '__esModule' ? true : () => ({ className: '', style: {}, variable: '' }) });`,
  'next/font/local': `
module.exports = () => ({ className: '', style: {}, variable: '' });
module.exports.default = module.exports;`,
};

export function nextShimSource(specifier: string): string {
  return SHIMS[specifier] ?? GENERIC;
}

export function isNextSpecifier(specifier: string): boolean {
  return specifier === 'next' || specifier.startsWith('next/') || specifier === 'server-only' || specifier === 'client-only';
}
