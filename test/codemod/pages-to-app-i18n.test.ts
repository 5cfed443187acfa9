import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pagesToApp from '../../codemods/pages-to-app/index.js';
import { discoverProject } from '../../src/project/discover.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { copyFixture, nextBuild, readJson, REPO_ROOT } from '../helpers/engines.js';

/**
 * pages-to-app on an i18n project: every page moves under app/[locale]/ with the locales Next built, and the
 * markers say what Next's i18n routing served beyond them. Checked against the real next build and server:
 * the prefixed URLs are the model's, the unprefixed default-locale ones are 404s, and the proxy.ts the marker
 * describes serves them again. (That Next served them unprefixed is proven on the same fixture in
 * zfb-semantic.test.ts.)
 */

const FIXTURE = 'codemod-zfb-pages-i18n';
const AREA = 'codemod/pages-to-app-i18n';

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** The runner's own steps: the project's i18n config, then every page file the transform accepts. */
async function migrate(dir: string): Promise<Map<string, string[]>> {
  const i18n = (await discoverProject(dir)).next?.i18n;
  expect(i18n).toEqual({ locales: ['en', 'fr', 'de'], defaultLocale: 'en' });
  const markers = new Map<string, string[]>();
  for (const file of files(path.join(dir, 'pages')).map((f) => `pages/${f}`)) {
    const result = pagesToApp({ path: file, source: readFileSync(path.join(dir, file), 'utf8'), i18n, readFile: () => undefined });
    if (result.source === null) continue;
    markers.set(result.outputPath!, result.markers.map((m) => m.reason));
    rmSync(path.join(dir, file));
    mkdirSync(path.dirname(path.join(dir, result.outputPath!)), { recursive: true });
    writeFileSync(path.join(dir, result.outputPath!), result.source);
  }
  return markers;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

type Answer = { status: number; location: string | null; text: string };

/** `next start` on a built copy: the status and first text element of each path, fetched with the given headers. */
async function serve(dir: string, paths: string[], headers: Record<string, string> = {}): Promise<Map<string, Answer>> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const server = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        await fetch(`${base}/en`);
        break;
      } catch (error) {
        if (i > 100) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const answers = new Map<string, Answer>();
    for (const p of paths) {
      const response = await fetch(base + p, { redirect: 'manual', headers });
      const html = (await response.text()).replace(/<!-- -->/g, '');
      answers.set(p, { status: response.status, location: response.headers.get('location'), text: /<(?:p|h1)>[^<]*<\/(?:p|h1)>|<a href="[^"]*"/.exec(html)?.[0] ?? '' });
    }
    return answers;
  } finally {
    server.kill();
  }
}

const withoutPrefix = (url: string): string => url.replace(/^\/en(?=\/|$)/, '') || '/';

const ROOT_LAYOUT = `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html>
      <body>{children}</body>
    </html>
  );
}
`;

/** What the marker tells the user to write: unprefixed paths rewritten to the default locale's. */
const PROXY = `import { NextResponse, type NextRequest } from 'next/server';

const locales = ['en', 'fr', 'de'];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (locales.some((l) => pathname === \`/\${l}\` || pathname.startsWith(\`/\${l}/\`))) return;
  return NextResponse.rewrite(new URL(\`/en\${pathname === '/' ? '' : pathname}\`, request.url));
}

export const config = { matcher: ['/((?!_next).*)'] };
`;

describe('pages-to-app moves an i18n project under app/[locale]/', () => {
  it('next serves exactly the locale-prefixed URLs; the unprefixed default-locale ones are 404s until a proxy.ts rewrites them, as the markers say', async () => {
    const model = await buildRouteModel(copyFixture(FIXTURE, `${AREA}/input`));
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const urls = model.routes.flatMap((r) => r.entries.map((e) => e.url)).sort();
    expect(urls).toHaveLength(19);
    const defaults = urls.filter((u) => /^\/en(?:\/|$)/.test(u));

    const dir = copyFixture(FIXTURE, `${AREA}/app`);
    const markers = await migrate(dir);
    expect([...markers.keys()].sort()).toEqual([
      'app/[locale]/about/page.tsx',
      'app/[locale]/blog/[slug]/page.tsx',
      'app/[locale]/docs/[[...slug]]/page.jsx',
      'app/[locale]/page.tsx',
    ]);
    const unprefixed = (pattern: string, prefixed: string) =>
      `Next also served the default locale 'en' without its prefix, at ${pattern} beside ${prefixed}; the app router has no i18n config (take i18n out of next.config, or next build fails on app/[locale] pages) and serves only ${prefixed}, so ${pattern} now gets a 404: add a proxy.ts (middleware.ts before Next 16) that rewrites a path without a locale prefix to the default locale's (${pattern} to ${prefixed} with NextResponse.rewrite), or redirects it there`;
    expect(markers.get('app/[locale]/blog/[slug]/page.tsx')).toEqual([unprefixed('/blog/[slug]', '/en/blog/[slug]')]);
    expect(markers.get('app/[locale]/page.tsx')).toEqual([
      unprefixed('/', '/en'),
      "Next redirected visitors of / whose Accept-Language prefers another locale to that locale (localeDetection, on by default); the app router detects no locale: in proxy.ts, match the Accept-Language header of a request for / against ['en', 'fr', 'de'] and redirect to the preferred one (e.g. /fr)",
    ]);
    expect(markers.get('app/[locale]/about/page.tsx')).toEqual([
      unprefixed('/about', '/en/about'),
      'getStaticProps reads defaultLocale from its context, which the app router does not pass',
    ]);

    // What the markers ask of the user: a root layout, the marked defaultLocale written out.
    writeFileSync(path.join(dir, 'app/layout.tsx'), ROOT_LAYOUT);
    edit(path.join(dir, 'app/[locale]/about/page.tsx'), '{ locale, defaultLocale }', '{ locale }');
    edit(path.join(dir, 'app/[locale]/about/page.tsx'), 'locale === defaultLocale', "locale === 'en'");
    // With i18n still in next.config, next build fails on the app/[locale] pages.
    const kept = await nextBuild(dir);
    expect(kept.code).not.toBe(0);
    expect(kept.stdout + kept.stderr).toMatch(/The provided export path '\/[^']*' doesn't match the '\/\[locale\][^']*' page\./);
    writeFileSync(path.join(dir, 'next.config.js'), 'module.exports = {};\n');

    const build = await nextBuild(dir);
    expect(build.code, build.stderr).toBe(0);
    // Every URL Next built under a locale, and no other: each static page too, once per locale.
    const manifest = readJson<{ routes: Record<string, unknown> }>(path.join(dir, '.next/prerender-manifest.json'));
    expect(Object.keys(manifest.routes).filter((u) => !u.startsWith('/_')).sort()).toEqual(urls);
    const served = await serve(dir, [...urls, ...defaults.map(withoutPrefix), '/xx/about']);
    for (const url of urls) expect(served.get(url)!.status, url).toBe(200);
    expect(served.get('/fr')!.text).toBe('<h1>Bonjour</h1>');
    expect(served.get('/de/about')!.text).toBe('<p>about:de:other</p>');
    // The loader gets the locale beside the params, as Next's getStaticProps did (zfb-semantic.test.ts).
    expect(served.get('/de/blog/shared')!.text).toBe('<p>de:shared:slug</p>');
    for (const url of defaults.map(withoutPrefix)) expect(served.get(url)!.status, url).toBe(404);
    expect(served.get('/xx/about')!.status).toBe(404);
    // No locale detection: / is a 404 for any Accept-Language.
    expect((await serve(dir, ['/'], { 'accept-language': 'fr' })).get('/')!.status).toBe(404);

    // The proxy.ts the marker describes serves the default locale unprefixed again. The app router's <Link>
    // keeps its href as written, on every locale's page.
    writeFileSync(path.join(dir, 'proxy.ts'), PROXY);
    edit(path.join(dir, 'app/[locale]/page.tsx'), 'return <h1>{greeting}</h1>;', 'return <Link href="/about">{greeting}</Link>;');
    writeFileSync(path.join(dir, 'app/[locale]/page.tsx'), `import Link from 'next/link';\n${readFileSync(path.join(dir, 'app/[locale]/page.tsx'), 'utf8')}`);
    const proxied = await nextBuild(dir);
    expect(proxied.code, proxied.stderr).toBe(0);
    const rewritten = await serve(dir, [...defaults, ...defaults.map(withoutPrefix), '/fr']);
    for (const url of defaults) {
      const answer = rewritten.get(withoutPrefix(url))!;
      expect(answer.status, url).toBe(200);
      expect(answer.text, url).toBe(rewritten.get(url)!.text);
      expect(answer.text, url).not.toBe('');
    }
    expect(rewritten.get('/fr')!.text).toBe('<a href="/about"');
  }, 300_000);
});
