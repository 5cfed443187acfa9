import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationContext } from '../../src/migrate/context.js';
import { migrateStaticImages } from '../../src/migrate/images.js';
import { OutputTree } from '../../src/migrate/output.js';
import { compileTailwindModules, tailwindNotes, writeGlobalCss } from '../../src/migrate/styles.js';
import { pathAliases } from '../../src/migrate/tsconfig.js';
import { FIXTURES } from '../helpers/engines.js';

// What migrate writes for Tailwind stylesheets and static image imports, on small projects; the real builds
// of both are in tailwind-image.test.ts.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string | Buffer>): MigrationContext {
  const root = mkdtempSync(path.join(tmpdir(), 'zfbn-styles-'));
  dirs.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return new MigrationContext(root, new OutputTree(), undefined);
}

describe('Tailwind in the global stylesheet', () => {
  it("puts Tailwind's imports first and points its paths at the same files from styles/", () => {
    const ctx = project({
      'src/app/layout.tsx': "import './globals.css';\n",
      'src/app/globals.css': [
        '@import "./base.css";',
        '@import "tailwindcss" source("../components");',
        '@source "../../content/";',
        '@source not "./legacy";',
        '@config "../../tailwind.config.js";',
        '@plugin "./plugins/x.js";',
        '@plugin "@tailwindcss/typography";',
        '@theme { --color-brand: #123456; }',
        '',
      ].join('\n'),
      'src/app/base.css': 'h1 { margin: 0; }\n',
    });
    const css = writeGlobalCss(ctx, ['src/app/layout.tsx'], pathAliases({}), false);
    expect(css).toMatchObject({ tailwind: true, tailwindV3: false, written: true });
    expect(ctx.tree.text('styles/global.css')!.split('\n')).toEqual([
      "/* The site's global styles, in the order Next.js loaded them (zfb reads styles/global.css as its stylesheet entry). */",
      '@import "tailwindcss" source("../src/components");',
      '',
      '/* src/app/globals.css */',
      'h1 { margin: 0; }',
      '',
      '@source "../content/";',
      '@source not "../src/app/legacy";',
      '@config "../tailwind.config.js";',
      '@plugin "../src/app/plugins/x.js";',
      '@plugin "@tailwindcss/typography";',
      '@theme { --color-brand: #123456; }',
      '',
    ]);
  });

  it('gives Tailwind v3 directives the tailwind.config that v3 read by itself', () => {
    const ctx = project({
      'pages/_app.tsx': "import '../styles/globals.css';\n",
      'styles/globals.css': '@tailwind base;\n@tailwind components;\n@tailwind utilities;\n',
      'tailwind.config.js': 'module.exports = { content: ["./pages/**/*.tsx"] };\n',
    });
    expect(writeGlobalCss(ctx, ['pages/_app.tsx'], pathAliases({}), false)).toMatchObject({ tailwind: true, tailwindV3: true });
    expect(ctx.tree.text('styles/global.css')).toContain('entry). */\n@config "../tailwind.config.js";\n\n/* styles/globals.css */\n@tailwind base;');
  });

  it('leaves Tailwind off for a site that does not use it (zfb would add its preflight)', () => {
    const ctx = project({ 'pages/_app.tsx': "import '../styles/a.css';\n", 'styles/a.css': '@import url("https://fonts.example/x.css");\nbody { color: red; }\n' });
    expect(writeGlobalCss(ctx, ['pages/_app.tsx'], pathAliases({}), false)).toMatchObject({ tailwind: false, tailwindV3: false });
  });

  it('names the PostCSS plugins that no longer run, and Tailwind v3', async () => {
    const ctx = project({ 'postcss.config.mjs': "export default { plugins: { '@tailwindcss/postcss': {}, autoprefixer: {}, 'postcss-nesting': false } };\n" });
    expect(await tailwindNotes(ctx, true)).toEqual([
      { file: 'postcss.config.mjs', reason: 'zfb runs its built-in Tailwind 4.2.0 over styles/global.css and no PostCSS: autoprefixer no longer run' },
      { file: 'styles/global.css', reason: expect.stringContaining("Tailwind v3 directives (@tailwind base/components/utilities); zfb's Tailwind is 4.2.0") },
    ]);
    expect(await tailwindNotes(project({ 'postcss.config.mjs': "export default { plugins: ['@tailwindcss/postcss'] };\n" }), false)).toEqual([]);
  });
});

it('names a CSS module that uses Tailwind when there is no PostCSS config to compile it with', async () => {
  const ctx = project({ 'components/a.module.css': '.a { @apply p-4; }\n', 'components/b.module.css': '.b { padding: 1rem; }\n' });
  for (const file of ['components/a.module.css', 'components/b.module.css']) ctx.tree.copy(file, ctx.abs(file));
  expect(await compileTailwindModules(ctx)).toEqual([{ file: 'components/a.module.css', reason: expect.stringContaining('uses Tailwind (@apply, @reference, theme()) but the project has no PostCSS config') }]);
  expect(ctx.tree.files.get('components/a.module.css')).toMatchObject({ kind: 'copy' });
});

describe('static image imports', () => {
  const png = readFileSync(path.join(FIXTURES, 'migrate-tailwind-image/images/tent.png'));
  const jpg = readFileSync(path.join(FIXTURES, 'migrate-tailwind-image/images/boots.jpg'));

  function withImages(files: Record<string, string | Buffer>): MigrationContext {
    const ctx = project(files);
    for (const file of Object.keys(files)) ctx.tree.copy(file, ctx.abs(file));
    return ctx;
  }

  it('gives each image one module and one public copy, and every import of it the module', () => {
    const ctx = withImages({
      'images/tent.png': png,
      'images/boots.jpg': jpg,
      'lib/a.ts': "import tent from '../images/tent.png';\nimport boots from \"@/images/boots.jpg\";\nexport const list = [tent, boots];\n",
      'app/page.tsx': "const tent = await import('../images/tent.png');\nexport default function P() { return null; }\n",
    });
    const images = migrateStaticImages(ctx, pathAliases({ compilerOptions: { paths: { '@/*': ['./*'] } } }));
    expect(images.map(({ image, module, width, height }) => ({ image, module, width, height }))).toEqual([
      { image: 'images/tent.png', module: 'next-images/images/tent.png.ts', width: 48, height: 48 },
      { image: 'images/boots.jpg', module: 'next-images/images/boots.jpg.ts', width: 40, height: 30 },
    ]);
    expect(ctx.tree.text('lib/a.ts')).toBe("import tent from '../next-images/images/tent.png';\nimport boots from \"../next-images/images/boots.jpg\";\nexport const list = [tent, boots];\n");
    expect(ctx.tree.text('app/page.tsx')).toContain("await import('../next-images/images/tent.png')");
    const tent = images[0]!;
    expect(tent.url).toMatch(/^\/_media\/tent\.[0-9a-f]{8}\.png$/);
    expect(ctx.tree.text(tent.module)).toContain(`const image = { src: "${tent.url}", width: 48, height: 48 };\nexport default image;\n`);
    expect(ctx.tree.files.get(`public${tent.url}`)).toMatchObject({ kind: 'copy', from: ctx.abs('images/tent.png') });
    // The image itself stays where it was.
    expect(ctx.tree.has('images/tent.png')).toBe(true);
    expect(ctx.notMigrated).toEqual([]);
  });

  it('puts basePath before the src, where zfb serves public/ with base', () => {
    const ctx = withImages({ 'images/tent.png': png, 'lib/a.ts': "import tent from '../images/tent.png';\n" });
    expect(migrateStaticImages(ctx, pathAliases({}), { basePath: '/docs' })[0]!.url).toMatch(/^\/docs\/_media\/tent\.[0-9a-f]{8}\.png$/);
  });

  it('leaves SVG imports to the loader next.config gives them, and names what a blur placeholder loses', () => {
    const ctx = withImages({
      'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"></svg>',
      'images/tent.png': png,
      'app/page.tsx': "import Logo from '../logo.svg';\nimport tent from '../images/tent.png';\nexport const x = <Image src={tent} placeholder=\"blur\" alt=\"\" />;\n",
    });
    expect(migrateStaticImages(ctx, pathAliases({}), { svgLoader: 'next.config.js' }).map((i) => i.image)).toEqual(['images/tent.png']);
    expect(ctx.tree.text('app/page.tsx')).toContain("import Logo from '../logo.svg';\nimport tent from '../next-images/images/tent.png';");
    expect(ctx.notMigrated.map((n) => n.reason)).toEqual([
      expect.stringContaining('placeholder="blur" shows a blurred preview'),
      expect.stringContaining('imports ../logo.svg through the SVG loader next.config.js adds'),
    ]);
  });

  it('says which import it could not carry, and leaves it as it was for the build to name', () => {
    const ctx = withImages({
      'broken.png': Buffer.from('not an image'),
      'lib/a.ts': "import gone from './gone.png';\nimport broken from '../broken.png';\n",
    });
    expect(migrateStaticImages(ctx, pathAliases({}))).toEqual([]);
    expect(ctx.tree.files.get('lib/a.ts')).toMatchObject({ kind: 'copy' });
    expect(ctx.notMigrated).toEqual([
      { file: 'lib/a.ts', reason: expect.stringContaining('imports the image ./gone.png, which is no file of the project') },
      { file: 'lib/a.ts', reason: expect.stringContaining('imports the image broken.png, whose width and height cannot be read') },
    ]);
  });
});
