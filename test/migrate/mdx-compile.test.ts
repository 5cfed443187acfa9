import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { MigrationContext } from '../../src/migrate/context.js';
import { addZfbMdxComponents, compileMdxPages } from '../../src/migrate/mdx.js';
import { OutputTree } from '../../src/migrate/output.js';
import { defaultNextConfig } from '../../src/project/discover.js';
import { REPO_ROOT } from '../helpers/engines.js';

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(REPO_ROOT, '.work', 'migrate-mdx-compile', name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

it('compiles with the named plugins, says which function plugins it lost, and imports src/mdx-components first', async () => {
  const files = { 'app/page.mdx': '| a |\n| - |\n| 1 |\n', 'src/mdx-components.tsx': 'export function useMDXComponents() { return {}; }\n', 'mdx-components.tsx': 'export function useMDXComponents() { return {}; }\n' };
  const dir = project('plugins', files);
  const ctx = new MigrationContext(dir, new OutputTree(), undefined);
  // A function plugin comes back from the config's process as null (load/cloneable.ts, then JSON).
  const next = { ...defaultNextConfig(), bundle: { ...defaultNextConfig().bundle, mdx: { extension: /\.mdx$/, options: { remarkPlugins: ['remark-gfm', null], providerImportSource: 'next-mdx-import-source-file' } } } };
  const page = (await compileMdxPages(ctx, ['app/page.mdx'], next, Object.keys(files))).get('app/page.mdx')!;
  if (!('code' in page)) throw new Error(page.error);
  expect(page.code).toContain('import {useMDXComponents as _provideComponents} from "../src/mdx-components";');
  // remark-gfm ran: the table is a table.
  expect(page.code).toContain('<_components.table>');
  expect(page.lossy).toEqual([{ kind: 'other', detail: '1 of the remarkPlugins in next.config.js are functions, not package names: the page was compiled without them' }]);
});

it('adds the default export zfb imports only when mdx-components.tsx has none', () => {
  const dir = project('components', { 'mdx-components.tsx': 'export default { h1: "h1" };\n' });
  const ctx = new MigrationContext(dir, new OutputTree(), undefined);
  ctx.tree.copy('mdx-components.tsx', path.join(dir, 'mdx-components.tsx'));
  addZfbMdxComponents(ctx);
  expect(ctx.tree.text('mdx-components.tsx')).toBeUndefined();
  ctx.tree.write('mdx-components.tsx', 'const c = {};');
  addZfbMdxComponents(ctx);
  expect(ctx.tree.text('mdx-components.tsx')).toBe('const c = {};\n\n// zfb imports this file\'s default export for its own .md/.mdx pages (added by zfb-next migrate).\nexport default {};\n');
});
