import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MigrationContext } from '../../src/migrate/context.js';
import { OutputTree } from '../../src/migrate/output.js';
import { writeRedirects } from '../../src/migrate/redirects.js';
import type { MigrationReport } from '../../src/migrate/types.js';
import { defaultNextConfig } from '../../src/project/discover.js';
import { REPO_ROOT } from '../helpers/engines.js';
import { expectSameSite, migrateFixture } from './helpers.js';

// fixtures/migrate-redirects: a pages-router site whose next.config redirects() has a plain, a placeholder, a
// splat, an external (statusCode), a `basePath: false`, a `has` and a regex rule, beside a public/_redirects
// of the user's own. Built by the real next build, migrated, built by the real zfb build.
let source: string;
let out: string;
let report: MigrationReport;
let manifest: { source: string; destination: string; statusCode: number; internal?: boolean }[];

beforeAll(async () => {
  ({ source, out, report } = await migrateFixture('migrate-redirects'));
  manifest = (JSON.parse(readFileSync(path.join(source, '.next/routes-manifest.json'), 'utf8')) as { redirects: typeof manifest }).redirects.filter((r) => !r.internal);
}, 300_000);

/** A redirect of Next's routes-manifest in _redirects words: a final `:x*`/`:x+` is the splat `*` (`:splat`). */
function asLine(r: { source: string; destination: string; statusCode: number }): string {
  const splat = /:(\w+)[*+]$/.exec(r.source)?.[1];
  const destination = splat ? r.destination.replace(new RegExp(`:${splat}[*+]`), ':splat') : r.destination;
  return `${r.source.replace(/:\w+[*+]$/, '*')} ${destination} ${r.statusCode}`;
}

describe('migrate: next.config redirects into public/_redirects', () => {
  it('reports every rule with the status next build gave it (routes-manifest.json)', () => {
    expect(report.redirects.map((r) => [r.source, r.status])).toEqual(manifest.map((r) => [r.source, r.statusCode]));
    expect(report.redirects.map((r) => r.status)).toEqual([308, 307, 308, 301, 308, 307, 307]);
    expect(report.summary.redirects).toBe(5);
  });

  it('writes the rules after the user’s own lines, and zfb copies the file to dist/_redirects', () => {
    const written = manifest.filter((r) => !r.source.includes('(') && !['/mobile'].includes(r.source));
    const expected = [
      '# Rules of the host, kept by the migration',
      '/legacy /about 301',
      '# From next.config.js redirects(), written by zfb-next migrate.',
      '/old-about /about 308',
      '/blog/:slug /posts/:slug 307',
      // `/archive/:path*` matches /archive itself as well.
      '/archive /posts 308',
      '/archive/* /posts/:splat 308',
      '/moved https://example.com/moved?from=next 301',
      '/outside / 308',
      '',
    ].join('\n');
    expect(readFileSync(path.join(out, 'dist/_redirects'), 'utf8')).toBe(expected);
    expect(readFileSync(path.join(out, 'public/_redirects'), 'utf8')).toBe(expected);
    expect(statSync(path.join(out, 'public/_redirects')).mode).toBe(statSync(path.join(source, 'public/_redirects')).mode);
    // Each written rule's last line is the manifest's rule, placeholders aside.
    expect(report.redirects.filter((r) => r.lines.length > 0).map((r) => r.lines.at(-1))).toEqual(written.map(asLine));
  });

  it('lists the rules the format cannot express as not migrated, and no blanket note on redirects', () => {
    const notes = report.notMigrated.filter((n) => n.file === 'next.config.js#redirects');
    expect(notes.map((n) => n.reason.split(':')[0])).toEqual(['/mobile → /about', '/p/']);
    expect(notes[0]!.reason).toContain('`has`/`missing` conditions (header)');
    expect(notes[1]!.reason).toContain('":id(\\d{1,})" has no _redirects form');
    expect(report.redirects.filter((r) => r.notMigrated).map((r) => r.source)).toEqual(['/mobile', '/p/:id(\\d{1,})']);
    const md = readFileSync(path.join(out, 'MIGRATION-REPORT.md'), 'utf8');
    expect(md).toContain('| `/archive/:path*` | `/posts/:path*` | 308 | `/archive /posts 308`<br>`/archive/* /posts/:splat 308` |');
  });

  it('keeps the pages as they were', async () => {
    await expectSameSite(source, out, report);
  });

  it('puts basePath where next build does, except on `basePath: false` rules', () => {
    const rules = [
      { source: '/', destination: '/about', permanent: true },
      { source: '/old/:slug', destination: '/new/:slug', permanent: false },
      { source: '/ext', destination: 'https://example.com/', statusCode: 302 },
      { source: '/outside', destination: '/in', permanent: true, basePath: false },
    ];
    const ctx = new MigrationContext(source, new OutputTree(), undefined);
    const next = { ...defaultNextConfig(), basePath: '/base' };
    const lines = writeRedirects(ctx, next, rules).flatMap((r) => r.lines);
    // Next's own processing of the same rules (lib/load-custom-routes.js, as next build runs it).
    const nextRequire = createRequire(path.join(REPO_ROOT, 'package.json'));
    const { default: loadCustomRoutes } = nextRequire('next/dist/lib/load-custom-routes.js') as { default: (config: object) => Promise<{ redirects: { source: string; destination: string; statusCode?: number; permanent?: boolean; internal?: boolean }[] }> };
    return loadCustomRoutes({ basePath: '/base', redirects: async () => structuredClone(rules) }).then(({ redirects }) => {
      const processed = redirects.filter((r) => !r.internal).map((r) => ({ ...r, statusCode: r.statusCode ?? (r.permanent ? 308 : 307) }));
      expect(lines).toEqual(processed.map(asLine));
      expect(lines).toEqual(['/base /base/about 308', '/base/old/:slug /base/new/:slug 307', '/base/ext https://example.com/ 302', '/outside /in 308']);
    });
  });
});
