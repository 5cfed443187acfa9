import { usePageContext } from './context';

/**
 * next/navigation for zfb. notFound() and redirect() throw, as in Next.js: in data code the next-data plugin
 * catches them at build time (the URL is left out; a redirect goes into _redirects). The hooks answer from
 * the page zfb is rendering, and from the address bar inside an island in the browser.
 */

export class NextNavigationError extends Error {
  constructor(
    readonly digest: string,
    message: string,
  ) {
    super(message);
  }
}

export function notFound(): never {
  throw new NextNavigationError('NEXT_HTTP_ERROR_FALLBACK;404', 'notFound() was called');
}

export function forbidden(): never {
  throw new NextNavigationError('NEXT_HTTP_ERROR_FALLBACK;403', 'forbidden() was called');
}

export function unauthorized(): never {
  throw new NextNavigationError('NEXT_HTTP_ERROR_FALLBACK;401', 'unauthorized() was called');
}

export enum RedirectType {
  push = 'push',
  replace = 'replace',
}

export function redirect(url: string, type: RedirectType = RedirectType.replace): never {
  throw new NextNavigationError(`NEXT_REDIRECT;${type};${url};307;`, `redirect(${url}) was called`);
}

export function permanentRedirect(url: string, type: RedirectType = RedirectType.replace): never {
  throw new NextNavigationError(`NEXT_REDIRECT;${type};${url};308;`, `permanentRedirect(${url}) was called`);
}

export function usePathname(): string {
  return usePageContext().asPath;
}

export function useParams<T extends Record<string, string | string[]> = Record<string, string | string[]>>(): T {
  return usePageContext().params as T;
}

export function useSearchParams(): URLSearchParams {
  return new URLSearchParams(typeof window === 'undefined' ? '' : window.location.search);
}

export function useSelectedLayoutSegments(): string[] {
  return usePageContext().asPath.split('/').filter(Boolean);
}

export function useSelectedLayoutSegment(): string | null {
  return useSelectedLayoutSegments()[0] ?? null;
}

export function useRouter() {
  const go = (href: string, replace: boolean) => {
    if (typeof window === 'undefined') return;
    if (replace) window.location.replace(href);
    else window.location.assign(href);
  };
  return {
    push: (href: string) => go(href, false),
    replace: (href: string) => go(href, true),
    refresh: () => (typeof window !== 'undefined' ? window.location.reload() : undefined),
    back: () => (typeof window !== 'undefined' ? window.history.back() : undefined),
    forward: () => (typeof window !== 'undefined' ? window.history.forward() : undefined),
    prefetch: () => {},
  };
}
