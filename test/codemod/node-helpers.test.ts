import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummary, runCodemod } from '../../src/codemod/run.js';
import { copyFixture, ZFB_CONFIG, zfbBuild } from '../helpers/engines.js';

/**
 * A page that reads its data through helper modules (`lib/posts.ts` → `lib/read.ts` with node:fs, an aliased
 * `@/lib/cms` with fetch): pages-to-zfb marks each import that leads there, naming the helper and the API, and
 * the real zfb build of the output fails there as the marker says (and drops the route). An import used only as a type brings no code and
 * is not marked.
 */

const FIXTURE = 'codemod-node-helpers';

describe('Node-only APIs reached through helper modules', () => {
  it('pages-to-zfb names the helper and the API at the import, and zfb fails there', async () => {
    const dir = copyFixture(FIXTURE, 'codemod/node-helpers');
    const summary = await runCodemod({ name: 'pages-to-zfb', paths: ['pages'], cwd: dir, force: true });
    expect(summary.counts).toMatchObject({ changed: 1, failed: 0, marked: 1 });
    const printed = formatSummary(summary);
    const tail = ': zfb runs paths() and pages in V8 without Node, where these fail: produce this data before the build (a JSON file the page imports)';
    expect(printed).toContain(`marker pages/blog/[slug].tsx:1: lib/read.ts (through lib/posts.ts) uses 'node:fs' (line 1)${tail}`);
    expect(printed).toContain(`marker pages/blog/[slug].tsx:3: lib/cms.ts uses fetch() (line 2)${tail}`);
    expect(printed).not.toContain('lib/types.ts');
    const page = readFileSync(path.join(dir, 'pages/blog/[slug].tsx'), 'utf8').split('\n');
    expect(page[0]).toMatch(/^\/\* @zfb-next-todo: lib\/read\.ts \(through lib\/posts\.ts\)/);
    expect(page[1]).toBe("import { allPosts } from '../../lib/posts';");

    rmSync(path.join(dir, 'next.config.js'));
    writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
    writeFileSync(path.join(dir, 'zfb.config.json'), JSON.stringify(ZFB_CONFIG));
    // zfb skips the whole route, with a warning, and exits 0 (reference: zfb-engine.md §3.2).
    const zfb = await zfbBuild(dir);
    expect(zfb.stdout + zfb.stderr).toContain('paths() threw for "/blog/:slug": node:* is not available under the SSG runtime');
    expect(existsSync(path.join(dir, 'dist/blog/hello/index.html'))).toBe(false);
  });
});
