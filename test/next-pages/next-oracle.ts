import { createRequire } from 'node:module';

/** Next.js 16.4.6's own functions, from the pinned `next` package: the oracle of the differential tests. */
const require = createRequire(import.meta.url);

export interface NextPrerenderedRoute {
  pathname: string;
  encodedPathname: string;
  params: Record<string, unknown>;
}

export const nextPages = require('next/dist/build/static-paths/pages.js') as {
  buildPagesStaticPaths(input: {
    page: string;
    getStaticPaths: (ctx: unknown) => unknown;
    configFileName: string;
    locales?: string[];
    defaultLocale?: string;
  }): Promise<{ fallbackMode: 'NOT_FOUND' | 'BLOCKING_STATIC_RENDER' | 'PRERENDER'; prerenderedRoutes: NextPrerenderedRoute[] }>;
};

export const nextSortedRoutes = require('next/dist/shared/lib/router/utils/sorted-routes.js') as {
  getSortedRoutes(pages: readonly string[]): string[];
};

export const nextSortableRoutes = require('next/dist/shared/lib/router/utils/sortable-routes.js') as {
  sortPages(pages: readonly string[]): string[];
  compareRouteSegments(a: string, b: string): number;
};
