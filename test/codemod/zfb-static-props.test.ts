import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/codemod/run.js';
import { copyFixture, nextBuild, ZFB_CONFIG, zfbBuild } from '../helpers/engines.js';

/**
 * A static page's getStaticProps after pages-to-zfb. zfb 0.1.0-next.89 calls it with no argument and fails
 * the build on a result without `props`; next build passed it a context. The migrated page must render what
 * Next rendered (the context is carried as the parameter's default), and the marker on a redirect must say
 * what zfb really does with it.
 */

const AREA = 'codemod/zfb-static-props';
const FIXTURE = 'codemod-zfb-static-props';

/** The project as zfb builds it: the migrated pages, zfb's config instead of Next's. */
function asZfbProject(dir: string): void {
  rmSync(path.join(dir, 'next.config.js'));
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(path.join(dir, 'zfb.config.json'), JSON.stringify(ZFB_CONFIG));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'preact', module: 'ESNext', moduleResolution: 'Bundler', strict: false } }),
  );
}

describe('pages-to-zfb on static pages with getStaticProps', () => {
  it('zfb renders what next build rendered from the context it passed', { timeout: 300_000 }, async () => {
    const original = copyFixture(FIXTURE, `${AREA}/next`);
    rmSync(path.join(original, 'pages/moved.tsx'));
    const next = await nextBuild(original);
    expect(next.code).toBe(0);
    const nextHtml = readFileSync(path.join(original, '.next/server/pages/about.html'), 'utf8');
    expect(nextHtml).toContain('<p>built for build, locale none</p>');

    const dir = copyFixture(FIXTURE, `${AREA}/zfb`);
    rmSync(path.join(dir, 'pages/moved.tsx'));
    const summary = await runCodemod({ name: 'pages-to-zfb', paths: ['pages'], cwd: dir, force: true });
    expect(summary.counts).toMatchObject({ changed: 1, failed: 0, marked: 0 });
    expect(readFileSync(path.join(dir, 'pages/about.tsx'), 'utf8')).toContain(
      "getStaticProps({ locale, revalidateReason } = { locales: [], locale: undefined, defaultLocale: undefined, revalidateReason: 'build' })",
    );
    asZfbProject(dir);
    const zfb = await zfbBuild(dir);
    expect(zfb.stderr).not.toContain('must return');
    expect(zfb.code).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/about/index.html'), 'utf8')).toContain('<p>built for build, locale none</p>');
  });

  it('a redirect on a static page is marked with the error zfb stops the build with', async () => {
    const dir = copyFixture(FIXTURE, `${AREA}/redirect`);
    rmSync(path.join(dir, 'pages/about.tsx'));
    const summary = await runCodemod({ name: 'pages-to-zfb', paths: ['pages'], cwd: dir, force: true });
    const reason = summary.files[0]!.markers[0]!.reason;
    expect(reason).toBe(
      'redirect on a static page: the zfb build fails ("getStaticProps() for "/moved" must return { props: {...} }"): delete the page and add the redirect to your host (e.g. public/_redirects)',
    );
    asZfbProject(dir);
    const zfb = await zfbBuild(dir);
    expect(zfb.code).not.toBe(0);
    expect(zfb.stdout + zfb.stderr).toContain('getStaticProps() for "/moved" must return { props: {...} }');
  });
});
