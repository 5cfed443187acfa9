// `zfb-next migrate` on a generated Next.js repository of 1,000 route files (pages and app halves, markdown
// read with fs), then the migrated project's `zfb build` beside the source's `next build`.
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { generateNextRepo } from './lib/next-repo.mjs';
import { OUT, REPO_ROOT, fmtMb, fmtMs, measure } from './lib/measure.mjs';

const CLI = path.join(REPO_ROOT, 'bin', 'zfb-next.js');
const NEXT = path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const ZFB = path.join(REPO_ROOT, 'node_modules', '@takazudo', 'zfb', 'bin', 'zfb.mjs');
const ROUTES = 1_000;

const outcome = (run) => (run.code === 0 ? fmtMs(run.ms) : `failed (exit ${run.code})`);

export default async function bench() {
  const source = generateNextRepo(path.join(OUT, `migrate-${ROUTES}`), ROUTES);
  const target = `${source}-zfb`;
  const migrate = await measure([CLI, 'migrate', source, '--out', target, '--force']);
  if (migrate.code !== 0) throw new Error(`migrate failed:\n${migrate.stderr}`);
  const rows = [
    {
      case: `${ROUTES} route files (zfb-next migrate)`,
      wall: fmtMs(migrate.ms),
      peak: fmtMb(migrate.peakMb),
      target: '< 10 s, < 1 GB',
      met: migrate.ms < 10_000 && migrate.peakMb < 1024 ? 'yes' : 'no',
    },
  ];
  // The output's dependencies are the ones this repository has installed (the bench runs offline).
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(target, 'node_modules'), 'dir');
  const zfb = await measure([ZFB, 'build'], { cwd: target });
  const next = await measure([NEXT, 'build'], { cwd: source });
  rows.push({ case: `${ROUTES} route files (zfb build of the output)`, wall: outcome(zfb), peak: fmtMb(zfb.peakMb), target: '', met: '' });
  rows.push({ case: `${ROUTES} route files (next build of the source)`, wall: outcome(next), peak: fmtMb(next.peakMb), target: '', met: '' });
  rows.push({
    case: 'next build / zfb build (what the user gains)',
    wall: zfb.code === 0 && next.code === 0 ? (next.ms / zfb.ms).toFixed(2) : 'n/a (a build failed)',
    peak: '',
    target: '',
    met: '',
  });
  return rows;
}
