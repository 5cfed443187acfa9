/** Stand-in for `next/navigation`: the export names of next@16.4.6, behaving as on a static site. */
import * as React from 'react';
import { httpFallbackError, isControlFlowError, redirectError, type RedirectType as RedirectKind } from './control-flow.js';
import { currentParams, currentPathname, currentSearch, navigate } from './location.js';

export const RedirectType = { push: 'push', replace: 'replace' } as const;

export class ReadonlyURLSearchParams extends URLSearchParams {
  override append(): never {
    throw new Error('Method unavailable on `ReadonlyURLSearchParams`. Read more: https://nextjs.org/docs/app/api-reference/functions/use-search-params#updating-searchparams');
  }
  override delete(): never {
    return this.append();
  }
  override set(): never {
    return this.append();
  }
  override sort(): never {
    return this.append();
  }
}

// The app router's server layer loads React's react-server build, which has no createContext; Next's own
// server-layer next/navigation (navigation.react-server.js) has no ServerInsertedHTMLContext either.
export const ServerInsertedHTMLContext = typeof React.createContext === 'function' ? React.createContext<((callback: () => unknown) => void) | null>(null) : null;

export function redirect(url: string, type: RedirectKind = 'replace'): never {
  throw redirectError(url, type, 307);
}

export function permanentRedirect(url: string, type: RedirectKind = 'replace'): never {
  throw redirectError(url, type, 308);
}

export function notFound(): never {
  throw httpFallbackError(404);
}

export function forbidden(): never {
  throw httpFallbackError(403);
}

export function unauthorized(): never {
  throw httpFallbackError(401);
}

export function unstable_rethrow(error: unknown): void {
  if (isControlFlowError(error)) throw error;
}

export function unstable_isUnrecognizedActionError(): boolean {
  return false;
}

export function useRouter() {
  return {
    push: (href: string) => navigate(href),
    replace: (href: string) => navigate(href, true),
    back: () => (typeof window === 'undefined' ? undefined : window.history.back()),
    forward: () => (typeof window === 'undefined' ? undefined : window.history.forward()),
    refresh: () => (typeof window === 'undefined' ? undefined : window.location.reload()),
    prefetch: () => undefined,
  };
}

export function usePathname(): string {
  return currentPathname();
}

export function useSearchParams(): ReadonlyURLSearchParams {
  return new ReadonlyURLSearchParams(currentSearch());
}

export function useParams(): Record<string, string | string[]> {
  return currentParams();
}

export function useSelectedLayoutSegment(): string | null {
  return useSelectedLayoutSegments()[0] ?? null;
}

export function useSelectedLayoutSegments(): string[] {
  return currentPathname().split('/').filter(Boolean);
}

export function useServerInsertedHTML(): void {}
