// `zfb-next diff` on two route tables of 100,000 URLs with 1% changes: wall time and peak memory per format.
import { statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, fmtMb, fmtMs, freshDir, measure, write } from './lib/measure.mjs';

const CLI = path.join(REPO_ROOT, 'bin', 'zfb-next.js');
const ROUTES = 100;
const PER_ROUTE = 1_000;

/**
 * Routes JSON (contract version 1) for 100 dynamic routes of 1,000 URLs each. The head side drops every
 * 200th URL (500 removed), adds 500 new ones, moves one route's file and flips one route's fallback:
 * 1% of the URLs change.
 */
function table(side) {
  const routes = [];
  for (let r = 0; r < ROUTES; r++) {
    const pattern = `/section-${r}/[slug]`;
    const file = side === 'head' && r === 1 ? `app/section-${r}/[slug]/page.tsx` : `pages/section-${r}/[slug].tsx`;
    const entries = [];
    for (let i = 0; i < PER_ROUTE; i++) {
      const n = r * PER_ROUTE + i;
      if (side === 'head' && n % 200 === 0) continue;
      entries.push({ url: `/section-${r}/post-${i}`, params: { slug: `post-${i}` } });
    }
    if (side === 'head') for (let i = 0; i < PER_ROUTE / 200; i++) entries.push({ url: `/section-${r}/new-${i}`, params: { slug: `new-${i}` } });
    routes.push({
      pattern,
      segments: [{ kind: 'static', value: `section-${r}` }, { kind: 'dynamic', name: 'slug' }],
      file,
      origin: 'next-pages',
      kind: 'page',
      providers: [{ file, function: 'getStaticPaths', keys: ['slug'] }],
      unmatched: side === 'head' && r === 2 ? 'blocking' : 'not-found',
      entries,
    });
  }
  return JSON.stringify({ version: 1, root: '.', routes, diagnostics: [] }, null, 2) + '\n';
}

export default async function bench() {
  const dir = freshDir('diff');
  const base = path.join(dir, 'base.json');
  const head = path.join(dir, 'head.json');
  write(base, table('base'));
  write(head, table('head'));
  const rows = [];
  for (const format of ['json', 'md', 'junit', 'html']) {
    const output = path.join(dir, `report.${format}`);
    const run = await measure([CLI, 'diff', base, head, '--format', format, '--output', output, '--fail-on', 'none'], {
      env: { GITHUB_STEP_SUMMARY: '' },
    });
    if (run.code !== 0) throw new Error(`diff --format ${format} failed (exit ${run.code}):\n${run.stderr}`);
    const isJson = format === 'json';
    rows.push({
      case: `100,000 URLs, 1% changed, --format ${format}`,
      wall: fmtMs(run.ms),
      peak: fmtMb(run.peakMb),
      output: fmtMb(statSync(output).size / 1024 / 1024),
      target: isJson ? '< 1 s, < 300 MB' : '',
      met: isJson ? (run.ms < 1000 && run.peakMb < 300 ? 'yes' : 'no') : '',
    });
  }
  return rows;
}
