import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';
import { formatSummary, runCodemod } from '../../src/codemod/run.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { copyFixture, FIXTURES } from '../helpers/engines.js';

/**
 * getStaticPaths and getStaticProps exported in the shapes real projects use besides plain functions: a member
 * of another module's object (`= Loader.getStaticPaths`), a destructured factory result, a specifier of
 * destructured locals, CommonJS. Each is carried over or left as it was with a marker; the route model of the
 * output (its modules executed) lists every URL the original listed, and no route whose function is missing.
 */

const AREA = 'codemod/export-forms';
const FIXTURE = 'codemod-export-forms';

/** Pattern → its URLs, after asserting the model has no error (a function that no longer exists is one). */
function urlsByPattern(model: RouteModel): Record<string, string[]> {
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return Object.fromEntries(model.routes.map((r) => [r.pattern, r.entries.map((e) => e.url).sort()]));
}

const UNCHANGED = ['pages/alias/[slug].tsx', 'pages/commonjs/[slug].js', 'pages/factory/[slug].tsx'];

function markedOnly(dir: string, file: string): string {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const original = readFileSync(path.join(FIXTURES, FIXTURE, file), 'utf8');
  // Nothing but whole marker lines was added.
  expect(text.split('\n').filter((line) => !line.includes('@zfb-next-todo')).join('\n')).toBe(original);
  return text;
}

describe('export forms', () => {
  it('pages-to-app: a member export is carried over, the other forms stay with a marker, and every URL survives', async () => {
    const dir = copyFixture(FIXTURE, `${AREA}/app`);
    const before = urlsByPattern(await buildRouteModel(dir));
    expect(before['/member/[slug]']).toEqual(['/member/first', '/member/second']);

    const summary = await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir, force: true });
    expect(summary.counts.failed).toBe(0);
    expect(summary.files.find((f) => f.file === 'pages/member/[slug].tsx')?.movedTo).toBe('app/member/[slug]/page.tsx');
    const printed = formatSummary(summary);
    expect(printed).toContain('marker pages/factory/[slug].tsx:3: getStaticPaths is exported through a destructuring pattern');
    expect(printed).toContain('marker pages/alias/[slug].tsx:4: getStaticPaths is exported from `listAliases`');
    expect(printed).toContain('marker pages/commonjs/[slug].js:6: getStaticPaths is exported through CommonJS (module.exports)');
    for (const file of UNCHANGED) expect(markedOnly(dir, file)).toContain('@zfb-next-todo');

    expect(urlsByPattern(await buildRouteModel(dir))).toEqual(before);
    // A second run changes nothing: the markers are there already.
    const again = await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir, force: true });
    expect(again.counts.changed).toBe(0);
  });

  it('pages-to-zfb: the same forms, the same URLs', async () => {
    const dir = copyFixture(FIXTURE, `${AREA}/zfb`);
    const before = urlsByPattern(await buildRouteModel(dir));
    const summary = await runCodemod({ name: 'pages-to-zfb', paths: ['pages'], cwd: dir, force: true });
    expect(summary.counts.failed).toBe(0);
    expect(readFileSync(path.join(dir, 'pages/member/[slug].tsx'), 'utf8')).toContain('export async function paths()');
    for (const file of UNCHANGED) expect(markedOnly(dir, file)).toContain('@zfb-next-todo');
    expect(urlsByPattern(await buildRouteModel(dir))).toEqual(before);
  });
});
