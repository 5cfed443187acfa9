import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModuleSession } from '../../src/load/load-modules.js';
import { defaultNextConfig } from '../../src/project/discover.js';
import type { Diagnostic, Route } from '../../src/model/types.js';
import type { NextProjectConfig, Project } from '../../src/project/types.js';
import { nextAppSource } from '../../src/sources/next-app.js';

/** nextAppSource on small throw-away app directories: bad input becomes diagnostics, never lost routes. */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const PAGE = 'export default function Page() { return null; }\n';

async function run(files: Record<string, string>, config: Partial<NextProjectConfig> = {}): Promise<{ routes: Route[]; diagnostics: Diagnostic[] }> {
  const root = mkdtempSync(path.join(tmpdir(), 'next-app-source-'));
  made.push(root);
  // A root layout, as next build requires one above every page.
  for (const [name, text] of Object.entries({ 'app/layout.js': 'export default function L({ children }) { return children; }\n', ...files })) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const project: Project = {
    root,
    kind: 'next',
    appDir: path.join(root, 'app'),
    next: { ...defaultNextConfig(), ...config },
  };
  const session = new ModuleSession(root);
  try {
    return await nextAppSource(project, session);
  } finally {
    session.close();
  }
}

const gsp = (body: string) => `export async function generateStaticParams({ params }) { ${body} }\n${PAGE}`;
const codes = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.map((d) => d.code);

describe('nextAppSource: bad input', () => {
  it('reports a syntax error with its line and column, and still lists every route', async () => {
    const r = await run({
      'app/ok/[id]/page.js': gsp(`return [{ id: 'fine' }];`),
      'app/broken/[id]/page.js': `${PAGE}export async function generateStaticParams() {\n  return [{ id: 'x' ];\n}\n`,
    });
    expect(r.routes.map((x) => x.pattern).sort()).toEqual(['/broken/[id]', '/ok/[id]']);
    expect(r.routes.find((x) => x.pattern === '/ok/[id]')!.entries.map((e) => e.url)).toEqual(['/ok/fine']);
    expect(r.routes.find((x) => x.pattern === '/broken/[id]')!.entries).toEqual([]);
    const load = r.diagnostics.find((d) => d.code === 'MODULE_LOAD')!;
    expect(load).toMatchObject({ severity: 'error', file: 'app/broken/[id]/page.js', line: 3, column: 21 });
  });

  it('reports a throwing generateStaticParams with the route, the params it got and the message', async () => {
    const r = await run({
      'app/t/[a]/layout.js': `export async function generateStaticParams() { return [{ a: '1' }]; }\nexport default function L({ children }) { return children; }\n`,
      'app/t/[a]/[b]/page.js': gsp(`throw new Error('database offline');`),
    });
    const route = r.routes.find((x) => x.pattern === '/t/[a]/[b]')!;
    expect(route.entries).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'GSP_APP_THREW',
        file: 'app/t/[a]/[b]/page.js',
        function: 'generateStaticParams',
        message: 'generateStaticParams in app/t/[a]/[b]/page.js threw for /t/[a]/[b] (called with params {"a":"1"}): database offline',
      },
    ]);
  });

  it('gives Next\'s exact text for bad return values, entries and param types', async () => {
    const r = await run({
      'app/ret/[id]/page.js': gsp(`return { id: '1' };`),
      'app/entry/[id]/page.js': gsp(`return [{ id: '1' }, 'two'];`),
      'app/num/[id]/page.js': gsp(`return [{ id: 1 }];`),
      'app/all/[...s]/page.js': gsp(`return [{ s: 'a/b' }];`),
    });
    const byFile = Object.fromEntries(r.diagnostics.map((d) => [d.file, [d.code, d.message]]));
    expect(byFile).toEqual({
      'app/ret/[id]/page.js': [
        'GSP_APP_INVALID_RETURN',
        'Invalid value returned from generateStaticParams for "/ret/[id]". Expected an array, but received type object. See more info here: https://nextjs.org/docs/messages/generate-static-params',
      ],
      'app/entry/[id]/page.js': [
        'GSP_APP_INVALID_ENTRY',
        'Invalid value at index 1 returned from generateStaticParams for "/entry/[id]". Expected an object, but received type string. See more info here: https://nextjs.org/docs/messages/generate-static-params',
      ],
      'app/num/[id]/page.js': ['GSP_APP_MISSING_PARAM', 'A required parameter (id) was not provided as a string received number in generateStaticParams for /num/[id]'],
      'app/all/[...s]/page.js': ['GSP_APP_MISSING_PARAM', 'A required parameter (s) was not provided as an array received string in generateStaticParams for /all/[...s]'],
    });
    expect(r.routes.every((x) => x.entries.length === 0)).toBe(true);
  });

  it('explains the incomplete params object that makes Next drop the whole route', async () => {
    const r = await run({ 'app/x/[a]/[b]/page.js': gsp(`return [{ a: '1', b: '2' }, { a: '3' }];`) });
    expect(r.routes[0]!.entries).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'GSP_APP_INCOMPLETE', file: 'app/x/[a]/[b]/page.js', function: 'generateStaticParams' });
    expect(r.diagnostics[0]!.message).toBe(
      'generateStaticParams in app/x/[a]/[b]/page.js produced the params object {"a":"3"}, which has no "b". Because one params object is incomplete, ' +
        'Next.js discards every generated URL of /x/[a]/[b] (2 params objects in all) and renders each URL on first request instead; a static build gets no page for it.',
    );
  });

  it('under output: export, the incomplete object is an error with Next\'s text plus our explanation', async () => {
    const r = await run({ 'app/x/[a]/[b]/page.js': gsp(`return [{ a: '1', b: '2' }, { a: '3' }];`) }, { output: 'export' });
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['error', 'APP_EXPORT_INCOMPLETE'],
      ['error', 'GSP_APP_INCOMPLETE'],
    ]);
    expect(r.diagnostics[0]!.message).toBe(
      'Page "/x/[a]/[b]" returned incomplete params from "generateStaticParams()". With "output: export", every params object must include all dynamic route parameters. Missing: "b". See more info here: https://nextjs.org/docs/messages/generate-static-params',
    );
    expect(r.diagnostics[1]!.message).toContain('{"a":"3"}');
  });

  it('reports the output: export errors for dynamicParams = true, an empty result and a missing generateStaticParams', async () => {
    const r = await run(
      {
        'app/dp/[id]/page.js': `export const dynamicParams = true;\n${gsp(`return [{ id: '1' }];`)}`,
        'app/empty/[id]/page.js': gsp('return [];'),
        'app/missing/[id]/page.js': PAGE,
        'app/page.js': PAGE,
      },
      { output: 'export' },
    );
    expect(Object.fromEntries(r.diagnostics.map((d) => [d.file, d.code]))).toEqual({
      'app/dp/[id]/page.js': 'APP_EXPORT_DYNAMIC_PARAMS',
      'app/empty/[id]/page.js': 'APP_EXPORT_EMPTY',
      'app/missing/[id]/page.js': 'APP_EXPORT_MISSING_GSP',
    });
    expect(r.diagnostics.find((d) => d.code === 'APP_EXPORT_MISSING_GSP')!.message).toBe(
      'Page "/missing/[id]" is missing "generateStaticParams()" so it cannot be used with "output: export" config. See more info here: https://nextjs.org/docs/messages/generate-static-params',
    );
    expect(r.routes.find((x) => x.pattern === '/')!.entries).toEqual([{ url: '/', params: {} }]);
  });

  it('reports the dynamicParams = false layout whose param is missing', async () => {
    const r = await run({
      'app/x/[a]/layout.js': `export async function generateStaticParams() { return [{ a: '1' }]; }\nexport default function L({ children }) { return children; }\n`,
      'app/x/[a]/[b]/layout.js': `export const dynamicParams = false;\nexport default function L({ children }) { return children; }\n`,
      'app/x/[a]/[b]/page.js': PAGE,
    });
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'APP_DYNAMIC_PARAMS_MISSING',
        file: 'app/x/[a]/[b]/layout.js',
        message: 'Segment "app/x/[a]/[b]/layout.js" exports "dynamicParams: false" but the param "b" is missing from the generated route params.',
      },
    ]);
  });

  it('warns about a param that is a dot segment', async () => {
    const r = await run({ 'app/d/[...s]/page.js': gsp(`return [{ s: ['ok'] }, { s: ['a', '..'] }];`) });
    expect(r.routes[0]!.entries.map((e) => e.url)).toEqual(['/d/ok', '/d/a/..']);
    expect(r.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'APP_PARAM_DOT_SEGMENT',
        file: 'app/d/[...s]/page.js',
        function: 'generateStaticParams',
        message: 'The param s = ["a",".."] of /d/[...s] (URL /d/a/..) is the path segment "..": a static build would write it outside the route\'s folder.',
      },
    ]);
  });

  it('reports ambiguous routes with validateAppPaths\' text and keeps both routes', async () => {
    const r = await run({
      'app/(g1)/blog/[id]/page.js': PAGE,
      'app/(g2)/blog/[slug]/page.js': PAGE,
    });
    expect(r.routes.map((x) => x.pattern).sort()).toEqual(['/blog/[id]', '/blog/[slug]']);
    const conflict = r.diagnostics.find((d) => d.code === 'APP_ROUTE_CONFLICT')!;
    expect(conflict.message).toContain('Ambiguous route pattern "/blog/[*]" matches multiple routes:\n  - /blog/[id]\n  - /blog/[slug]');
  });

  it('under Cache Components, an empty generateStaticParams is an error and unmatched URLs get a fallback shell', async () => {
    const r = await run(
      {
        'app/e/[id]/page.js': gsp('return [];'),
        'app/f/[id]/page.js': gsp(`return [{ id: '1' }];`),
      },
      { cacheComponents: true },
    );
    expect(codes(r)).toEqual(['GSP_APP_EMPTY']);
    expect(r.diagnostics[0]!.message).toMatch(/^When using Cache Components, all `generateStaticParams` functions must return at least one result\./);
    const f = r.routes.find((x) => x.pattern === '/f/[id]')!;
    expect([f.unmatched, f.entries.map((e) => e.url)]).toEqual(['fallback', ['/f/1']]);
  });
});
