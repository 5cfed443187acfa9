import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModuleSession } from '../../src/load/load-modules.js';
import type { Diagnostic, Route } from '../../src/model/types.js';
import { discoverProject } from '../../src/project/discover.js';
import { nextAppSource } from '../../src/sources/next-app.js';

/**
 * Metadata routes in the app front-end: what a real build cannot show (diagnostics, providers), and the
 * failures that stop `next build`. The URLs themselves are compared with real builds in
 * test/conformance/next-metadata.test.ts.
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));

async function model(dir: string): Promise<{ routes: Route[]; diagnostics: Diagnostic[] }> {
  const project = await discoverProject(dir);
  const session = new ModuleSession(project.root);
  try {
    return await nextAppSource(project, session);
  } finally {
    session.close();
  }
}

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(repo, '.work', 'metadata-units', name);
  rmSync(dir, { recursive: true, force: true });
  // A root layout, as next build requires one above every page.
  const defaults = { 'package.json': '{ "private": true }', 'app/layout.tsx': 'export default function L({ children }) { return children; }', 'app/page.tsx': 'export default function P() { return null; }' };
  for (const [file, text] of Object.entries({ ...defaults, ...files })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const route = (result: { routes: Route[] }, pattern: string): Route => {
  const found = result.routes.find((r) => r.pattern === pattern);
  expect(found, `no route ${pattern}`).toBeDefined();
  return found!;
};

describe('fixtures/next-app-metadata', () => {
  let result: { routes: Route[]; diagnostics: Diagnostic[] };
  beforeAll(async () => {
    result = await model(path.join(repo, 'fixtures', 'next-app-metadata'));
  });

  it('names generateSitemaps and generateImageMetadata as the providers of one URL per id', () => {
    expect(route(result, '/products/sitemap/[__metadata_id__]').providers).toEqual([
      { file: 'app/products/sitemap.ts', function: 'generateSitemaps', keys: ['__metadata_id__'] },
    ]);
    expect(route(result, '/opengraph-image/[__metadata_id__]').providers).toEqual([
      { file: 'app/opengraph-image.tsx', function: 'generateImageMetadata', keys: ['__metadata_id__'] },
    ]);
    expect(route(result, '/products/sitemap/[__metadata_id__]').entries.map((e) => [e.url, e.params])).toEqual([
      ['/products/sitemap/0.xml', { __metadata_id__: '0.xml' }],
      ['/products/sitemap/1.xml', { __metadata_id__: '1.xml' }],
    ]);
  });

  it('keeps each route with its own source file, code or not', () => {
    expect(route(result, '/about/opengraph-image-1v42b1.png').file).toBe('app/(marketing)/about/opengraph-image.png');
    expect(route(result, '/docs/sitemap.xml').file).toBe('app/(docs)/docs/sitemap.ts');
    expect(route(result, '/sitemap.xml').file).toBe('app/sitemap.xml');
    expect(route(result, '/posts/[id]/apple-icon-10u1bc.png').file).toBe('app/posts/[id]/(extra)/apple-icon.png');
    expect(result.routes.some((r) => r.file.endsWith('.alt.txt'))).toBe(false);
  });

  it('says why each metadata route that prerenders nothing does so', () => {
    const said = result.diagnostics.map((d) => [d.severity, d.code, d.file]).sort();
    expect(said).toEqual([
      ['info', 'APP_FULLY_DYNAMIC', 'app/dash/@panel/opengraph-image.tsx'],
      ['info', 'APP_FULLY_DYNAMIC', 'app/forced/icon.tsx'],
      ['info', 'APP_FULLY_DYNAMIC', 'app/live/opengraph-image.tsx'],
      ['info', 'APP_FULLY_DYNAMIC', 'app/posts/[id]/opengraph-image.tsx'],
      ['info', 'APP_METADATA_NOT_PRERENDERED', 'app/icon10.png'],
      ['info', 'APP_METADATA_NOT_PRERENDERED', 'app/posts/[id]/(extra)/apple-icon.png'],
      ['info', 'APP_METADATA_PLACEHOLDER', 'app/posts/[id]/icon.png'],
      ['warning', 'GSP_APP_INCOMPLETE', 'app/posts/[id]/twitter-image.tsx'],
    ]);
    const message = (file: string) => result.diagnostics.find((d) => d.file === file)!.message;
    expect(message('app/live/opengraph-image.tsx')).toContain('calls headers(), a request-time API');
    expect(message('app/dash/@panel/opengraph-image.tsx')).toContain('suffix is shorter than six characters');
    expect(message('app/posts/[id]/opengraph-image.tsx')).toContain('A metadata file inherits no generateStaticParams');
    expect(message('app/posts/[id]/icon.png')).toContain('at /posts/-/icon.png, the URL its pages link to');
    const incomplete = result.diagnostics.find((d) => d.code === 'GSP_APP_INCOMPLETE')!;
    expect(incomplete.function).toBe('generateImageMetadata');
    expect(incomplete.message).toContain('inherits no generateStaticParams from the layouts or page of /posts/[id],');
  });
});

describe('metadata routes that stop next build, or that it renders on request', () => {
  it('a code metadata file without a default export fails, with the text of the route Next generates', async () => {
    const result = await model(project('no-default', { 'app/robots.ts': 'export const dynamic = "force-static";' }));
    expect(route(result, '/robots.txt').entries).toEqual([]);
    expect(result.diagnostics).toEqual([
      { severity: 'error', code: 'APP_METADATA_NO_DEFAULT', file: 'app/robots.ts', message: 'Default export is missing in "./robots.ts"' },
    ]);
  });

  it('an id missing from generateSitemaps fails the route with the generated function\'s error', async () => {
    const result = await model(
      project('sitemap-no-id', {
        'app/sitemap.ts': 'export function generateSitemaps() { return [{ id: 1 }, {}]; }\nexport default function sitemap() { return []; }',
      }),
    );
    expect(route(result, '/sitemap/[__metadata_id__]').entries).toEqual([]);
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.function, d.message])).toEqual([
      [
        'error',
        'GSP_APP_THREW',
        'generateSitemaps',
        'generateSitemaps in app/sitemap.ts threw for /sitemap/[__metadata_id__]: id property is required for every item returned from generateSitemaps',
      ],
    ]);
  });

  it("with output: 'export', a code metadata route must be static, as Next says", async () => {
    const result = await model(
      project('export-not-static', {
        'next.config.js': "module.exports = { output: 'export' };",
        'app/icon.tsx': 'export default function Icon() { return new Response("x"); }',
        'app/sitemap.ts': 'export function generateSitemaps() { return [{ id: 0 }]; }\nexport default function sitemap() { return []; }',
      }),
    );
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.file, d.message])).toEqual([
      [
        'error',
        'APP_EXPORT_ROUTE_HANDLER',
        'app/icon.tsx',
        'export const dynamic = "force-static"/export const revalidate not configured on route "/icon" with "output: export". See more info here: https://nextjs.org/docs/advanced-features/static-html-export',
      ],
    ]);
    expect(route(result, '/icon').entries).toEqual([]);
    expect(route(result, '/sitemap/[__metadata_id__]').entries.map((e) => e.url)).toEqual(['/sitemap/0.xml']);
  });

  it("with output: 'export', a file in a group below a dynamic segment fails (text of a real build)", async () => {
    const result = await model(
      project('export-grouped-file', {
        'next.config.js': "module.exports = { output: 'export' };",
        'app/posts/[id]/page.tsx': 'export function generateStaticParams() { return [{ id: "1" }]; }\nexport default function P() { return null; }',
        'app/posts/[id]/(x)/icon.png': 'png',
      }),
    );
    expect(route(result, '/posts/[id]/icon-1smwu1.png').entries).toEqual([]);
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      [
        'error',
        'APP_EXPORT_MISSING_GSP',
        'Page "/posts/[id]/icon-1smwu1.png" is missing "generateStaticParams()" so it cannot be used with "output: export" config. See more info here: https://nextjs.org/docs/messages/generate-static-params',
      ],
      ['info', 'APP_METADATA_NOT_PRERENDERED', expect.stringContaining('/posts/[id]/icon-1smwu1.png')],
    ]);
  });

  it('request-time APIs make a metadata route dynamic; with dynamic = "error" they fail it', async () => {
    const result = await model(
      project('request-apis', {
        'app/sitemap.ts': 'import { cookies } from "next/headers";\nexport default async function sitemap() { await cookies(); return []; }',
        'app/robots.ts': 'import { connection } from "next/server";\nexport default async function robots() { await connection(); return { rules: [] }; }',
        'app/icon.tsx': 'import { headers } from "next/headers";\nexport const dynamic = "error";\nexport default async function Icon() { await headers(); return new Response("x"); }',
        'app/manifest.ts': 'export default async function manifest() { await fetch("http://127.0.0.1:9/x", { cache: "no-store" }); return {}; }',
      }),
    );
    for (const pattern of ['/sitemap.xml', '/robots.txt', '/icon', '/manifest.webmanifest']) expect(route(result, pattern).entries).toEqual([]);
    const said = Object.fromEntries(result.diagnostics.map((d) => [d.file, [d.severity, d.code]]));
    expect(said).toEqual({
      'app/sitemap.ts': ['info', 'APP_FULLY_DYNAMIC'],
      'app/robots.ts': ['info', 'APP_FULLY_DYNAMIC'],
      'app/manifest.ts': ['info', 'APP_FULLY_DYNAMIC'],
      'app/icon.tsx': ['error', 'APP_DYNAMIC_ERROR'],
    });
    expect(result.diagnostics.find((d) => d.file === 'app/manifest.ts')!.message).toContain("fetch(…, { cache: 'no-store' })");
  });

  it("under output: 'export', a request-time API fails the route even with force-static", async () => {
    const result = await model(
      project('export-request-api', {
        'next.config.js': "module.exports = { output: 'export' };",
        'app/robots.ts': 'import { headers } from "next/headers";\nexport const dynamic = "force-static";\nexport default async function robots() { await headers(); return { rules: [] }; }',
      }),
    );
    expect(route(result, '/robots.txt').entries).toEqual([]);
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'APP_DYNAMIC_ERROR']]);
    // The text of a real export build of this file.
    expect(result.diagnostics[0]!.message).toBe(
      'Route /robots.txt with `dynamic = "error"` couldn\'t be rendered statically because it used `headers()`. See more info here: https://nextjs.org/docs/app/building-your-application/rendering/static-and-dynamic#dynamic-rendering',
    );
  });

  it('an image that throws at build time is said loudly, and its URL kept', async () => {
    const result = await model(
      project('throws', { 'app/opengraph-image.tsx': 'export default function Image() { throw new Error("no font"); }' }),
    );
    expect(route(result, '/opengraph-image').entries.map((e) => e.url)).toEqual(['/opengraph-image']);
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.function])).toEqual([['warning', 'APP_METADATA_RENDER', 'default']]);
    expect(result.diagnostics[0]!.message).toContain('threw: no font');
  });

  it('force-static keeps a metadata route prerendered whatever it calls', async () => {
    const result = await model(
      project('force-static', {
        'app/robots.ts': 'import { headers } from "next/headers";\nexport const dynamic = "force-static";\nexport default async function robots() { await headers(); return { rules: [] }; }',
      }),
    );
    expect(route(result, '/robots.txt').entries.map((e) => e.url)).toEqual(['/robots.txt']);
    expect(result.diagnostics).toEqual([]);
  });
});
