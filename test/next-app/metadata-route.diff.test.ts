import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  djb2Hash,
  getStaticMetadataPrerenderPathname,
  isMetadataPage,
  isMetadataRoute,
  isMetadataRouteFile,
  isStaticMetadataFile,
  matchMetadataFile,
  metadataRouteOfPage,
  metadataSourceCandidates,
  normalizeMetadataPageToRoute,
  normalizeMetadataRoute,
} from '../../src/model/next-metadata-route.js';

/** Differential tests against next@16.4.6's own metadata-route functions (lib/metadata, shared/lib/hash). */
const require = createRequire(import.meta.url);
const nextIs = require('next/dist/lib/metadata/is-metadata-route.js') as {
  isMetadataRouteFile(path: string, pageExtensions: string[], strict: boolean): boolean;
  isStaticMetadataFile(path: string): boolean;
  isMetadataPage(page: string): boolean;
  isMetadataRoute(route: string): boolean;
};
const nextGet = require('next/dist/lib/metadata/get-metadata-route.js') as {
  normalizeMetadataRoute(page: string): string;
  normalizeMetadataPageToRoute(page: string, isDynamic: boolean): string;
  getStaticMetadataPrerenderPathname(pathname: string): string | null;
};
const nextHash = require('next/dist/shared/lib/hash.js') as { djb2Hash(str: string): number };

const DIRS = ['', '/blog', '/(group)', '/(a)/(b)', '/@slot', '/@children', '/blog/[id]', '/[...all]', '/[[...opt]]', '/(g)/[id]', '/a/b/c'];
const NAMES = [
  'robots', 'manifest', 'sitemap', 'favicon', 'icon', 'icon0', 'icon1', 'icon9', 'icon10', 'icon01', 'apple-icon', 'apple-icon2',
  'opengraph-image', 'opengraph-image3', 'twitter-image', 'twitter-image-abc123', 'icon-abc123', 'icon-ab12', 'icon1-abc123',
  'page', 'route', 'iconx', 'myicon', 'robot', 'sitemaps', 'favicon1',
];
const EXTENSIONS = ['', '.txt', '.xml', '.json', '.webmanifest', '.ico', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.tsx', '.ts', '.js', '.jsx', '.mdx', '.alt.txt', '.d.ts', '.png.bak'];
const PAGE_EXTENSIONS: string[][] = [[], ['tsx', 'ts', 'jsx', 'js'], ['js', 'jsx', 'ts', 'tsx', 'md', 'mdx'], ['page.tsx', 'page.ts']];

const paths = DIRS.flatMap((dir) => NAMES.flatMap((name) => EXTENSIONS.map((ext) => `${dir}/${name}${ext}`)));
// Characters that reach every branch of the regexes: separators, brackets, digits, dots, dashes.
const pathArb = fc
  .array(fc.constantFrom('/', '\\', 'icon', 'apple-', 'robots', 'sitemap', 'manifest', 'favicon', 'opengraph-image', 'twitter-image', '.png', '.tsx', '.xml', '.txt', '1', '0', '-abc123', '(g)', '@s', '[id]', 'x', '.'), { maxLength: 8 })
  .map((parts) => parts.join(''));

describe('is-metadata-route.ts', () => {
  it('isMetadataRouteFile agrees on every path, page extension set and strictness', () => {
    for (const pageExtensions of PAGE_EXTENSIONS) {
      for (const strict of [true, false]) {
        const mismatches = paths.filter((p) => isMetadataRouteFile(p, pageExtensions, strict) !== nextIs.isMetadataRouteFile(p, pageExtensions, strict));
        expect(mismatches).toEqual([]);
      }
    }
    // Not vacuous: both answers occur.
    expect(paths.filter((p) => isMetadataRouteFile(p, ['tsx'], true)).length).toBeGreaterThan(100);
    expect(paths.filter((p) => !isMetadataRouteFile(p, ['tsx'], true)).length).toBeGreaterThan(100);
  });

  it('isMetadataRouteFile agrees on generated paths', () => {
    fc.assert(
      fc.property(pathArb, fc.constantFrom(...PAGE_EXTENSIONS), fc.boolean(), (p, exts, strict) => {
        expect(isMetadataRouteFile(p, exts, strict)).toBe(nextIs.isMetadataRouteFile(p, exts, strict));
      }),
      { numRuns: 3000 },
    );
  });

  it('isStaticMetadataFile and isMetadataPage agree', () => {
    for (const p of paths) {
      expect([p, isStaticMetadataFile(p)]).toEqual([p, nextIs.isStaticMetadataFile(p)]);
      expect([p, isMetadataPage(p)]).toEqual([p, nextIs.isMetadataPage(p)]);
    }
  });

  it('isMetadataRoute agrees on app paths, with and without ids, groups and an app/ prefix', () => {
    const routes = paths.flatMap((p) => [`${p}/route`, `${p}/[__metadata_id__]/route`, `app${p}/route`, p, `${p}/page`]);
    const mismatches = routes.filter((r) => isMetadataRoute(r) !== nextIs.isMetadataRoute(r));
    expect(mismatches).toEqual([]);
    // The export step's test for a slot suffix of five characters (fixtures/next-app-metadata: /dash/@panel).
    expect(isMetadataRoute('/dash/opengraph-image-ze3pv/route')).toBe(false);
    expect(isMetadataRoute('/about/opengraph-image-1v42b1.png/route')).toBe(true);
  });
});

describe('get-metadata-route.ts', () => {
  it('djb2Hash agrees on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(djb2Hash(s)).toBe(nextHash.djb2Hash(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('normalizeMetadataRoute agrees, and metadataRouteOfPage is it for every metadata page', () => {
    const pages = paths.flatMap((p) => [p, `${p}/route`]);
    let metadataPages = 0;
    for (const page of pages) {
      expect([page, normalizeMetadataRoute(page)]).toEqual([page, nextGet.normalizeMetadataRoute(page)]);
      if (nextIs.isMetadataPage(page)) {
        metadataPages++;
        expect([page, metadataRouteOfPage(page)]).toEqual([page, nextGet.normalizeMetadataRoute(page)]);
      }
    }
    expect(metadataPages).toBeGreaterThan(500);
    // A group or slot suffix of the parent path; none for a sitemap.
    expect(normalizeMetadataRoute('/(marketing)/about/opengraph-image.png')).toBe('/(marketing)/about/opengraph-image-1v42b1.png/route');
    expect(normalizeMetadataRoute('/(docs)/docs/sitemap')).toBe('/(docs)/docs/sitemap/route');
  });

  it('normalizeMetadataPageToRoute agrees', () => {
    for (const page of paths.flatMap((p) => [p, `${p}/route`])) {
      for (const isDynamic of [true, false]) {
        expect([page, normalizeMetadataPageToRoute(page, isDynamic)]).toEqual([page, nextGet.normalizeMetadataPageToRoute(page, isDynamic)]);
      }
    }
  });

  it('getStaticMetadataPrerenderPathname agrees, placeholder segments and interception routes included', () => {
    const pathnames = [
      ...paths,
      ...['/(.)photo/[id]/icon.png', '/feed/(..)photo/[id]/icon.png', '/(..)photo/[id]/icon.png', '/a/b/(..)(..)c/[id]/icon.png', '/a/(..)(..)c/icon.png', '/x/(...)y/[id]/icon.png'],
      ...['/shop/[a]-[b]/icon.png', '/[lang]/docs/[...slug]/apple-icon.jpg', 'blog/[id]/twitter-image.gif'],
    ];
    const outcome = (fn: (p: string) => string | null, p: string): string | null => {
      try {
        return fn(p);
      } catch (error) {
        return `throws ${(error as Error).message}`;
      }
    };
    const mismatches = pathnames.filter((p) => outcome(getStaticMetadataPrerenderPathname, p) !== outcome(nextGet.getStaticMetadataPrerenderPathname, p));
    expect(mismatches).toEqual([]);
    expect(getStaticMetadataPrerenderPathname('/posts/[id]/icon.png')).toBe('/posts/-/icon.png');
    expect(getStaticMetadataPrerenderPathname('/posts/[id]/apple-icon-10u1bc.png')).toBeNull();
  });
});

describe("Turbopack's metadata file matcher (next_app/metadata/mod.rs match_metadata_file)", () => {
  const pageExtensions = ['tsx', 'ts', 'jsx', 'js'];

  it('takes numbered images with any number that fits a u32, where the JS page list takes one digit', () => {
    expect(matchMetadataFile('icon10.png', false, pageExtensions)).toEqual({ type: 'icon', dynamic: false });
    expect(matchMetadataFile('apple-icon4294967295.png', false, pageExtensions)).toEqual({ type: 'apple-icon', dynamic: false });
    expect(matchMetadataFile('icon4294967296.png', false, pageExtensions)).toBeUndefined();
    expect(isMetadataRouteFile('/icon10.png', pageExtensions, true)).toBe(false);
    expect(isMetadataRouteFile('/icon1.png', pageExtensions, true)).toBe(true);
  });

  it('keeps robots, manifest and favicon to the app folder itself, and never runs a favicon', () => {
    expect(matchMetadataFile('robots.ts', true, pageExtensions)).toEqual({ type: 'robots', dynamic: true });
    expect(matchMetadataFile('robots.txt', false, pageExtensions)).toBeUndefined();
    expect(matchMetadataFile('manifest.json', true, pageExtensions)).toEqual({ type: 'manifest', dynamic: false });
    expect(matchMetadataFile('favicon.ico', true, pageExtensions)).toEqual({ type: 'favicon', dynamic: false });
    expect(matchMetadataFile('favicon.tsx', true, pageExtensions)).toBeUndefined();
    expect(matchMetadataFile('sitemap.xml', false, pageExtensions)).toEqual({ type: 'sitemap', dynamic: false });
  });

  it('splits the name at its first dot, so alt texts and other compound names are no routes', () => {
    expect(matchMetadataFile('opengraph-image.alt.txt', false, pageExtensions)).toBeUndefined();
    expect(matchMetadataFile('icon.dark.png', false, pageExtensions)).toBeUndefined();
    expect(matchMetadataFile('icon', false, pageExtensions)).toBeUndefined();
  });

  it('agrees with the JS matcher on every file that is not a multi-digit numbered image', () => {
    for (const pageExts of PAGE_EXTENSIONS) {
      for (const p of paths) {
        const slash = p.lastIndexOf('/');
        const basename = p.slice(slash + 1);
        if (/^(icon|apple-icon|opengraph-image|twitter-image)\d{2,}/.test(basename) || basename.endsWith('.d.ts') || p.includes('\\')) continue;
        // Page extensions with a dot never appear as a JS regex alternative the way the Rust split sees them.
        if (pageExts.some((e) => e.includes('.'))) continue;
        const rust = matchMetadataFile(basename, slash === 0, pageExts) !== undefined;
        expect([p, pageExts, rust]).toEqual([p, pageExts, nextIs.isMetadataRouteFile(p, pageExts, true)]);
      }
    }
  });
});

describe('metadataSourceCandidates', () => {
  const codeExtensions = ['tsx', 'ts', 'jsx', 'js'];

  it('finds the source of every app path a metadata file gets', () => {
    const files = [
      '/robots.txt', '/robots.ts', '/manifest.json', '/manifest.webmanifest', '/manifest.ts', '/favicon.ico', '/sitemap.xml', '/sitemap.ts',
      '/blog/sitemap.js', '/(docs)/docs/sitemap.ts', '/icon1.png', '/icon2.tsx', '/(marketing)/about/opengraph-image.png',
      '/(marketing)/twitter-image.tsx', '/dash/@panel/opengraph-image.tsx', '/posts/[id]/(extra)/apple-icon.png', '/opengraph-image.tsx',
    ];
    for (const file of files) {
      const slash = file.lastIndexOf('/');
      const basename = file.slice(slash + 1);
      const dynamic = codeExtensions.some((e) => basename.endsWith(`.${e}`));
      const page = `${file.slice(0, slash)}/${dynamic ? basename.slice(0, basename.lastIndexOf('.')) : basename}`;
      for (const multi of dynamic ? [false, true] : [false]) {
        const appPath = normalizeMetadataPageToRoute(metadataRouteOfPage(page), multi);
        expect([appPath, metadataSourceCandidates(appPath, codeExtensions)]).toEqual([appPath, expect.arrayContaining([file])]);
      }
    }
  });
});
